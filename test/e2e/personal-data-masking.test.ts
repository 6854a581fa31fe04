// Personal data as a telecom operator must handle it (PIPL), end to end: through a
// fault ticket's life and a cross-region request's, no channel message, DM or Home tab
// the bot sends carries a full member number or contact phone (every shown string of
// every call is scanned); the people handling each record reveal the number with a
// button, answered privately and audited (who, when, which record); anyone else is
// refused privately, sees nothing and leaves no reveal on record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privacyIds, ticketIds } from '../../src/slack/ids.ts';
import { shownInCall } from '../support/markup-scan.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { hours, minutes } from '../support/test-clock.ts';
import { clickTicketButton, introducePeople, openTicketByModal, people, ticketMessage, until } from '../support/tickets.ts';
import { clickButton, ids, lookUpMember, openAcceptanceForm, privateAnswer, replyState, requestMessageIn, submitAcceptance, waitForRequestMessage } from './xregion/steps.ts';

const fullNumbers = ['13800138000', '13912345678', '13801010001', '13601210003'];
/** Any mainland mobile number written out in full. */
const fullMobile = /(?<!\d)1[3-9]\d{9}(?!\d)/;

let t: TestBot;
let ticketId: string;
let ticketNumber: string;
let requestId: string;
const requestNumber = 'XR-20261123-001';

async function openHome(userId: string) {
  const from = t.slack.calls.length;
  const response = await t.driver.event({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home' });
  expect(response.status).toBe(200);
  await until(t, `the Home of ${userId}`, () => t.slack.calls.slice(from).some((c) => c.method === 'views.publish' && c.args.user_id === userId), 10_000);
}

/** What was shown by every call the bot made, except the private answers to the given response URLs. */
function shownEverywhere(except: Set<string>) {
  return t.slack.calls
    .filter((c) => ['chat.postMessage', 'chat.update', 'views.publish', 'response_url', 'chat.postEphemeral'].includes(c.method))
    .filter((c) => !(c.method === 'response_url' && except.has(String(c.responseUrl))))
    .flatMap((c) => shownInCall(c).map((s) => ({ ...s, channel: String(c.args.channel ?? c.args.user_id ?? c.responseUrl) })));
}

const reveals: string[] = [];

beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
  introducePeople(t.slack);
  t.slack.setUser('U0DEMOAM3', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Chen Jing' });

  // A ticket's life: an AAA group customer (C0001, manager am1), the contact's phone typed in.
  const ticket = await openTicketByModal(t, { userId: people.sup1, customer: 'C0001', contactPhone: '138 0013 8000' });
  ticketId = ticket.id;
  ticketNumber = ticket.number;
  await clickTicketButton(t, { userId: people.eng1, number: ticketNumber, actionId: ticketIds.claim });
  await until(t, 'claimed', async () => (await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).status === 'claimed');
  // And a diamond member's ticket, tracked live in the manager's DM.
  await openTicketByModal(t, { userId: people.eng1, customer: 'C0004', contactPhone: '13912345678' });

  // A cross-region request from Shanghai for the Beijing diamond member, accepted and replied.
  let view = await openAcceptanceForm(t, 'U0DEMOAM3');
  view = await lookUpMember(t, 'U0DEMOAM3', view, '138 0101 0001');
  await submitAcceptance(t, 'U0DEMOAM3', view, { memberNumber: '138 0101 0001', service: 'sim_replacement', description: 'SIM lost while travelling.', contactPhone: '+86 139-1234-5678' });
  const home = await waitForRequestMessage(t, 'C0DEMOBJXRG', requestNumber);
  requestId = (await t.bot.db.xregionRequest.findUniqueOrThrow({ where: { number: requestNumber } })).id;
  t.clock.advance(minutes(20));
  await privateAnswer(t, await clickButton(t, people.am2, ids.accept, home));
  await t.slack.waitFor(() => (requestMessageIn(t, 'C0DEMOSHXRG', requestNumber)?.edits ?? 0) >= 1);
  t.clock.advance(hours(1));
  const opens = t.slack.callsTo('views.open').length;
  await clickButton(t, people.am2, ids.reply, requestMessageIn(t, 'C0DEMOBJXRG', requestNumber)!);
  await t.slack.waitFor(() => t.slack.callsTo('views.open').length > opens);
  const replyView = t.slack.callsTo('views.open').at(-1)!.response.view;
  const handledAt = Math.floor(t.clock.now().getTime() / 1000);
  await t.driver.viewSubmission({ userId: people.am2, view: replyView, values: replyState({ result: 'done', actionsTaken: 'New SIM sent.', handledBy: '李强', handledAtSeconds: handledAt }) });
  await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'DU0DEMOAM1' && String(c.args.text).includes(requestNumber));
  await t.bot.ctx.outbox.idle();

  // Everyone's Home: the engineers, the managers, the supervisors, the admin.
  for (const userId of [people.eng1, people.eng2, people.am1, people.am2, people.am3, people.sup1, people.sup2, people.admin]) await openHome(userId);
}, 60_000);
afterAll(() => t.stop());

