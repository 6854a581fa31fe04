// What reaches the listeners, through the real receiver: a correctly signed request
// stamped more than five minutes in the future is refused like a bad signature; a
// repeated delivery of a slash command or an interaction — the same request twice, at
// once or later, or Slack's retry with X-Slack-Retry-Num — is acknowledged and has no
// second effect, while two separate commands with the same text both count.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { visitIds } from '../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { hours, minutes } from '../support/test-clock.ts';
import { recordingLogger } from '../support/recording-logger.ts';
import { until } from '../support/tickets.ts';
import { datetimepicker, externalSelect, plainText, staticSelect } from '../../src/sandbox/slack-stand-in/view-state.ts';

let t: TestBot;
const log = recordingLogger();
beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z', logger: log.logger });
  t.slack.setUser('U0DEMOAM3', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Chen Jing' });
});
afterAll(() => t.stop());
beforeEach(() => t.slack.reset());

const nowSeconds = () => Math.floor(Date.now() / 1000);
const visits = () => t.bot.db.visit.count({ where: { customerCode: 'C0006' } });
let triggers = 0;

function quickLog(text = 'C0006 phone Called about the new line') {
  const responseUrl = t.slack.responseUrl();
  return { input: { command: '/visit', text, userId: 'U0DEMOAM3', responseUrl, triggerId: `trigger-edge-${++triggers}` }, responseUrl };
}
const answersTo = (responseUrl: string) => t.slack.calls.filter((c) => c.responseUrl === responseUrl);
/** Logged before the repeat is acknowledged, on the path that never reaches a listener. */
const repeatsOf = (triggerId: string) => log.lines.filter((l) => l.msg.startsWith('repeated slack delivery') && l.key === `trigger:${triggerId}`);

describe('request timestamps', () => {
  it('refuses a correctly signed request stamped six minutes in the future with 401, and does nothing', async () => {
    const before = await visits();
    const { input } = quickLog();
    const response = await t.driver.command(input, { timestamp: nowSeconds() + 6 * 60 });
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
    // Refused before Bolt: nothing was dispatched, so nothing can follow.
    expect(t.slack.calls).toHaveLength(0);
    expect(await visits()).toBe(before);
  });

  it('accepts one stamped a little ahead (clock skew within five minutes)', async () => {
    const before = await visits();
    const { input, responseUrl } = quickLog();
    expect((await t.driver.command(input, { timestamp: nowSeconds() + 4 * 60 })).status).toBe(200);
    await t.slack.waitFor((c) => c.responseUrl === responseUrl);
    expect(await visits()).toBe(before + 1);
  });
});

