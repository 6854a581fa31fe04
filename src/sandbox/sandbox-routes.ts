// The page's routes under /sandbox on the bot's port. Each click or typed command becomes
// the signed request Slack would send (the driver in slack-stand-in/); what the bot then
// does through the Web API lands in the stand-in, whose every call is pushed to the page
// as a server-sent event so it refetches what it shows. Slack's own part of an answer is
// played here too: an ack carrying a message shows it to the user, a modal's
// response_action (errors, update, push, clear) acts on the modal stack.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import type { RunningBot } from '../app.ts';
import type { RouteHandler, Routes } from '../http/server.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { clockMoveSchema } from './clock-moves.ts';
import type { OffsetClock } from './offset-clock.ts';
import { moveBotClock } from './sandbox-clock.ts';
import { sandboxChannels, sandboxPeople, syncStandInUsers, workspaceFor } from './sandbox-workspace.ts';
import { sendJson } from './slack-stand-in/api-context.ts';
import { readBody } from './slack-stand-in/http-body.ts';
import type { FakeSlack } from './slack-stand-in/server.ts';
import type { SlackDriver, SlackResponse } from './slack-stand-in/slack-requests.ts';
import { dmChannelFor } from './slack-stand-in/state.ts';

type Deps = { bot: RunningBot; slack: FakeSlack; driver: SlackDriver; clock: OffsetClock; botToken: string };

const pageFolder = path.join(PROJECT_ROOT, 'src/sandbox/page');
const pageFiles: Record<string, string> = {
  '/sandbox': 'index.html',
  '/sandbox/sandbox.css': 'sandbox.css',
  '/sandbox/sandbox.js': 'sandbox.js',
  '/sandbox/blocks.js': 'blocks.js',
  '/sandbox/mrkdwn.js': 'mrkdwn.js',
};
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
};
// The stand-in remembers every call for the tests' sake; a sandbox left running keeps the newest.
const keptCalls = 2000;

const userId = z.string().regex(/^[UW][A-Z0-9]+$/, 'must be a Slack user id');
const channelId = z.string().regex(/^[CDG][A-Z0-9]+$/, 'must be a Slack channel id');
const option = z.object({ value: z.string(), text: z.string().optional() });
const stateValues = z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown()).and(z.object({ type: z.string() }))));
const schemas = {
  command: z.object({ user: userId, channel: channelId, text: z.string().min(1).max(4000) }),
  message: z.object({ user: userId, channel: channelId, text: z.string().min(1).max(4000), threadTs: z.string().optional() }),
  action: z.object({
    user: userId,
    channel: channelId.optional(),
    ts: z.string().optional(),
    viewId: z.string().optional(),
    actionId: z.string(),
    blockId: z.string().optional(),
    value: z.string().optional(),
    selectedOption: option.optional(),
    selectedOptions: z.array(option).optional(),
    selectedDate: z.string().optional(),
    selectedTime: z.string().optional(),
    selectedUser: z.string().optional(),
    state: stateValues.optional(),
  }),
  submit: z.object({ user: userId, viewId: z.string(), values: stateValues }),
  close: z.object({ user: userId, viewId: z.string() }),
  suggest: z.object({ user: userId, viewId: z.string(), actionId: z.string(), blockId: z.string().optional(), value: z.string().max(200) }),
  home: z.object({ user: userId }),
  language: z.object({ user: userId, locale: z.enum(['zh-CN', 'en']) }),
  clock: z.object({ move: clockMoveSchema }),
};

class BadInput extends Error {}

async function body<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse((await readBody(req)).toString('utf8'));
  } catch {
    throw new BadInput('the body must be JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new BadInput(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; '));
  return parsed.data;
}

/** The slash commands the app declares (manifest.yml): Slack refuses any other. */
function declaredCommands(): Set<string> {
  const manifest = readFileSync(path.join(PROJECT_ROOT, 'manifest.yml'), 'utf8');
  return new Set([...manifest.matchAll(/^\s*-\s*command:\s*(\/\S+)/gm)].map((m) => m[1]!));
}

