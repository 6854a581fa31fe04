// The edge, through the real receiver: a value the bot did not write (an old button, a
// form from before a deploy, a tampered payload) gets the one courteous "out of date"
// answer; refused text (control characters, far too long) gets a clear answer — a
// private sentence, or an error on the right block — and nothing is stored; a word a
// command does not know gets that command's help in the user's language.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approvalIds, homeIds, retentionIds, ticketIds, visitIds, xregionIds } from '../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { checkboxes, datetimepicker, externalSelect, plainText, radio, staticSelect, usersSelect } from '../../src/sandbox/slack-stand-in/view-state.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
  t.slack.setUser('U0ADMIN', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Ada Admin' });
  t.slack.setUser('U0DEMOAM1', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: '王晓梅' });
  t.slack.setUser('U0DEMOAM3', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Chen Jing' });
  t.slack.setUser('U0DEMOSUP1', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Zhao Min' });
});
afterAll(() => t.stop());
beforeEach(() => t.slack.reset());

const outdatedButton = 'this button is out of date';
const outdatedForm = 'this form is out of date';
const generic = 'something went wrong';

/** Everything a refused input could have written. */
const stored = async () => ({
  audit: await t.bot.db.auditEntry.count(),
  visits: await t.bot.db.visit.count(),
  tickets: await t.bot.db.ticket.count(),
  approvals: await t.bot.db.approvalRequest.count(),
  decisions: await t.bot.db.approvalDecision.count(),
  retention: await t.bot.db.retentionCase.count(),
  xregion: await t.bot.db.xregionRequest.count(),
});

async function commandAnswer(userId: string, command: string, text: string) {
  const responseUrl = t.slack.responseUrl();
  const response = await t.driver.command({ command, text, userId, responseUrl });
  expect(response.status).toBe(200);
  const answer = await t.slack.waitFor((c) => c.responseUrl === responseUrl);
  t.slack.assertNoRejections();
  return { text: String(answer.args.text), shown: JSON.stringify(answer.args) };
}