describe('repeated deliveries', () => {
  it('handles the same slash command (same body and timestamp) once', async () => {
    const before = await visits();
    const { input, responseUrl } = quickLog();
    const timestamp = nowSeconds();
    expect((await t.driver.command(input, { timestamp })).status).toBe(200);
    await t.slack.waitFor((c) => c.responseUrl === responseUrl);
    const again = await t.driver.command(input, { timestamp });
    expect(again).toMatchObject({ status: 200, text: '' });
    // The repeat was acknowledged (before its delivery was looked up) without being dispatched.
    await vi.waitFor(() => expect(repeatsOf(input.triggerId)).toHaveLength(1));
    expect(await visits()).toBe(before + 1);
    expect(answersTo(responseUrl)).toHaveLength(1);
    t.slack.assertNoRejections();
  });

  it('handles Slack’s own retry (X-Slack-Retry-Num, a new timestamp) once', async () => {
    const before = await visits();
    const { input, responseUrl } = quickLog();
    await t.driver.command(input);
    await t.slack.waitFor((c) => c.responseUrl === responseUrl);
    const retry = await t.driver.command(input, { timestamp: nowSeconds() + 1, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await vi.waitFor(() => expect(repeatsOf(input.triggerId)).toEqual([expect.objectContaining({ retryNum: 1 })]));
    expect(await visits()).toBe(before + 1);
    expect(answersTo(responseUrl)).toHaveLength(1);
  });

  it('handles two copies arriving at once exactly once', async () => {
    const before = await visits();
    const { input, responseUrl } = quickLog();
    const timestamp = nowSeconds();
    const responses = await Promise.all([t.driver.command(input, { timestamp }), t.driver.command(input, { timestamp })]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await vi.waitFor(() => expect(repeatsOf(input.triggerId)).toHaveLength(1));
    await t.slack.waitFor((c) => c.responseUrl === responseUrl);
    expect(await visits()).toBe(before + 1);
    expect(answersTo(responseUrl)).toHaveLength(1);
  });

  it('answers a button clicked once but delivered twice once (its ack goes first, its work waits for the verdict)', async () => {
    const responseUrl = t.slack.responseUrl();
    const click = { userId: 'U0DEMOAM3', actionId: visitIds.historyOlder, value: 'not a page the bot wrote', responseUrl, triggerId: `trigger-edge-${++triggers}` };
    const timestamp = nowSeconds();
    const responses = await Promise.all([t.driver.blockAction(click, { timestamp }), t.driver.blockAction(click, { timestamp })]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await vi.waitFor(() => expect(repeatsOf(click.triggerId)).toHaveLength(1));
    const answer = await t.slack.waitFor((c) => c.responseUrl === responseUrl);
    expect(JSON.stringify(answer.args)).toContain('out of date');
    // Both listeners have finished, work after the ack included: one answer is all there is.
    expect(await t.bot.requestsSettled(5000)).toBe(true);
    expect(answersTo(responseUrl)).toHaveLength(1);
  });

  it('handles a repeated form submission once', async () => {
    const before = await visits();
    const submission = {
      userId: 'U0DEMOAM3',
      callbackId: visitIds.form,
      triggerId: `trigger-edge-form-${++triggers}`,
      privateMetadata: JSON.stringify({ timeZone: 'Asia/Shanghai' }),
      values: {
        customer: { [visitIds.customerSearch]: externalSelect('C0006', 'C0006 上海浦江银行') },
        kind: { [visitIds.kind]: staticSelect('phone') },
        occurred_at: { [visitIds.occurredAt]: datetimepicker(Math.floor(Date.parse('2026-11-23T01:30:00Z') / 1000)) },
        summary: { [visitIds.summary]: plainText('Called about the renewal') },
      },
    };
    const first = await t.driver.viewSubmission(submission);
    expect(first.json.response_action).toBe('update');
    const again = await t.driver.viewSubmission(submission);
    // The listener always answers a submission with a body; the empty 200 is the repeat's.
    expect(again).toMatchObject({ status: 200, text: '' });
    expect(repeatsOf(submission.triggerId)).toHaveLength(1);
    expect(await visits()).toBe(before + 1);
  });

  it('still handles two separate commands with the same text', async () => {
    const before = await visits();
    for (const { input, responseUrl } of [quickLog(), quickLog()]) {
      await t.driver.command(input);
      await t.slack.waitFor((c) => c.responseUrl === responseUrl);
      expect(repeatsOf(input.triggerId)).toHaveLength(0);
    }
    expect(await visits()).toBe(before + 2);
  });

  it('prunes keys older than a day, now and then', async () => {
    await t.bot.db.seenDelivery.create({ data: { key: 'trigger:long-ago', seenAt: new Date(t.clock.now().getTime() - hours(26)) } });
    await t.bot.db.seenDelivery.create({ data: { key: 'trigger:this-morning', seenAt: new Date(t.clock.now().getTime() - hours(2)) } });
    // Pruning follows a handled delivery at most every ten minutes.
    t.clock.advance(minutes(11));
    const { input, responseUrl } = quickLog();
    await t.driver.command(input);
    await t.slack.waitFor((c) => c.responseUrl === responseUrl);
    await until(t, 'the old key pruned', async () => (await t.bot.db.seenDelivery.count({ where: { key: 'trigger:long-ago' } })) === 0);
    expect(await t.bot.db.seenDelivery.count({ where: { key: { in: ['trigger:this-morning', `trigger:${input.triggerId}`] } } })).toBe(2);
  });
});

describe('work after the ack', () => {
  it('counts a listener still working after its ack as in flight, though Bolt is done with the request', async () => {
    // /ticket new opens its form with views.open after the ack; the fake Slack holds that call.
    const stall = t.slack.stall('views.open');
    const response = await t.driver.command({ command: '/ticket', text: 'new', userId: 'U0DEMOENG1', responseUrl: t.slack.responseUrl(), triggerId: `trigger-edge-${++triggers}` });
    expect(response.status).toBe(200);
    await stall.arrival('views.open');
    // What a stop waits for: not over while the listener works on.
    expect(await t.bot.requestsSettled(0)).toBe(false);
    stall.release();
    expect(await t.bot.requestsSettled(5000)).toBe(true);
    expect(t.slack.callsTo('views.open')).toHaveLength(1);
  });
});