describe('numbers in what the bot shows', () => {
  it('are masked in every channel message, DM and Home tab of the ticket and cross-region flows', () => {
    const shown = shownEverywhere(new Set());
    expect(shown.length).toBeGreaterThan(50);
    const leaks = shown.filter((s) => fullMobile.test(s.text) || fullNumbers.some((n) => s.text.includes(n)));
    expect(leaks.map((s) => `${s.channel} ${s.where}: ${s.text.slice(0, 120)}`)).toEqual([]);
    // …and masked the one way: first three and last four digits.
    const all = shown.map((s) => s.text).join('\n');
    for (const masked of ['138****8000', '139****5678', '138****0001']) expect(all).toContain(masked);
  });

  it('carry a Reveal number button on the ticket message and on both copies of the request', async () => {
    const buttons = (blocks: any[] | undefined) => (blocks ?? []).flatMap((b) => [b.accessory, ...(b.elements ?? [])]).filter(Boolean).map((e: any) => e.action_id);
    expect(buttons((await ticketMessage(t, ticketNumber)).blocks)).toContain(privacyIds.reveal);
    for (const channel of ['C0DEMOBJXRG', 'C0DEMOSHXRG']) expect(buttons(requestMessageIn(t, channel, requestNumber)!.blocks)).toContain(privacyIds.reveal);
  });
});

describe('Reveal number', () => {
  const revealOn = async (userId: string, message: Parameters<typeof clickButton>[3]) => {
    const url = await clickButton(t, userId, privacyIds.reveal, message);
    const answer = await privateAnswer(t, url);
    return { url, answer };
  };

  it('shows the ticket contact’s phone to its engineer and its customer’s manager only, privately, each view audited', async () => {
    t.clock.set('2026-11-23T03:30:00Z');
    for (const handler of [people.eng1, people.am1]) {
      const { url, answer } = await revealOn(handler, await ticketMessage(t, ticketNumber));
      reveals.push(url);
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.text).toContain('13800138000');
    }
    for (const other of [people.eng2, people.sup1, people.am2]) {
      const { answer } = await revealOn(other, await ticketMessage(t, ticketNumber));
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.text).not.toMatch(fullMobile);
    }
    const audit = await t.bot.db.auditEntry.findMany({ where: { action: 'pii.revealed', subject: `ticket:${ticketId}` }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actorId, a.at.toISOString(), (a.detail as any).number])).toEqual([
      [people.eng1, '2026-11-23T03:30:00.000Z', ticketNumber],
      [people.am1, '2026-11-23T03:30:00.000Z', ticketNumber],
    ]);
  });

  it('shows the member’s numbers to the request’s handler, its opener and the member’s manager only, audited', async () => {
    t.clock.set('2026-11-23T03:40:00Z');
    for (const [handler, channel] of [[people.am2, 'C0DEMOBJXRG'], [people.am3, 'C0DEMOSHXRG'], [people.am1, 'C0DEMOBJXRG']] as const) {
      const { url, answer } = await revealOn(handler, requestMessageIn(t, channel, requestNumber)!);
      reveals.push(url);
      expect(answer.text).toContain('13801010001');
      expect(answer.text).toContain('13912345678');
    }
    for (const [other, channel] of [[people.sup1, 'C0DEMOBJXRG'], [people.sup2, 'C0DEMOSHXRG'], [people.eng1, 'C0DEMOBJXRG']] as const) {
      const { answer } = await revealOn(other, requestMessageIn(t, channel, requestNumber)!);
      expect(answer.text).not.toMatch(fullMobile);
    }
    const audit = await t.bot.db.auditEntry.findMany({ where: { action: 'pii.revealed', subject: `xregion:${requestNumber}` }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actorId, a.at.toISOString()])).toEqual([
      [people.am2, '2026-11-23T03:40:00.000Z'],
      ['U0DEMOAM3', '2026-11-23T03:40:00.000Z'],
      [people.am1, '2026-11-23T03:40:00.000Z'],
    ]);
    expect(requestId).toBeTruthy();
  });

  it('leaves the full numbers in no answer but the handlers’ own private ones', () => {
    const leaks = shownEverywhere(new Set(reveals)).filter((s) => fullMobile.test(s.text) || fullNumbers.some((n) => s.text.includes(n)));
    expect(leaks.map((s) => `${s.channel} ${s.where}: ${s.text.slice(0, 120)}`)).toEqual([]);
    t.slack.assertNoRejections();
  });

  it('refuses a button the bot did not write, showing nothing', async () => {
    const message = await ticketMessage(t, ticketNumber);
    const url = t.slack.responseUrl({ channel: message.channel, messageTs: message.ts, userId: people.eng1 });
    const response = await t.driver.blockAction({ userId: people.eng1, actionId: privacyIds.reveal, message, responseUrl: url, value: '{"kind":"ticket","id":"not-a-uuid"}' });
    expect(response.status).toBe(200);
    expect((await privateAnswer(t, url)).text).not.toMatch(fullMobile);
  });
});