export function sandboxRoutes(deps: Deps): { routes: Routes; closeStreams(): void } {
  const { bot, slack, driver, clock } = deps;
  const commands = declaredCommands();
  const modalOwners = new Map<string, string>();
  const triggerOwners = new Map<string, string>();
  const streams = new Set<ServerResponse>();
  let triggerCount = 0;
  let pending: NodeJS.Timeout | undefined;

  const notify = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      for (const stream of streams) stream.write(`data: ${JSON.stringify({ at: Date.now() })}\n\n`);
    }, 30);
  };
  slack.onCall((call) => {
    if ((call.method === 'views.open' || call.method === 'views.push') && call.ok) {
      const owner = triggerOwners.get(String(call.args.trigger_id));
      if (owner) modalOwners.set(call.response.view.id, owner);
    }
    if (slack.calls.length > keptCalls * 2) slack.calls.splice(0, slack.calls.length - keptCalls);
    notify();
  });

  const trigger = (user: string) => {
    const id = `${++triggerCount}.${Date.now()}.sandbox`;
    triggerOwners.set(id, user);
    if (triggerOwners.size > 500) triggerOwners.delete(triggerOwners.keys().next().value!);
    return id;
  };
  const standIn = async (method: string, args: Record<string, unknown>) => {
    const res = await fetch(`${slack.apiUrl}${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deps.botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    return (await res.json()) as { ok: boolean; error?: string; view?: { id: string } };
  };
  const people = async () => {
    const found = await sandboxPeople(bot);
    syncStandInUsers(slack, found, bot.ctx.config.locale === 'en' ? 'en-US' : 'zh-CN');
    return found;
  };
  /** Slack shows the message an ack carries to the one user (or the channel, for in_channel). */
  const showAckMessage = (answer: SlackResponse, user: string, channel: string) => {
    const json = answer.json;
    if (!json || typeof json !== 'object' || (!json.text && !json.blocks)) return;
    slack.state.messages.push({
      channel,
      ts: slack.state.nextTs(),
      text: json.text ?? '',
      blocks: json.blocks,
      ephemeralTo: json.response_type === 'in_channel' ? undefined : user,
      via: 'ack',
      edits: 0,
    });
    notify();
  };
  const refused = (answer: SlackResponse) => (answer.status === 200 ? undefined : `the bot answered HTTP ${answer.status}`);

  const route =
    <T>(schema: z.ZodType<T>, act: (input: T) => Promise<Record<string, unknown>>): RouteHandler =>
    async (req, res) => {
      try {
        sendJson(res, 200, { ok: true, ...(await act(await body(req, schema))) });
      } catch (error) {
        if (error instanceof BadInput) return sendJson(res, 400, { ok: false, error: error.message });
        // The driver refuses an action or value the bot never rendered: the page's mistake, said plainly.
        sendJson(res, 422, { ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    };

  const routes: Routes = new Map();
  for (const [url, file] of Object.entries(pageFiles)) {
    routes.set(`GET ${url}`, async (_req, res) => {
      res.writeHead(200, { 'content-type': contentTypes[path.extname(file)]!, 'cache-control': 'no-store' });
      res.end(await readFile(path.join(pageFolder, file)));
    });
  }

  routes.set('GET /sandbox/events', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': sandbox\n\n');
    streams.add(res);
    const beat = setInterval(() => res.write(': beat\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(beat);
      streams.delete(res);
    });
  });

  routes.set('GET /sandbox/state', async (req, res) => {
    const viewer = userId.safeParse(new URL(req.url ?? '/', 'http://sandbox').searchParams.get('user'));
    const everyone = await people();
    const channels = await sandboxChannels(bot);
    const user = viewer.success ? viewer.data : everyone[0]?.id;
    const profile = user ? slack.state.users.get(user) : undefined;
    sendJson(res, 200, {
      ok: true,
      now: bot.ctx.clock.now().toISOString(),
      clockOffsetMillis: clock.offsetMillis(),
      botTimeZone: bot.ctx.config.timezone,
      botUserId: slack.botUserId,
      people: everyone,
      channels,
      viewer: user ? { id: user, locale: profile?.locale?.startsWith('en') ? 'en' : 'zh-CN', timeZone: profile?.tz ?? bot.ctx.config.timezone } : null,
      ...(user ? workspaceFor(slack, user, modalOwners) : {}),
    });
  });

  routes.set('GET /sandbox/file', (req, res) => {
    const id = new URL(req.url ?? '/', 'http://sandbox').searchParams.get('id') ?? '';
    const file = slack.state.files.get(id);
    if (!file?.content) return sendJson(res, 404, { ok: false, error: 'no such file' });
    const type = contentTypes[path.extname(file.filename).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}` });
    res.end(file.content);
  });

  routes.set(
    'POST /sandbox/command',
    route(schemas.command, async ({ user, channel, text }) => {
      const [, command, rest] = /^(\/\S+)\s*([\s\S]*)$/.exec(text.trim()) ?? [];
      if (!command || !commands.has(command)) {
        throw new BadInput(`${command ?? text} is not a command of this app (${[...commands].join(', ')})`);
      }
      const answer = await driver.command({
        command,
        text: rest ?? '',
        userId: user,
        channelId: channel,
        responseUrl: slack.responseUrl({ channel, userId: user }),
        triggerId: trigger(user),
      });
      showAckMessage(answer, user, channel);
      return { refused: refused(answer) };
    }),
  );

  routes.set(
    'POST /sandbox/message',
    route(schemas.message, async ({ user, channel, text, threadTs }) => {
      const ts = slack.state.nextTs();
      slack.state.messages.push({ channel, ts, text, thread_ts: threadTs, user, via: 'user', edits: 0 });
      notify();
      const im = channel === dmChannelFor(user);
      const answer = await driver.event({ type: 'message', channel, channel_type: im ? 'im' : 'channel', user, text, ts, ...(threadTs ? { thread_ts: threadTs } : {}) });
      return { refused: refused(answer) };
    }),
  );

  routes.set(
    'POST /sandbox/action',
    route(schemas.action, async (input) => {
      const common = {
        userId: input.user,
        actionId: input.actionId,
        blockId: input.blockId,
        value: input.value,
        selectedOption: input.selectedOption,
        selectedOptions: input.selectedOptions,
        selectedDate: input.selectedDate,
        selectedTime: input.selectedTime,
        selectedUser: input.selectedUser,
        state: input.state,
        triggerId: trigger(input.user),
      };
      if (input.viewId) {
        const view = slack.state.views.get(input.viewId);
        if (!view) throw new BadInput('that view is no longer open');
        return { refused: refused(await driver.blockAction({ ...common, view })) };
      }
      const message = slack.messages().find((m) => m.channel === input.channel && m.ts === input.ts);
      if (!message) throw new BadInput('that message is gone');
      const responseUrl = slack.responseUrl({ channel: message.channel, messageTs: message.ts, userId: input.user });
      return { refused: refused(await driver.blockAction({ ...common, message, channelId: message.channel, responseUrl })) };
    }),
  );

  routes.set(
    'POST /sandbox/submit',
    route(schemas.submit, async ({ user, viewId, values }) => {
      const view = slack.state.views.get(viewId);
      if (!view) throw new BadInput('that view is no longer open');
      const answer = await driver.viewSubmission({ userId: user, view, values, triggerId: trigger(user) });
      if (answer.status !== 200) return { refused: refused(answer) };
      const action = answer.json?.response_action;
      if (action === 'errors') return { errors: answer.json.errors ?? {} };
      if (action === 'update') {
        const updated = await standIn('views.update', { view_id: viewId, view: answer.json.view });
        if (!updated.ok) return { refused: `views.update: ${updated.error}` };
      } else if (action === 'push') {
        const pushed = await standIn('views.push', { trigger_id: trigger(user), view: answer.json.view });
        if (!pushed.ok) return { refused: `views.push: ${pushed.error}` };
      } else if (action === 'clear') {
        slack.closeView(view.root_view_id ?? viewId);
      } else {
        slack.closeView(viewId);
      }
      notify();
      return {};
    }),
  );

  routes.set(
    'POST /sandbox/close',
    route(schemas.close, async ({ viewId }) => {
      const view = slack.state.views.get(viewId);
      if (view) slack.closeView(view.clear_on_close ? (view.root_view_id ?? viewId) : viewId);
      notify();
      return {};
    }),
  );

  routes.set(
    'POST /sandbox/suggest',
    route(schemas.suggest, async ({ user, viewId, actionId, blockId, value }) => {
      const view = slack.state.views.get(viewId);
      if (!view) throw new BadInput('that view is no longer open');
      const answer = await driver.blockSuggestion({ userId: user, actionId, blockId, value, view });
      return { options: answer.json?.options ?? [], optionGroups: answer.json?.option_groups ?? null, refused: refused(answer) };
    }),
  );

  routes.set(
    'POST /sandbox/home',
    route(schemas.home, async ({ user }) => {
      const home = slack.homeViewOf(user);
      const answer = await driver.event({ type: 'app_home_opened', user, channel: dmChannelFor(user), tab: 'home', ...(home ? { view: home } : {}) });
      return { refused: refused(answer) };
    }),
  );

  routes.set(
    'POST /sandbox/language',
    route(schemas.language, async ({ user, locale }) => {
      const known = slack.state.users.get(user) ?? {};
      slack.setUser(user, { ...known, locale: locale === 'en' ? 'en-US' : 'zh-CN' });
      // The bot caches profiles for an hour; the next look-up must see the new language.
      bot.ctx.profiles.forget(user);
      notify();
      return {};
    }),
  );

  routes.set(
    'POST /sandbox/clock',
    route(schemas.clock, async ({ move }) => {
      const result = await moveBotClock(bot.ctx, clock, move);
      notify();
      return { now: bot.ctx.clock.now().toISOString(), ...result };
    }),
  );

  return {
    routes,
    closeStreams() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