describe('a button whose value the bot did not write', () => {
  const buttons = [
    ticketIds.claim, ticketIds.onSite, ticketIds.release, ticketIds.close, ticketIds.restore, ticketIds.major, ticketIds.pause, ticketIds.resume,
    ticketIds.stillOnIt, ticketIds.checkRelease, ticketIds.reassign, approvalIds.approve, approvalIds.reject, xregionIds.accept, xregionIds.reply, xregionIds.reject,
    xregionIds.correctAcceptance, xregionIds.correctReply, xregionIds.findNextPage, xregionIds.findPreviousPage, visitIds.edit, visitIds.logFor,
    visitIds.historyOlder, visitIds.historyNewer, retentionIds.recordOutcome,
  ];

  it.each(buttons)('%s is answered privately as out of date, and nothing changes', async (actionId) => {
    const before = await stored();
    for (const value of ['{"not":"ours"', 'a b\u0000']) {
      const responseUrl = t.slack.responseUrl();
      const response = await t.driver.blockAction({ userId: 'U0ADMIN', actionId, value, responseUrl, channelId: 'C0DEMOBJSUP' });
      expect(response.status).toBe(200);
      const answer = await t.slack.waitFor((c) => c.responseUrl === responseUrl);
      expect(answer.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(answer.args.text).toContain(outdatedButton);
    }
    expect(t.slack.callsTo('views.open')).toHaveLength(0);
    expect(await stored()).toEqual(before);
  });

  it('on the Home tab is answered at the top of the Home', async () => {
    const view = { type: 'home', blocks: [{ type: 'actions', block_id: 'home.approvals.paging', elements: [{ type: 'button', action_id: homeIds.nextPage, text: { type: 'plain_text', text: 'More' }, value: '{"s":"__proto__","p":2}' }] }] };
    const response = await t.driver.blockAction({ userId: 'U0DEMOSUP1', actionId: homeIds.nextPage, view });
    expect(response.status).toBe(200);
    const published = await t.slack.waitFor((c) => c.method === 'views.publish');
    expect(JSON.stringify(published.args.view.blocks)).toContain(outdatedButton);
    t.slack.assertNoRejections();
  });
});

describe('a modal whose private_metadata the bot did not write', () => {
  const visitValues = {
    customer: { [visitIds.customerSearch]: externalSelect('C0004', 'C0004 周文华') },
    kind: { [visitIds.kind]: staticSelect('phone') },
    occurred_at: { [visitIds.occurredAt]: datetimepicker(Math.floor(Date.parse('2026-11-23T01:30:00Z') / 1000)) },
    summary: { [visitIds.summary]: plainText('Called about the new line') },
  };
  const modals: [string, Record<string, Record<string, unknown>>][] = [
    [visitIds.form, visitValues],
    [ticketIds.restoreView, { cause: { cause: plainText('fibre cut') }, action: { action: plainText('spliced') } }],
    [ticketIds.pauseView, { reason: { reason: plainText('no site access') } }],
    [ticketIds.reassignView, { assignee: { assignee: usersSelect('U0DEMOENG1') } }],
    [ticketIds.majorView, { customers: { [ticketIds.affectedSearch]: { type: 'multi_external_select', selected_options: [] } }, note: { note: plainText('') } }],
    [approvalIds.rejectView, { [approvalIds.rejectReason]: { [approvalIds.rejectReason]: plainText('too generous') } }],
    [xregionIds.rejectForm, { reason: { reason: plainText('not ours') } }],
    [xregionIds.replyForm, { actions_taken: { actions_taken: plainText('done') } }],
    [xregionIds.acceptanceCorrectionForm, { description: { description: plainText('new text') } }],
    [xregionIds.replyCorrectionForm, { actions_taken: { actions_taken: plainText('done') } }],
  ];

  it.each(modals)('%s is replaced by the out-of-date notice, and nothing is stored', async (callbackId, values) => {
    const before = await stored();
    for (const privateMetadata of ['not json', '{"ticketId":"constructor","requestId":"__proto__","timeZone":"Mars/Base"}', '']) {
      const response = await t.driver.viewSubmission({ userId: 'U0DEMOAM3', callbackId, privateMetadata, values });
      expect(response.status).toBe(200);
      expect(response.json.response_action).toBe('update');
      expect(JSON.stringify(response.json.view.blocks)).toContain(outdatedForm);
    }
    expect(await stored()).toEqual(before);
  });
});

describe('text the bot refuses in a modal', () => {
  const bad = 'Line down\u0000 since 9';

  it('is an error on the block that holds it (visit form)', async () => {
    const before = await stored();
    const response = await t.driver.viewSubmission({
      userId: 'U0DEMOAM3',
      callbackId: visitIds.form,
      privateMetadata: JSON.stringify({ timeZone: 'Asia/Shanghai' }),
      values: {
        customer: { [visitIds.customerSearch]: externalSelect('C0004', 'C0004 周文华') },
        kind: { [visitIds.kind]: staticSelect('phone') },
        occurred_at: { [visitIds.occurredAt]: datetimepicker(Math.floor(Date.parse('2026-11-23T01:30:00Z') / 1000)) },
        met_with: { [visitIds.metWith]: plainText('x'.repeat(3001)) },
        summary: { [visitIds.summary]: plainText(bad) },
      },
    });
    expect(response.json.response_action).toBe('errors');
    expect(Object.keys(response.json.errors).sort()).toEqual(['met_with', 'summary']);
    expect(response.json.errors.summary).toContain('control characters');
    expect(response.json.errors.met_with).toContain('at most 3000 characters');
    expect(await stored()).toEqual(before);
  });

  it('is an error on the block that holds it (new ticket, retention case, cross-region form)', async () => {
    const before = await stored();
    const ticket = await t.driver.viewSubmission({
      userId: 'U0ADMIN',
      callbackId: ticketIds.newView,
      values: {
        customer: { [ticketIds.customerSearch]: externalSelect('C0001') },
        service: { service: staticSelect('internet_line') },
        scope: { scope: radio('within_province') },
        description: { description: plainText(bad) },
        contact_name: { contact_name: plainText('Wang\u0007') },
        contact_phone: { contact_phone: plainText(null) },
      },
    });
    expect(ticket.json).toMatchObject({ response_action: 'errors' });
    expect(Object.keys(ticket.json.errors).sort()).toEqual(['contact_name', 'description']);

    const retention = await t.driver.viewSubmission({
      userId: 'U0DEMOAM3',
      callbackId: retentionIds.recordView,
      values: {
        [retentionIds.customer]: { [retentionIds.customer]: externalSelect('C0006') },
        [retentionIds.reasons]: { [retentionIds.reasons]: checkboxes(['price']) },
        [retentionIds.notes]: { [retentionIds.notes]: plainText('x\ud800y') },
      },
    });
    expect(retention.json.response_action).toBe('errors');
    expect(Object.keys(retention.json.errors)).toEqual([retentionIds.notes]);

    const acceptance = await t.driver.viewSubmission({
      userId: 'U0DEMOAM3',
      callbackId: xregionIds.acceptanceForm,
      values: { description: { description: plainText(bad) }, member_number: { [xregionIds.memberLookup]: plainText('13801010001') } },
    });
    expect(acceptance.json.response_action).toBe('errors');
    expect(Object.keys(acceptance.json.errors)).toEqual(['description']);
    expect(await stored()).toEqual(before);
  });
});

describe('a choice the form no longer offers', () => {
  const unavailable = 'no longer available';
  const fillIn = 'Please fill this in';

  it('is "choose again" on its block, not "please fill this in" (new ticket, retention case, visit, cross-region form)', async () => {
    const before = await stored();
    const ticket = await t.driver.viewSubmission({
      userId: 'U0ADMIN',
      callbackId: ticketIds.newView,
      values: {
        customer: { [ticketIds.customerSearch]: externalSelect('C0001') },
        service: { service: staticSelect('telegraph_line') },
        scope: { scope: radio('interplanetary') },
        description: { description: plainText('Line down') },
      },
    });
    expect(ticket.json.response_action).toBe('errors');
    expect(Object.keys(ticket.json.errors).sort()).toEqual(['scope', 'service']);
    for (const error of Object.values(ticket.json.errors)) expect(error).toContain(unavailable);

    const retention = await t.driver.viewSubmission({
      userId: 'U0DEMOAM3',
      callbackId: retentionIds.recordView,
      values: {
        [retentionIds.customer]: { [retentionIds.customer]: externalSelect('C0006') },
        [retentionIds.trigger]: { [retentionIds.trigger]: staticSelect('moon_phase') },
        [retentionIds.reasons]: { [retentionIds.reasons]: checkboxes(['tariff', 'astrology']) },
        [retentionIds.offer]: { [retentionIds.offer]: staticSelect('bill_credit_50') },
        [retentionIds.outcome]: { [retentionIds.outcome]: radio('maybe_later') },
      },
    });
    expect(retention.json.response_action).toBe('errors');
    expect(Object.keys(retention.json.errors).sort()).toEqual([retentionIds.outcome, retentionIds.reasons, retentionIds.trigger].sort());
    for (const error of Object.values(retention.json.errors)) {
      expect(error).toContain(unavailable);
      expect(error).not.toContain(fillIn);
    }

    const visit = await t.driver.viewSubmission({
      userId: 'U0DEMOAM3',
      callbackId: visitIds.form,
      privateMetadata: JSON.stringify({ timeZone: 'Asia/Shanghai' }),
      values: {
        customer: { [visitIds.customerSearch]: externalSelect('C0004', 'C0004 周文华') },
        kind: { [visitIds.kind]: staticSelect('telepathy') },
        purposes: { [visitIds.purposes]: checkboxes(['fortune_telling']) },
        occurred_at: { [visitIds.occurredAt]: datetimepicker(Math.floor(Date.parse('2026-11-23T01:30:00Z') / 1000)) },
        summary: { [visitIds.summary]: plainText('Called') },
      },
    });
    expect(visit.json.response_action).toBe('errors');
    expect(Object.keys(visit.json.errors).sort()).toEqual(['kind', 'purposes']);
    for (const error of Object.values(visit.json.errors)) expect(error).toContain(unavailable);

    const acceptance = await t.driver.viewSubmission({
      userId: 'U0DEMOAM3',
      callbackId: xregionIds.acceptanceForm,
      values: {
        member_number: { [xregionIds.memberLookup]: plainText('13801010001') },
        service: { service: staticSelect('teleportation') },
        description: { description: plainText('Needs a bill') },
        contact_phone: { contact_phone: plainText('13801010001') },
      },
    });
    expect(acceptance.json.response_action).toBe('errors');
    expect(acceptance.json.errors.service).toContain(unavailable);
    expect(await stored()).toEqual(before);
  });
});

describe('a ticket id nobody wrote', () => {
  it('is "no such ticket", without echoing the internal id', async () => {
    const made = '00000000-0000-4000-8000-000000000000';
    const responseUrl = t.slack.responseUrl();
    await t.driver.blockAction({ userId: 'U0DEMOSUP1', actionId: ticketIds.claim, value: made, responseUrl, channelId: 'C0DEMOBJSUP' });
    const answer = await t.slack.waitFor((c) => c.responseUrl === responseUrl);
    expect(answer.args.text).toContain('no such ticket');
    expect(JSON.stringify(answer.args)).not.toContain('00000000');
    const typed = await commandAnswer('U0DEMOSUP1', '/ticket', `show ${made}`);
    expect(typed.text).toContain('no such ticket');
    expect(typed.shown).not.toContain('00000000');
    // A number as people type it is echoed as a ticket number.
    expect((await commandAnswer('U0DEMOSUP1', '/ticket', 'show t-20991231-999')).text).toContain('`T-20991231-999`');
  });
});

describe('an option load that cannot be a search', () => {
  it.each([ticketIds.customerSearch, ticketIds.affectedSearch, visitIds.customerSearch, retentionIds.customer, xregionIds.homeRegionOptions])('%s gets an empty list', async (actionId) => {
    for (const value of ['C0\u0000', 'x'.repeat(101), 'x\ud800']) {
      const response = await t.driver.blockSuggestion({ userId: 'U0DEMOAM1', actionId, value });
      expect(response.status).toBe(200);
      expect(response.json).toEqual({ options: [] });
    }
    // And an ordinary search still finds.
    const found = await t.driver.blockSuggestion({ userId: 'U0DEMOAM1', actionId, value: actionId === xregionIds.homeRegionOptions ? 'BJ' : 'C000' });
    expect(found.json.options.length).toBeGreaterThan(0);
  });
});

describe('text the bot refuses in a slash command', () => {
  it('is answered privately, and nothing is stored', async () => {
    const before = await stored();
    for (const [command, text] of [
      ['/visit', 'C0004 phone Called\u0000 about the line'],
      ['/xregion', 'find 138\u00000'],
      ['/ticket', 'list mine\u001b'],
      ['/am', 'staff <@U0DEMOAM3> admin BJ\u0000'],
      ['/retain', 'stats 2026-11\u0007'],
    ] as const) {
      const answer = await commandAnswer('U0ADMIN', command, text);
      expect(answer.text, `${command} ${JSON.stringify(text)}`).toContain('NUL or other control characters');
    }
    const long = await commandAnswer('U0ADMIN', '/visit', `C0004 phone ${'x'.repeat(4000)}`);
    expect(long.text).toContain('too long for a command');
    expect(await stored()).toEqual(before);
  });

  it('says which limit a long text broke', async () => {
    const before = await stored();
    const summary = await commandAnswer('U0DEMOAM3', '/visit', `C0006 phone ${'x'.repeat(3001)}`);
    expect(summary.text).not.toContain(generic);
    expect(summary.text).toMatch(/3[,]?000/);
    const find = await commandAnswer('U0DEMOAM3', '/xregion', `find ${'word '.repeat(100)}`);
    expect(find.text).toContain('Usage: `/xregion find');
    expect(await stored()).toEqual(before);
  });
});

describe('a word a command does not know', () => {
  it('is answered with that command’s help, in the user’s language', async () => {
    const am = await commandAnswer('U0DEMOAM1', '/am', 'constructor');
    expect(am.shown).toContain('暂不支持 `/am constructor`');
    expect(am.shown).toContain('/am whoami');
    const proto = await commandAnswer('U0ADMIN', '/am', '__proto__');
    expect(proto.shown).toContain('I do not know `/am __proto__`');
    expect(proto.shown).toContain('Key-account service bot');
    const ticket = await commandAnswer('U0ADMIN', '/ticket', 'constructor');
    expect(ticket.shown).toContain('I do not know `/ticket constructor`');
    expect(ticket.shown).toContain('/ticket claim');
    const xregion = await commandAnswer('U0ADMIN', '/xregion', 'toString');
    expect(xregion.shown).toContain('/xregion find');
    const retain = await commandAnswer('U0ADMIN', '/retain', 'hasOwnProperty');
    expect(retain.shown).toContain('/retain stats');
    const visit = await commandAnswer('U0DEMOAM3', '/visit', 'C0006 constructor called');
    expect(visit.text).toContain('/visit CUSTOMER KIND SUMMARY');
  });
});
