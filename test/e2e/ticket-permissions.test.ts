// Each step only by the people allowed to take it: anyone else gets a courteous
// refusal and nothing changes — not the ticket, not its audit trail, not its message.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ticketIds } from '../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { plainText } from '../../src/sandbox/slack-stand-in/view-state.ts';
import { answersTo, clickTicketButton, introducePeople, openTicketByModal, people, ticketCommand, ticketMessage } from '../support/tickets.ts';

const otherEngineer = 'U0DEMOENG3';
let t: TestBot;
let ticket: { id: string; number: string };

beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
  introducePeople(t.slack);
  await t.bot.db.staff.create({ data: { slackUserId: otherEngineer, name: 'Other engineer', role: 'field_engineer', regionCode: 'BJ', locale: 'en' } });
  ticket = await openTicketByModal(t, { userId: people.am1, customer: 'C0002' });
});
afterAll(() => t.stop());

/** The ticket's row, audit entries and message, to show that a refusal changed none of them. */
async function snapshot() {
  const row = await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
  const audit = await t.bot.db.auditEntry.count({ where: { subject: `ticket:${ticket.id}` } });
  const message = await ticketMessage(t, ticket.number);
  return { status: row.status, claimerId: row.claimerId, updatedAt: row.updatedAt, audit, edits: message.edits, timers: await t.bot.db.timer.findMany({ where: { subjectId: ticket.id }, orderBy: { kind: 'asc' } }) };
}

async function refusedButton(userId: string, actionId: string): Promise<string> {
  const url = await clickTicketButton(t, { userId, number: ticket.number, actionId });
  const answer = await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === url);
  expect(answer.args.response_type).toBe('ephemeral');
  expect(answersTo(t, url)).toHaveLength(1);
  return String(answer.args.text);
}

describe('refusals change nothing', () => {
  let before: Awaited<ReturnType<typeof snapshot>>;
  beforeEach(async () => {
    before = await snapshot();
  });
  const unchanged = async () => expect(await snapshot()).toEqual(before);

  it('an account manager cannot claim', async () => {
    expect(await refusedButton(people.am2, ticketIds.claim)).toContain('只能由所属区域的装维工程师或主管认领');
    await unchanged();
  });

  it('an engineer of another region cannot claim', async () => {
    expect(await refusedButton(people.eng2, ticketIds.claim)).toContain('Only field engineers and supervisors of its region');
    await unchanged();
  });

  it('someone not registered is told whom to ask', async () => {
    const answer = await ticketCommand(t, 'U0STRANGER', `claim ${ticket.number}`);
    expect(answer.text).toContain('not registered');
    expect(answer.text).toContain('<@U0ADMIN>');
    await unchanged();
  });

  it('only the claimer (or a supervisor or admin) may go on site, release or restore', async () => {
    await ticketCommand(t, people.eng1, `claim ${ticket.number}`);
    before = await snapshot();
    expect(before.claimerId).toBe(people.eng1);
    expect(await refusedButton(otherEngineer, ticketIds.onSite)).toContain('Only the engineer who claimed');
    expect(await refusedButton(otherEngineer, ticketIds.release)).toContain('Only the engineer who claimed');
    // The restore button refuses before any modal opens.
    const opened = t.slack.callsTo('views.open').length;
    expect(await refusedButton(otherEngineer, ticketIds.restore)).toContain('Only the engineer who claimed');
    expect(t.slack.callsTo('views.open')).toHaveLength(opened);
    await unchanged();
  });

  it('a restore modal submitted by someone else is refused inside the modal', async () => {
    await clickTicketButton(t, { userId: people.eng1, number: ticket.number, actionId: ticketIds.restore, triggerId: 'trigger-perm-restore' });
    const view = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-perm-restore')).response.view;
    const response = await t.driver.viewSubmission({ userId: otherEngineer, view, values: { cause: { cause: plainText('x') }, action: { action: plainText('y') } } });
    expect(response.json).toMatchObject({ response_action: 'errors', errors: { cause: expect.stringContaining('Only the engineer who claimed') } });
    await unchanged();
  });

  it('only a supervisor of the region (or an admin) may cancel or reassign', async () => {
    expect((await ticketCommand(t, people.eng1, `cancel ${ticket.number} not needed`)).text).toContain('Only a supervisor of its region');
    expect((await ticketCommand(t, people.sup2, `reassign ${ticket.number} <@${otherEngineer}>`)).text).toContain('Only a supervisor of its region');
    await unchanged();
  });

  it('a ticket goes only to someone of its region who can work on it', async () => {
    expect((await ticketCommand(t, people.sup1, `reassign ${ticket.number} <@${people.am1}>`)).text).toContain(`<@${people.am1}> cannot take`);
    await unchanged();
  });

  it('a step the ticket is not ready for is refused with its state', async () => {
    expect((await ticketCommand(t, people.eng1, `close ${ticket.number}`)).text).toContain('is claimed now');
    await unchanged();
  });
});

describe('allowed people', () => {
  it('a supervisor reassigns; the new engineer is told; the old one can no longer act', async () => {
    const answer = await ticketCommand(t, people.sup1, `reassign ${ticket.number} <@${otherEngineer}|other>`);
    expect(answer.text).toContain(`now with <@${otherEngineer}>`);
    expect((await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).claimerId).toBe(otherEngineer);
    await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === `D${otherEngineer}` && String(c.args.text).includes('has assigned'));
    expect((await ticketCommand(t, people.eng1, `onsite ${ticket.number}`)).text).toContain('Only the engineer who claimed');
    const audit = await t.bot.db.auditEntry.findFirstOrThrow({ where: { subject: `ticket:${ticket.id}`, action: 'ticket.reassigned' } });
    expect(audit).toMatchObject({ actorId: people.sup1, detail: expect.objectContaining({ from: 'claimed', to: 'claimed', assignee: otherEngineer }) });
  });

  it('the claimer releases it back to the channel, where the Claim button returns', async () => {
    expect((await ticketCommand(t, otherEngineer, `release ${ticket.number}`)).text).toContain('waiting to be claimed');
    expect(await t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: 'open', claimerId: null });
    t.slack.assertNoRejections();
  });
});
