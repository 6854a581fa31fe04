// The signed-request driver: its signatures must satisfy Bolt's own verifier and
// its payloads must drive a real Bolt app the way Slack's do.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, verifySlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkboxes,
  createSlackDriver,
  datepicker,
  externalSelect,
  multiStaticSelect,
  numberInput,
  plainText,
  radio,
  staticSelect,
  timepicker,
} from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import { startFakeSlack, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';

const SECRET = 'test-signing-secret';

describe('request signing', () => {
  let server: Server;
  let last: { body: string; headers: IncomingHttpHeaders; path: string };
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        last = { body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, path: req.url ?? '' };
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"seen":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const verify = (secret: string, nowMilliseconds?: number) =>
    verifySlackRequest({
      signingSecret: secret,
      body: last.body,
      headers: {
        'x-slack-signature': String(last.headers['x-slack-signature']),
        'x-slack-request-timestamp': Number(last.headers['x-slack-request-timestamp']),
      },
      ...(nowMilliseconds ? { nowMilliseconds } : {}),
    });

  it('signs every kind of request so that Bolt accepts it', async () => {
    const driver = createSlackDriver({ baseUrl, signingSecret: SECRET });
    const sends = [
      () => driver.command({ command: '/x', text: 'a b&c=d', userId: 'U1' }),
      () => driver.blockAction({ userId: 'U1', actionId: 'go', value: 'v' }),
      () => driver.viewSubmission({ userId: 'U1', callbackId: 'cb', values: { b: { a: plainText('é 😀') } } }),
      () => driver.blockSuggestion({ userId: 'U1', actionId: 'q', value: 'ab' }),
      () => driver.event({ type: 'app_home_opened', user: 'U1', tab: 'home' }),
    ];
    for (const send of sends) {
      const res = await send();
      expect(res).toEqual({ status: 200, text: '{"seen":true}', json: { seen: true } });
      expect(last.path).toBe('/slack/events');
      expect(() => verify(SECRET)).not.toThrow();
    }
  });

  it('fails verification with the wrong secret, a stale timestamp or an overridden signature', async () => {
    const driver = createSlackDriver({ baseUrl, signingSecret: SECRET, path: '/hooks' });
    await driver.command({ command: '/x', userId: 'U1' });
    expect(last.path).toBe('/hooks');
    expect(() => verify('other-secret')).toThrow(/signature mismatch/);
    // The same request replayed six minutes later is stale.
    expect(() => verify(SECRET, Date.now() + 6 * 60 * 1000)).toThrow(/stale/);

    await driver.command({ command: '/x', userId: 'U1' }, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(() => verify(SECRET)).toThrow(/stale/);
    await driver.command({ command: '/x', userId: 'U1' }, { signature: 'v0=deadbeef' });
    expect(last.headers['x-slack-signature']).toBe('v0=deadbeef');
    expect(() => verify(SECRET)).toThrow(/signature mismatch/);
  });

  it('sends slash commands as the form Slack sends', async () => {
    const driver = createSlackDriver({ baseUrl, signingSecret: SECRET, teamId: 'T9', responseUrl: () => 'http://127.0.0.1:1/r' });
    await driver.command({ command: '/am', text: 'staff <@U2|nina> admin', userId: 'U1', channelId: 'D1' });
    expect(last.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const fields = Object.fromEntries(new URLSearchParams(last.body));
    expect(Object.keys(fields)).toEqual(expect.arrayContaining([
      'token', 'team_id', 'team_domain', 'channel_id', 'channel_name', 'user_id', 'user_name',
      'command', 'text', 'api_app_id', 'response_url', 'trigger_id',
    ]));
    expect(fields).toMatchObject({ team_id: 'T9', channel_id: 'D1', channel_name: 'directmessage', user_id: 'U1', command: '/am', text: 'staff <@U2|nina> admin', response_url: 'http://127.0.0.1:1/r' });
    expect(fields.trigger_id).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
  });

  it('derives interaction payloads from the rendered message or view', async () => {
    const driver = createSlackDriver({ baseUrl, signingSecret: SECRET });
    const message = {
      channel: 'C7',
      ts: '1700000000.000300',
      text: 't',
      blocks: [{ type: 'actions', block_id: 'row', elements: [
        { type: 'button', action_id: 'claim', text: { type: 'plain_text', text: 'Claim' }, value: 'T-1', style: 'primary' },
        { type: 'static_select', action_id: 'prio', options: [{ text: { type: 'plain_text', text: 'High' }, value: 'hi' }] },
      ] }],
    };
    await driver.blockAction({ userId: 'U1', actionId: 'claim', message });
    const payload = JSON.parse(new URLSearchParams(last.body).get('payload')!);
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: 'U1', team_id: 'T0FAKE0001' },
      container: { type: 'message', message_ts: '1700000000.000300', channel_id: 'C7' },
      channel: { id: 'C7' },
      message: { ts: '1700000000.000300', blocks: message.blocks },
      actions: [{ type: 'button', action_id: 'claim', block_id: 'row', value: 'T-1', text: { text: 'Claim' } }],
    });
    await driver.blockAction({ userId: 'U1', actionId: 'prio', message, selectedOption: { value: 'hi' } });
    expect(JSON.parse(new URLSearchParams(last.body).get('payload')!).actions[0]).toMatchObject({
      type: 'static_select',
      selected_option: { value: 'hi', text: { text: 'High' } },
    });
    expect(() => driver.blockAction({ userId: 'U1', actionId: 'nope', message })).toThrow(/no element with action_id 'nope'/);
    expect(() => driver.blockAction({ userId: 'U1', actionId: 'prio', message, selectedOption: { value: 'lo' } })).toThrow(/not among/);

    const view = { id: 'V1', callback_id: 'cb', blocks: [{ type: 'input', block_id: 'b', label: { type: 'plain_text', text: 'l' }, element: { type: 'number_input', action_id: 'n', is_decimal_allowed: false } }] };
    expect(() => driver.viewSubmission({ userId: 'U1', view, values: { b: { n: plainText('3') } } })).toThrow(/number_input/);
    expect(() => driver.viewSubmission({ userId: 'U1', view, values: { x: { n: numberInput(3) } } })).toThrow(/no element/);
  });

  it('builds state values shaped like Slack', () => {
    expect(plainText('')).toEqual({ type: 'plain_text_input', value: null });
    expect(staticSelect('a', 'A')).toEqual({ type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'A', emoji: true }, value: 'a' } });
    expect(externalSelect('c1').selected_option.value).toBe('c1');
    expect(multiStaticSelect(['a', { value: 'b', text: 'B' }]).selected_options.map((o: any) => o.text.text)).toEqual(['a', 'B']);
    expect(checkboxes(['x']).type).toBe('checkboxes');
    expect(radio('r')).toMatchObject({ type: 'radio_buttons', selected_option: { value: 'r' } });
    expect(datepicker('2026-01-31')).toEqual({ type: 'datepicker', selected_date: '2026-01-31' });
    expect(timepicker('09:30')).toEqual({ type: 'timepicker', selected_time: '09:30' });
    expect(numberInput(4.5)).toEqual({ type: 'number_input', value: '4.5' });
  });
});

