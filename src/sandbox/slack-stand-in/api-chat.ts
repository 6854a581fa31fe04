// chat.* methods. Error names follow docs.slack.dev/reference/methods/chat.*.
import { validateBlocks } from './block-kit.ts';
import { fail, type Ctx, type Handler, type Reply } from './api-context.ts';
import { charLength } from './block-kit/check.ts';
import { dmChannelFor, isUserId, type FakeMessage } from './state.ts';

const POST_TEXT_TRUNCATE = 40_000;
const UPDATE_TEXT_MAX = 4_000;
const MARKDOWN_TEXT_MAX = 12_000;

interface Content {
  text?: string;
  blocks?: any[];
  attachments?: any[];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Checks text/blocks/attachments like Slack; returns an error reply or the content to store. */
export function messageContent(ctx: Ctx, args = ctx.args): Content | Reply {
  const { blocks, attachments } = args;
  if (typeof blocks === 'string') return fail('invalid_blocks_format');
  if (blocks !== undefined) {
    const violations = validateBlocks(blocks, 'message');
    if (violations.length > 0) return ctx.reject('invalid_blocks', violations);
  }
  if (attachments !== undefined && !Array.isArray(attachments)) return fail('invalid_attachments');
  for (const [i, a] of (attachments ?? []).entries()) {
    if (a && Array.isArray(a.blocks)) {
      const violations = validateBlocks(a.blocks, 'message').map((v) => `/attachments/${i}${v}`);
      if (violations.length > 0) return ctx.reject('invalid_blocks', violations);
    }
  }
  const text = typeof args.text === 'string' ? args.text : args.text === undefined ? undefined : String(args.text);
  return { text, blocks, attachments };
}

function isReply(v: Content | Reply): v is Reply {
  return 'ok' in v;
}

function hasContent(c: Content): boolean {
  return !!c.text || (Array.isArray(c.blocks) && c.blocks.length > 0) || (Array.isArray(c.attachments) && c.attachments.length > 0);
}

export function messageJson(ctx: Ctx, m: FakeMessage): Record<string, any> {
  const { botUserId, botId, appId, teamId } = ctx.state.ids;
  return {
    type: 'message',
    user: botUserId,
    bot_id: botId,
    app_id: appId,
    team: teamId,
    text: m.text ?? '',
    ts: m.ts,
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.attachments ? { attachments: m.attachments } : {}),
    ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
    ...(m.metadata ? { metadata: m.metadata } : {}),
    ...(m.edits > 0 ? { edited: { user: botUserId, ts: m.ts } } : {}),
  };
}

function channelFor(ctx: Ctx): { channel?: string; error?: Reply } {
  const raw = str(ctx.args.channel);
  if (!raw) return { error: fail('channel_not_found') };
  const channel = dmChannelFor(raw);
  const injected = ctx.state.channelErrors.get(raw) ?? ctx.state.channelErrors.get(channel);
  return injected ? { error: fail(injected) } : { channel };
}

const postMessage: Handler = (ctx) => {
  const { channel, error } = channelFor(ctx);
  if (error) return error;
  const { args } = ctx;
  if (args.markdown_text !== undefined) {
    if (args.text !== undefined || args.blocks !== undefined) return fail('markdown_text_conflict');
    if (charLength(String(args.markdown_text)) > MARKDOWN_TEXT_MAX) return fail('msg_too_long');
  }
  const content = messageContent(ctx);
  if (isReply(content)) return content;
  if (!hasContent(content) && !args.markdown_text) return fail('no_text');
  if (!content.text && !args.markdown_text && (content.blocks?.length ?? 0) > 0) {
    ctx.warn('chat.postMessage has blocks but no top-level text: screen readers and notifications get nothing');
  }
  let text = content.text ?? (args.markdown_text as string | undefined);
  if (text && charLength(text) > POST_TEXT_TRUNCATE) {
    ctx.warn(`chat.postMessage text is ${charLength(text)} characters; Slack truncates it to ${POST_TEXT_TRUNCATE}`);
    text = [...text].slice(0, POST_TEXT_TRUNCATE).join('');
  }
  const m: FakeMessage = {
    channel: channel!,
    ts: ctx.state.nextTs(),
    text,
    blocks: content.blocks,
    attachments: content.attachments,
    thread_ts: str(args.thread_ts),
    metadata: args.metadata,
    via: ctx.method,
    edits: 0,
  };
  ctx.state.messages.push(m);
  return { ok: true, channel: m.channel, ts: m.ts, message: messageJson(ctx, m) };
};

const update: Handler = (ctx) => {
  const raw = str(ctx.args.channel);
  // chat.update needs the conversation id: a user id does not name the DM here.
  if (raw && isUserId(raw)) return fail('channel_not_found');
  const { channel, error } = channelFor(ctx);
  if (error) return error;
  const m = ctx.state.findMessage(channel!, String(ctx.args.ts ?? ''));
  if (!m) return fail('message_not_found');
  const content = messageContent(ctx);
  if (isReply(content)) return content;
  if (content.text !== undefined && charLength(content.text) > UPDATE_TEXT_MAX) return fail('msg_too_long');
  if (!hasContent(content) && !hasContent(m)) return fail('no_text');
  if (content.text !== undefined) m.text = content.text;
  if (content.blocks !== undefined) m.blocks = content.blocks;
  if (content.attachments !== undefined) m.attachments = content.attachments;
  if (ctx.args.metadata !== undefined) m.metadata = ctx.args.metadata;
  m.edits++;
  return { ok: true, channel: m.channel, ts: m.ts, text: m.text ?? '', message: messageJson(ctx, m) };
};

const postEphemeral: Handler = (ctx) => {
  const { channel, error } = channelFor(ctx);
  if (error) return error;
  const user = str(ctx.args.user);
  if (!user) return fail('user_not_found');
  const content = messageContent(ctx);
  if (isReply(content)) return content;
  if (!hasContent(content)) return fail('no_text');
  if (!content.text && (content.blocks?.length ?? 0) > 0) {
    ctx.warn('chat.postEphemeral has blocks but no top-level text');
  }
  const ts = ctx.state.nextTs();
  ctx.state.messages.push({ channel: channel!, ts, ...content, thread_ts: str(ctx.args.thread_ts), ephemeralTo: user, via: ctx.method, edits: 0 });
  return { ok: true, message_ts: ts };
};

const del: Handler = (ctx) => {
  const m = ctx.state.findMessage(dmChannelFor(String(ctx.args.channel ?? '')), String(ctx.args.ts ?? ''));
  if (!m) return fail('message_not_found');
  ctx.state.deleted.add(m);
  return { ok: true, channel: m.channel, ts: m.ts };
};

const getPermalink: Handler = (ctx) => {
  const channel = dmChannelFor(String(ctx.args.channel ?? ''));
  const m = ctx.state.findMessage(channel, String(ctx.args.message_ts ?? ''));
  if (!m) return fail('message_not_found');
  const permalink = `https://${ctx.state.ids.teamDomain}.slack.com/archives/${channel}/p${m.ts.replace('.', '')}`;
  return { ok: true, channel, permalink };
};

export const chatMethods: Record<string, Handler> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'chat.delete': del,
  'chat.getPermalink': getPermalink,
};
