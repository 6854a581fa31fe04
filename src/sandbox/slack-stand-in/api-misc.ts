// auth.test, users.info, conversations.open and the external file upload flow.
import { messageJson } from './api-chat.ts';
import { validateBlocks } from './block-kit.ts';
import { fail, type Handler } from './api-context.ts';
import { truthy } from './http-body.ts';
import { isUserId, type FakeUserInput } from './state.ts';

const authTest: Handler = (ctx) => {
  const { teamId, botUserId, botId, teamDomain } = ctx.state.ids;
  return {
    ok: true,
    url: `https://${teamDomain}.slack.com/`,
    team: 'Fake Workspace',
    user: 'fakebot',
    team_id: teamId,
    user_id: botUserId,
    bot_id: botId,
    is_enterprise_install: false,
  };
};

function timeZoneFacts(tz: string, at = new Date()): { tz_label: string; tz_offset: number } {
  const part = (style: 'long' | 'longOffset') =>
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part('longOffset'));
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
  return { tz_label: part('long'), tz_offset: offset };
}

export function userJson(id: string, teamId: string, u: FakeUserInput, includeLocale: boolean): Record<string, any> {
  const tz = u.tz ?? 'America/Los_Angeles';
  const realName = u.name ?? id;
  return {
    id,
    team_id: teamId,
    name: realName.toLowerCase().replace(/\s+/g, '.'),
    deleted: u.deleted ?? false,
    real_name: realName,
    tz,
    ...timeZoneFacts(tz),
    is_bot: u.isBot ?? false,
    is_app_user: false,
    profile: { real_name: realName, display_name: realName, ...(u.email ? { email: u.email } : {}) },
    // Like Slack, locale is only returned when asked for with include_locale=true.
    ...(includeLocale ? { locale: u.locale ?? 'en-US' } : {}),
  };
}

const usersInfo: Handler = (ctx) => {
  const id = ctx.args.user;
  const { teamId, botUserId } = ctx.state.ids;
  if (id === botUserId) return { ok: true, user: userJson(id, teamId, { name: 'fakebot', isBot: true }, truthy(ctx.args.include_locale)) };
  const user = typeof id === 'string' ? ctx.state.users.get(id) : undefined;
  if (!user) return fail('user_not_found');
  return { ok: true, user: userJson(id, teamId, user, truthy(ctx.args.include_locale)) };
};

const conversationsOpen: Handler = (ctx) => {
  const { users, channel } = ctx.args;
  if (typeof channel === 'string' && channel !== '') return { ok: true, no_op: true, already_open: true, channel: { id: channel } };
  const ids: string[] = Array.isArray(users) ? users : typeof users === 'string' && users !== '' ? users.split(',').map((s) => s.trim()) : [];
  if (ids.length === 0) return fail('users_list_not_supplied');
  if (ids.length > 8) return fail('too_many_users');
  if (!ids.every(isUserId)) return fail('user_not_found');
  const id = ids.length === 1 ? `D${ids[0]}` : `G${[...ids].sort().join('').replace(/[^A-Z0-9]/g, '')}`;
  return { ok: true, channel: { id } };
};

const getUploadUrl: Handler = (ctx) => {
  const { filename, length } = ctx.args;
  const n = Number(length);
  if (typeof filename !== 'string' || filename === '') return ctx.reject('invalid_arguments', ['/filename: missing required field: filename']);
  if (!Number.isInteger(n) || n < 1) return ctx.reject('invalid_arguments', ['/length: must be a positive integer']);
  const id = ctx.state.nextId('F');
  ctx.state.files.set(id, { id, filename, length: n, alt_text: ctx.args.alt_text, completed: false });
  return { ok: true, upload_url: `${ctx.baseUrl}/upload/${id}`, file_id: id };
};

const completeUpload: Handler = (ctx) => {
  const { files, channel_id, initial_comment, thread_ts, blocks } = ctx.args;
  if (!Array.isArray(files) || files.length === 0) return ctx.reject('invalid_arguments', ['/files: must be a non-empty JSON array']);
  if (blocks !== undefined) {
    const violations = validateBlocks(blocks, 'message');
    if (violations.length > 0) return ctx.reject('invalid_blocks', violations);
  }
  const stored = files.map((f: { id?: string }) => (f && f.id ? ctx.state.files.get(f.id) : undefined));
  // Completing a file that was never uploaded is an app bug worth failing loudly on.
  if (stored.some((f) => !f || !f.content)) return fail('file_not_found');
  const out = stored.map((f, i) => {
    const file = f!;
    Object.assign(file, {
      completed: true,
      title: files[i].title ?? file.filename,
      channel_id: channel_id || undefined,
      initial_comment: initial_comment || undefined,
      thread_ts: thread_ts || undefined,
    });
    return { id: file.id, name: file.filename, title: file.title, size: file.content!.length, created: Math.floor(Date.now() / 1000) };
  });
  if (channel_id) {
    ctx.state.messages.push({
      channel: channel_id,
      ts: ctx.state.nextTs(),
      text: initial_comment ?? '',
      blocks,
      thread_ts: thread_ts || undefined,
      files: out.map((f) => f.id),
      via: ctx.method,
      edits: 0,
    });
  }
  return { ok: true, files: out };
};

/** The bot's messages in a channel (not thread replies) or in one thread, newest first, like Slack. */
function listMessages(ctx: Parameters<Handler>[0], thread: string | undefined): ReturnType<Handler> {
  const channel = typeof ctx.args.channel === 'string' ? ctx.args.channel : '';
  if (!channel) return fail('channel_not_found');
  if (thread !== undefined && !ctx.state.findMessage(channel, thread)) return fail('thread_not_found');
  const oldest = Number(ctx.args.oldest ?? 0);
  const limit = Math.min(Number(ctx.args.limit ?? 100) || 100, 1000);
  const withMetadata = truthy(ctx.args.include_all_metadata);
  const all = ctx.state.messages
    .filter((m) => m.channel === channel && !m.ephemeralTo && !ctx.state.deleted.has(m) && Number(m.ts) > oldest)
    .filter((m) => (thread === undefined ? !m.thread_ts || m.thread_ts === m.ts : m.ts === thread || m.thread_ts === thread))
    .sort((a, b) => Number(b.ts) - Number(a.ts));
  const start = Number(ctx.args.cursor ?? 0) || 0;
  const page = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return {
    ok: true,
    messages: page.map((m) => {
      const { metadata, ...json } = messageJson(ctx, m);
      return withMetadata && metadata ? { ...json, metadata } : json;
    }),
    has_more: more,
    response_metadata: { next_cursor: more ? String(start + limit) : '' },
  };
}

const conversationsHistory: Handler = (ctx) => listMessages(ctx, undefined);
const conversationsReplies: Handler = (ctx) => {
  const ts = typeof ctx.args.ts === 'string' ? ctx.args.ts : '';
  return ts ? listMessages(ctx, ts) : fail('thread_not_found');
};

// Socket Mode: a fresh WebSocket URL per call, like Slack's wss://wss-primary.slack.com/link/?ticket=….
const connectionsOpen: Handler = (ctx) => {
  const next = ctx.state.socketModeUrl;
  return next ? { ok: true, url: next() } : fail('socket_mode_not_enabled');
};

export const miscMethods: Record<string, Handler> = {
  'conversations.history': conversationsHistory,
  'conversations.replies': conversationsReplies,
  'auth.test': authTest,
  'apps.connections.open': connectionsOpen,
  'users.info': usersInfo,
  'conversations.open': conversationsOpen,
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};