describe('driving a real Bolt app against the fake Slack', () => {
  let fake: FakeSlack;
  let app: App;
  let driver: ReturnType<typeof createSlackDriver>;
  let ticketCommandsHandled = 0;
  const seen: Record<string, any> = {};

  const ticketBlocks = [
    { type: 'section', text: { type: 'mrkdwn', text: '*Ticket T-1*' } },
    { type: 'actions', block_id: 'ticket', elements: [{ type: 'button', action_id: 'claim', text: { type: 'plain_text', text: 'Claim' }, value: 'T-1' }] },
  ];
  const option = (v: string) => ({ text: { type: 'plain_text' as const, text: v.toUpperCase() }, value: v });
  const form = {
    type: 'modal' as const,
    callback_id: 'form',
    title: { type: 'plain_text' as const, text: 'Form' },
    submit: { type: 'plain_text' as const, text: 'Save' },
    private_metadata: 'ctx-1',
    blocks: [
      { type: 'input', block_id: 'note', label: { type: 'plain_text', text: 'Note' }, element: { type: 'plain_text_input', action_id: 'v' } },
      { type: 'input', block_id: 'level', label: { type: 'plain_text', text: 'Level' }, element: { type: 'static_select', action_id: 'v', options: [option('low'), option('high')] } },
      { type: 'input', block_id: 'customer', label: { type: 'plain_text', text: 'Customer' }, element: { type: 'external_select', action_id: 'v' } },
      { type: 'input', block_id: 'due', label: { type: 'plain_text', text: 'Due' }, element: { type: 'datepicker', action_id: 'v' } },
    ],
  };

  beforeAll(async () => {
    fake = await startFakeSlack();
    app = new App({
      token: 'xoxb-test',
      signingSecret: SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/ticket', async ({ ack, command, respond, client }) => {
      // Counted before the ack: an accepted request's HTTP answer comes after this line.
      ticketCommandsHandled++;
      await ack();
      await respond({ text: `Opening ${command.text}` });
      await client.chat.postMessage({ channel: command.channel_id, text: 'Ticket T-1', blocks: ticketBlocks });
    });
    app.command('/form', async ({ ack, command, client }) => {
      await ack();
      await client.views.open({ trigger_id: command.trigger_id, view: form });
    });
    app.action('claim', async ({ ack, body, action, client }) => {
      await ack();
      if (body.type !== 'block_actions' || action.type !== 'button' || !body.channel || !body.message) return;
      await client.chat.update({ channel: body.channel.id, ts: body.message.ts, text: `${action.value} claimed by <@${body.user.id}>` });
    });
    app.options<'block_suggestion'>({ action_id: 'v', block_id: 'customer' }, async ({ ack, payload }) => {
      await ack({ options: ['acme', 'acorn', 'zenith'].filter((c) => c.startsWith(payload.value)).map(option) });
    });
    app.view('form', async ({ ack, view }) => {
      seen.values = view.state.values;
      seen.privateMetadata = view.private_metadata;
      if (!view.state.values.note?.v?.value) return ack({ response_action: 'errors', errors: { note: 'Required' } });
      await ack();
    });
    app.event('app_home_opened', async ({ event, client }) => {
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `Hi <@${event.user}>` } }] } });
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    driver = createSlackDriver({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, signingSecret: SECRET, responseUrl: () => fake.responseUrl() });
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('runs a slash command, then a button click on the message it posted', async () => {
    const ack = await driver.command({ command: '/ticket', text: 'T-1', userId: 'U1', channelId: 'C1' });
    expect(ack.status).toBe(200);
    const reply = await fake.waitFor((c) => c.method === 'response_url');
    expect(reply.args).toMatchObject({ text: 'Opening T-1' });
    await fake.waitFor((c) => c.method === 'chat.postMessage');
    const posted = fake.messageIn('C1', (m) => m.via === 'chat.postMessage')!;

    expect((await driver.blockAction({ userId: 'U2', actionId: 'claim', message: posted })).status).toBe(200);
    await fake.waitFor((c) => c.method === 'chat.update');
    expect(fake.messageIn('C1', (m) => m.ts === posted.ts)?.text).toBe('T-1 claimed by <@U2>');
    fake.assertNoRejections();
  });

  it('opens a modal, serves its external select and receives the submission', async () => {
    await driver.command({ command: '/form', userId: 'U1' });
    await fake.waitFor((c) => c.method === 'views.open' && c.ok);
    const view = fake.openViews()[0]!;

    const suggestions = await driver.blockSuggestion({ userId: 'U1', actionId: 'v', blockId: 'customer', value: 'ac', view });
    expect(suggestions.json.options.map((o: any) => o.value)).toEqual(['acme', 'acorn']);

    const empty = await driver.viewSubmission({ userId: 'U1', view, values: { note: { v: plainText('') } } });
    expect(empty.json).toEqual({ response_action: 'errors', errors: { note: 'Required' } });

    const done = await driver.viewSubmission({
      userId: 'U1',
      view,
      values: { note: { v: plainText('hello') }, level: { v: staticSelect('high') }, customer: { v: externalSelect('acme', 'ACME') }, due: { v: datepicker('2026-12-01') } },
    });
    expect(done.status).toBe(200);
    expect(seen.privateMetadata).toBe('ctx-1');
    expect(seen.values.level.v.selected_option).toEqual(option('high'));
    expect(seen.values.due.v.selected_date).toBe('2026-12-01');
    fake.assertNoRejections();
  });

  it('delivers events and is refused by Bolt when the signature is wrong or stale', async () => {
    expect((await driver.event({ type: 'app_home_opened', user: 'U5', channel: 'DU5', tab: 'home' })).status).toBe(200);
    await fake.waitFor((c) => c.method === 'views.publish');
    expect(fake.homeViewOf('U5')?.blocks[0].text.text).toBe('Hi <@U5>');

    const handledBefore = ticketCommandsHandled;
    const bad = await driver.command({ command: '/ticket', userId: 'U1' }, { signature: 'v0=deadbeef' });
    expect(bad.status).toBe(401);
    const stale = await driver.command({ command: '/ticket', userId: 'U1' }, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    // Had Bolt accepted either, its listener would have run before the answer arrived.
    expect(ticketCommandsHandled).toBe(handledBefore);
    expect(fake.calls.map((c) => c.method)).toEqual(['views.publish']);
  });
});
