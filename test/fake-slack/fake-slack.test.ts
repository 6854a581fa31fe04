// The fake Slack answered through the real @slack/web-api WebClient, so what
// passes here is what the bot's client will see.
import { ErrorCode, WebClient, WebClientEvent, type WebClientOptions } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';

let fake: FakeSlack;
const silent = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error', setName() {} } as never;
const client = (options: WebClientOptions = {}) =>
  new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: silent, ...options });
const plain = (text: string) => ({ type: 'plain_text' as const, text });
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** Runs a call expected to fail and returns the error for inspection. */
async function failure(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  fake = await startFakeSlack({ botUserId: 'UBOT', teamId: 'TTEAM', seed: 42 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('auth and routing', () => {
  it('answers auth.test with the configured identity', async () => {
    const res = await client().auth.test();
    expect(res).toMatchObject({ ok: true, user_id: 'UBOT', team_id: 'TTEAM', bot_id: expect.stringMatching(/^B/) });
    expect(res.url).toMatch(/^https:\/\//);
    expect(fake.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('requires a bot token and knows its methods', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${fake.apiUrl}auth.test`, { method: 'POST', headers }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(await post({})).toEqual({ status: 200, body: { ok: false, error: 'not_authed' } });
    expect(await post({ authorization: 'Bearer nope' })).toEqual({ status: 200, body: { ok: false, error: 'invalid_auth' } });
    const err = await failure(client().apiCall('chat.explode'));
    expect(err.code).toBe(ErrorCode.PlatformError);
    expect(err.data.error).toBe('unknown_method');
    expect(fake.callsTo('chat.explode')[0]).toMatchObject({ ok: false, error: 'unknown_method', status: 200 });
  });
});

describe('chat', () => {
  it('posts messages with unique increasing ts and records the decoded form arguments', async () => {
    const web = client();
    const blocks = [section('*hello*')];
    const first = await web.chat.postMessage({ channel: 'C1', text: 'hello', blocks });
    const second = await web.chat.postMessage({ channel: 'C1', text: 'again', thread_ts: first.ts! });
    expect(first).toMatchObject({ ok: true, channel: 'C1', ts: '1700000000.000100', message: { text: 'hello', blocks } });
    expect(second.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    // WebClient form-encodes and JSON-stringifies blocks; the fake must decode them back.
    expect(fake.callsTo('chat.postMessage')[0]!.args.blocks).toEqual(blocks);
    expect(fake.messageIn('C1')).toMatchObject({ text: 'again', thread_ts: first.ts });
    expect(fake.messageIn('C1', (m) => m.text === 'hello')?.blocks).toEqual(blocks);
  });

  it('maps a user id channel to the DM and refuses a message without content', async () => {
    const res = await client().chat.postMessage({ channel: 'U123', text: 'psst' });
    expect(res.channel).toBe('DU123');
    expect(fake.messageIn('U123')?.text).toBe('psst');
    const err = await failure(client().chat.postMessage({ channel: 'C1' } as never));
    expect(err.data.error).toBe('no_text');
    expect((await failure(client().chat.postMessage({ text: 'x' } as never))).data.error).toBe('channel_not_found');
  });

  it('warns when blocks come without top-level text', async () => {
    await client().chat.postMessage({ channel: 'C1', blocks: [section('only blocks')] });
    expect(fake.warnings).toHaveLength(1);
    expect(fake.warnings[0]!.message).toContain('no top-level text');
    await client().chat.postMessage({ channel: 'C1', text: 'fallback', blocks: [section('b')] });
    expect(fake.warnings).toHaveLength(1);
  });

  it('updates existing messages only, by conversation id, within 4000 characters', async () => {
    const web = client();
    const { channel, ts } = await web.chat.postMessage({ channel: 'U9', text: 'v1' });
    const updated = await web.chat.update({ channel: channel!, ts: ts!, text: 'v2' });
    expect(updated).toMatchObject({ ok: true, channel: 'DU9', ts, text: 'v2' });
    expect(fake.messageIn('DU9')).toMatchObject({ text: 'v2', edits: 1 });
    expect((await failure(web.chat.update({ channel: 'U9', ts: ts!, text: 'x' }))).data.error).toBe('channel_not_found');
    expect((await failure(web.chat.update({ channel: channel!, ts: '1.000001', text: 'x' }))).data.error).toBe('message_not_found');
    expect((await failure(web.chat.update({ channel: channel!, ts: ts!, text: 'x'.repeat(4001) }))).data.error).toBe('msg_too_long');
    expect(fake.messages()).toHaveLength(1);
  });

  it('rejects invalid blocks like Slack and keeps the violations for the test', async () => {
    const err = await failure(client().chat.postMessage({ channel: 'C1', text: 't', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x', emoji: true } }] as never }));
    expect(err.code).toBe(ErrorCode.PlatformError);
    expect(err.data.error).toBe('invalid_blocks');
    expect(err.data.response_metadata.messages[0]).toMatch(/^\[ERROR\] unknown property 'emoji'.*\[json-pointer:\/blocks\/0\/text\/emoji\]$/);
    expect(fake.rejections).toEqual([expect.objectContaining({ method: 'chat.postMessage', error: 'invalid_blocks' })]);
    expect(fake.messages()).toEqual([]);
    expect(() => fake.assertNoRejections()).toThrow(/chat\.postMessage -> invalid_blocks[\s\S]*emoji/);
  });

  it('posts ephemeral messages and permalinks', async () => {
    const web = client();
    const eph = await web.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'only you' });
    expect(eph.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(fake.messageIn('C1')).toMatchObject({ text: 'only you', ephemeralTo: 'U1' });
    expect((await failure(web.chat.update({ channel: 'C1', ts: eph.message_ts!, text: 'x' }))).data.error).toBe('message_not_found');
    const { ts } = await web.chat.postMessage({ channel: 'C1', text: 'hi' });
    const link = await web.chat.getPermalink({ channel: 'C1', message_ts: ts! });
    expect(link.permalink).toContain(`/archives/C1/p${ts!.replace('.', '')}`);
  });

  it('answers an injected channel error', async () => {
    fake.setChannelError('CGONE', 'not_in_channel');
    expect((await failure(client().chat.postMessage({ channel: 'CGONE', text: 'x' }))).data.error).toBe('not_in_channel');
    fake.setChannelError('CGONE', null);
    expect((await client().chat.postMessage({ channel: 'CGONE', text: 'x' })).ok).toBe(true);
  });
});

describe('views', () => {
  const modal = (title = 'Edit') => ({ type: 'modal' as const, title: plain(title), blocks: [section('m')], callback_id: 'edit' });

  it('opens a modal once per trigger and updates it by id or external id', async () => {
    const web = client();
    const opened = await web.views.open({ trigger_id: 't1', view: { ...modal(), external_id: 'ext-1' } });
    const id = opened.view!.id!;
    expect(id).toMatch(/^V/);
    expect(opened.view).toMatchObject({ callback_id: 'edit', state: { values: {} }, root_view_id: id, hash: expect.any(String) });
    expect((await failure(web.views.open({ trigger_id: 't1', view: modal() }))).data.error).toBe('exchanged_trigger_id');
    expect((await failure(web.views.open({ view: modal() } as never))).data.error).toBe('invalid_arguments');

    await web.views.update({ view_id: id, view: modal('Second') });
    expect(fake.openViews()[0]!.title.text).toBe('Second');
    await web.views.update({ external_id: 'ext-1', view: modal('Third') } as never);
    expect(fake.openViews()).toHaveLength(1);
    expect((await failure(web.views.update({ view_id: 'VNOPE', view: modal() }))).data.error).toBe('not_found');
    expect((await failure(web.views.update({ view_id: id, hash: 'stale', view: modal() }))).data.error).toBe('hash_conflict');
  });

  it('refuses a 25 character title with invalid_arguments and records it', async () => {
    const err = await failure(client().views.open({ trigger_id: 't', view: modal('x'.repeat(25)) }));
    expect(err.data.error).toBe('invalid_arguments');
    expect(err.data.response_metadata.messages[0]).toContain('[json-pointer:/view/title/text]');
    expect(fake.rejections[0]!.violations[0]).toContain('at most 24 characters');
    expect(fake.openViews()).toEqual([]);
  });

  it('allows two pushes on a modal', async () => {
    const web = client();
    const root = await web.views.open({ trigger_id: 'a', view: modal() });
    const pushed = await web.views.push({ trigger_id: 'b', view: modal('Two') });
    expect(pushed.view).toMatchObject({ root_view_id: root.view!.id, previous_view_id: root.view!.id });
    await web.views.push({ trigger_id: 'c', view: modal('Three') });
    expect((await failure(web.views.push({ trigger_id: 'd', view: modal('Four') }))).data.error).toBe('push_limit_reached');
    expect(fake.openViews().map((v) => v.title.text)).toEqual(['Edit', 'Two', 'Three']);
    fake.closeView(root.view!.id!);
    expect(fake.openViews()).toEqual([]);
  });

  it('publishes home tabs per user and refuses modals there', async () => {
    const web = client();
    await web.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [section('home')] } });
    await web.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [section('home v2')] } });
    expect(fake.homeViewOf('U1')?.blocks[0].text.text).toBe('home v2');
    expect(fake.homeViewOf('U2')).toBeUndefined();
    expect((await failure(web.views.publish({ user_id: 'U1', view: modal() as never }))).data.error).toBe('invalid_arguments');
  });
});

describe('users, conversations, files', () => {
  it('answers users.info with locale only when asked, like Slack', async () => {
    fake.setUser('U1', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: 'Wang Xiaomei' });
    const withLocale = await client().users.info({ user: 'U1', include_locale: true });
    expect(withLocale.user).toMatchObject({ id: 'U1', locale: 'zh-CN', tz: 'Asia/Shanghai', tz_offset: 28800, real_name: 'Wang Xiaomei' });
    const without = await client().users.info({ user: 'U1' });
    expect(without.user?.locale).toBeUndefined();
    expect((await failure(client().users.info({ user: 'UNOBODY' }))).data.error).toBe('user_not_found');
  });

  it('opens DMs for up to 8 users', async () => {
    expect((await client().conversations.open({ users: 'U1' })).channel?.id).toBe('DU1');
    const nine = Array.from({ length: 9 }, (_, i) => `U${i}`).join(',');
    expect((await failure(client().conversations.open({ users: nine }))).data.error).toBe('too_many_users');
  });

  it('stores files uploaded through files.uploadV2', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    await client().files.uploadV2({ channel_id: 'C1', initial_comment: 'report', filename: 'r.bin', title: 'Report', file: bytes });
    await client().files.uploadV2({ filename: 'notes.txt', content: 'héllo' });
    const [binary, text] = fake.files();
    expect(binary).toMatchObject({ filename: 'r.bin', title: 'Report', channel_id: 'C1', initial_comment: 'report' });
    expect(binary!.content!.equals(bytes)).toBe(true);
    expect(text!.content!.toString('utf8')).toBe('héllo');
    expect(fake.messageIn('C1')).toMatchObject({ text: 'report', files: [binary!.id] });
    expect(fake.calls.map((c) => c.method)).toEqual([
      'files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal',
      'files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal',
    ]);
  });
});

describe('faults', () => {
  it('answers 429 with Retry-After, which the client surfaces when rejecting rate limited calls', async () => {
    fake.setFaults({ method: 'chat.postMessage', count: 1, retryAfterSeconds: 7 });
    const err = await failure(client({ rejectRateLimitedCalls: true }).chat.postMessage({ channel: 'C1', text: 'x' }));
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.retryAfter).toBe(7);
    expect(fake.calls[0]).toMatchObject({ status: 429, ok: false, error: 'ratelimited' });
    expect(fake.stats.faulted429).toBe(1);
    // Only the next call was faulted; other methods never were.
    expect((await client().chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);
  });

  it('lets a retrying client through after the Retry-After pause', async () => {
    fake.setFaults({ method: 'chat.postMessage', count: 1, retryAfterSeconds: 0 });
    const web = client({ retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    const seen: number[] = [];
    web.on(WebClientEvent.RATE_LIMITED, (seconds: number) => seen.push(seconds));
    expect((await web.chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);
    expect(seen).toEqual([0]);
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('answers 500, which the client reports as an HTTP error', async () => {
    fake.setFaults({ method: /^users\./, count: 1, rate500: 1 });
    const err = await failure(client().users.info({ user: 'U1' }));
    expect(err.code).toBe(ErrorCode.HTTPError);
    expect(err.statusCode).toBe(500);
    expect(fake.stats.faulted500).toBe(1);
  });

  it('draws share-based faults from a seeded PRNG, reproducibly', async () => {
    const outcomes = async (f: FakeSlack) => {
      f.setFaults({ rate429: 0.3, rate500: 0.2, retryAfterSeconds: 0, seed: 7 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const r = await fetch(`${f.apiUrl}auth.test`, { method: 'POST', headers: { authorization: 'Bearer xoxb-x' } });
        statuses.push(r.status);
        if (r.status === 429) expect(r.headers.get('retry-after')).toBe('0');
        await r.arrayBuffer();
      }
      return statuses;
    };
    const other = await startFakeSlack();
    try {
      const a = await outcomes(fake);
      expect(await outcomes(other)).toEqual(a);
      const count = (s: number) => a.filter((x) => x === s).length;
      expect(count(429)).toBeGreaterThan(4);
      expect(count(500)).toBeGreaterThan(2);
      expect(count(200)).toBeGreaterThan(10);
    } finally {
      await other.close();
    }
    fake.clearFaults();
    expect((await client().auth.test()).ok).toBe(true);
  });

  it('answers every Web API call after the latency it was given, response URLs at once', async () => {
    fake.setLatency(200);
    const started = performance.now();
    await client().auth.test();
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    const url = fake.responseUrl();
    const answered = performance.now();
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hi' }) });
    expect(performance.now() - answered).toBeLessThan(195);
  });

  it('limits chat.postMessage per channel when asked', async () => {
    let now = 1_000_000;
    const limited = await startFakeSlack({ now: () => now });
    try {
      limited.enforceChannelRate({ perSecond: 1, burst: 2 });
      const web = new WebClient('xoxb-t', { slackApiUrl: limited.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logger: silent });
      await web.chat.postMessage({ channel: 'C1', text: '1' });
      await web.chat.postMessage({ channel: 'C1', text: '2' });
      const err = await failure(web.chat.postMessage({ channel: 'C1', text: '3' }));
      expect(err.retryAfter).toBe(1);
      await web.chat.postMessage({ channel: 'C2', text: 'other channel' });
      now += 1000;
      await web.chat.postMessage({ channel: 'C1', text: '3 again' });
      expect(limited.stats.rateLimited).toBe(1);
      expect(limited.messages().map((m) => m.text)).toEqual(['1', '2', 'other channel', '3 again']);
    } finally {
      await limited.close();
    }
  });
});

describe('response URLs', () => {
  const respond = (url: string, body: object) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));

  it('records replies, allows 5 uses, and validates blocks', async () => {
    const url = fake.responseUrl();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/response\/\w+$/);
    for (let i = 0; i < 5; i++) expect((await respond(url, { text: `r${i}` })).status).toBe(200);
    expect(await respond(url, { text: 'sixth' })).toEqual({ status: 404, body: { ok: false, error: 'used_url' } });
    const calls = fake.callsTo('response_url');
    expect(calls).toHaveLength(6);
    expect(calls[0]).toMatchObject({ args: { text: 'r0' }, responseUrl: url, ok: true });
    expect(calls[0]!.args.__url).toBe(url);

    const bad = await respond(fake.responseUrl(), { blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }] });
    expect(bad).toMatchObject({ status: 400, body: { ok: false, error: 'invalid_blocks' } });
    expect(fake.rejections.map((r) => r.method)).toEqual(['response_url']);
  });

  it('replaces, deletes or adds messages when it knows where the interaction came from', async () => {
    const { ts } = await client().chat.postMessage({ channel: 'C1', text: 'original' });
    await respond(fake.responseUrl({ channel: 'C1', messageTs: ts! }), { replace_original: true, text: 'replaced' });
    expect(fake.messageIn('C1')).toMatchObject({ ts, text: 'replaced', edits: 1 });
    await respond(fake.responseUrl({ channel: 'C1', userId: 'U1' }), { text: 'just for you' });
    expect(fake.messageIn('C1')).toMatchObject({ text: 'just for you', ephemeralTo: 'U1' });
    await respond(fake.responseUrl({ channel: 'C1', messageTs: ts! }), { delete_original: true });
    expect(fake.messages().map((m) => m.text)).toEqual(['just for you']);
  });
});

describe('waiting and resetting', () => {
  it('waits for a future call and explains a timeout', async () => {
    const waiting = fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.text === 'later');
    await client().chat.postMessage({ channel: 'C1', text: 'sooner' });
    setTimeout(() => void client().chat.postMessage({ channel: 'C1', text: 'later' }), 20);
    expect((await waiting).args.channel).toBe('C1');
    await expect(fake.waitFor((c) => c.method === 'views.open', 50)).rejects.toThrow(/no matching call within 50 ms[\s\S]*chat\.postMessage -> ok/);
  });

  it('resets calls and state but keeps users', async () => {
    fake.setUser('U1', { name: 'Kept' });
    fake.setFaults({ rate500: 1 });
    fake.reset();
    expect((await client().users.info({ user: 'U1' })).user?.real_name).toBe('Kept');
    expect(fake.calls).toHaveLength(1);
  });
});
