// views.* methods: modal stacks (open/push/update) and Home tabs (publish).
import { validateView } from './block-kit.ts';
import { fail, type Ctx, type Handler, type Reply } from './api-context.ts';

const MAX_STACK = 3;

/** Returns an error reply, or undefined once the trigger is consumed (trigger ids are single use). */
function useTrigger(ctx: Ctx): Reply | undefined {
  const trigger = ctx.args.trigger_id;
  if (typeof trigger !== 'string' || trigger === '') {
    return ctx.reject('invalid_arguments', ['/trigger_id: missing required field: trigger_id']);
  }
  if (ctx.state.usedTriggers.has(trigger)) return fail('exchanged_trigger_id');
  ctx.state.usedTriggers.add(trigger);
  return undefined;
}

function checkView(ctx: Ctx, type?: 'modal' | 'home'): Reply | undefined {
  const view = ctx.args.view;
  if (view === undefined || typeof view === 'string') {
    return ctx.reject('invalid_arguments', [`/view: ${view === undefined ? 'missing required field: view' : 'view is not valid JSON'}`]);
  }
  const violations = validateView(view);
  if (type && view?.type !== type && violations.length === 0) violations.push(`/view/type: must be ${type} for ${ctx.method}`);
  if (violations.length === 0) return undefined;
  const tooLarge = violations.find((v) => v.includes('view_too_large'));
  if (tooLarge && violations.length === 1) return ctx.reject('view_too_large', violations);
  return ctx.reject('invalid_arguments', violations);
}

function newHash(ctx: Ctx): string {
  return `${Math.floor(Date.now() / 1000)}.${ctx.state.nextId('h')}`;
}

/** The view object Slack answers with (and later sends back in interaction payloads). */
function materialize(ctx: Ctx, id: string, root: string, previous: string | null, keptExternalId = ''): Record<string, any> {
  const input = ctx.args.view as Record<string, any>;
  const { teamId, appId, botId } = ctx.state.ids;
  return {
    id,
    team_id: teamId,
    type: input.type,
    blocks: input.blocks,
    private_metadata: input.private_metadata ?? '',
    callback_id: input.callback_id ?? '',
    state: { values: {} },
    hash: newHash(ctx),
    title: input.title ?? { type: 'plain_text', text: 'View Title', emoji: true },
    clear_on_close: input.clear_on_close ?? false,
    notify_on_close: input.notify_on_close ?? false,
    close: input.close ?? null,
    submit: input.submit ?? null,
    previous_view_id: previous,
    root_view_id: root,
    app_id: appId,
    // An update that does not restate external_id keeps the one the view has.
    external_id: input.external_id ?? keptExternalId,
    app_installed_team_id: teamId,
    bot_id: botId,
  };
}

function externalIdTaken(ctx: Ctx, exceptId?: string): boolean {
  const ext = ctx.args.view?.external_id;
  if (!ext) return false;
  return [...ctx.state.views.values()].some((v) => v.external_id === ext && v.id !== exceptId);
}

const open: Handler = (ctx) => {
  const bad = useTrigger(ctx) ?? checkView(ctx, 'modal');
  if (bad) return bad;
  if (externalIdTaken(ctx)) return fail('duplicate_external_id');
  const id = ctx.state.nextId('V');
  const view = materialize(ctx, id, id, null);
  ctx.state.views.set(id, view);
  ctx.state.stacks.push([id]);
  return { ok: true, view };
};

const push: Handler = (ctx) => {
  const bad = useTrigger(ctx) ?? checkView(ctx, 'modal');
  if (bad) return bad;
  let stack = ctx.state.stacks.at(-1);
  if (!stack) {
    stack = [];
    ctx.state.stacks.push(stack);
  }
  if (stack.length >= MAX_STACK) return fail('push_limit_reached');
  const id = ctx.state.nextId('V');
  const view = materialize(ctx, id, stack[0] ?? id, stack.at(-1) ?? null);
  ctx.state.views.set(id, view);
  stack.push(id);
  return { ok: true, view };
};

const update: Handler = (ctx) => {
  const { view_id, external_id, hash } = ctx.args;
  const existing = [...ctx.state.views.values()].find(
    (v) => (view_id && v.id === view_id) || (!view_id && external_id && v.external_id === external_id),
  );
  if (!view_id && !external_id) return ctx.reject('invalid_arguments', ['/view_id: view_id or external_id is required']);
  if (!existing) return fail('not_found');
  if (hash && hash !== existing.hash) return fail('hash_conflict');
  const bad = checkView(ctx, existing.type);
  if (bad) return bad;
  if (externalIdTaken(ctx, existing.id)) return fail('duplicate_external_id');
  const view = materialize(ctx, existing.id, existing.root_view_id, existing.previous_view_id, existing.external_id);
  ctx.state.views.set(existing.id, view);
  return { ok: true, view };
};

const publish: Handler = (ctx) => {
  const user = ctx.args.user_id;
  if (typeof user !== 'string' || user === '') return ctx.reject('invalid_arguments', ['/user_id: missing required field: user_id']);
  const bad = checkView(ctx, 'home');
  if (bad) return bad;
  const currentId = ctx.state.homeViews.get(user);
  const current = currentId ? ctx.state.views.get(currentId) : undefined;
  if (ctx.args.hash && current && ctx.args.hash !== current.hash) return fail('hash_conflict');
  const id = currentId ?? ctx.state.nextId('V');
  const view = materialize(ctx, id, id, null, current?.external_id);
  ctx.state.views.set(id, view);
  ctx.state.homeViews.set(user, id);
  return { ok: true, view };
};

export const viewMethods: Record<string, Handler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
