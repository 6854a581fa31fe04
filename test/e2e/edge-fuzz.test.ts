// Odd input everywhere, through the real receiver and the HTTP API: every subcommand of
// every command, every button, modal and option source, and every field of the ticket
// API gets words that look like Object.prototype (`constructor`, `__proto__`, …), NUL
// and other control characters, 3,000+ characters and lone surrogates. Each is
// answered clearly — a reply the fake Slack accepted, never the generic failure, never
// a 5xx — and where the input was refused nothing is stored.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approvalIds, homeIds, retentionIds, ticketIds, visitIds, xregionIds } from '../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';
import { introducePeople } from '../support/tickets.ts';
import { datetimepicker, externalSelect, plainText, radio, staticSelect } from '../../src/sandbox/slack-stand-in/view-state.ts';

const token = 'fuzz-api-token-0123456789';
let t: TestBot;
let ticketNumber = '';
beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-23T02:00:00Z', env: { TICKET_API_TOKEN: token } });
  introducePeople(t.slack);
  t.slack.setUser('U0NEWBIE', { locale: 'en-US', tz: 'Europe/Berlin', name: 'Nina Newbie' });
  const opened = await postTicket({ ...ticketBody, externalRef: 'FUZZ-0' });
  expect(opened.status).toBe(201);
  ticketNumber = opened.json.number;
});
afterAll(() => t.stop());

/** Words that are properties of every object, and text no one should be able to store. */
const wordLike = { constructor: 'constructor', proto: '__proto__', toString: 'toString', hasOwnProperty: 'hasOwnProperty' };
const refused = {
  nul: 'a\u0000b',
  bell: 'ring\u0007',
  escape: '\u001b[2Jclear',
  delete: 'del\u007f',
  c1: 'next\u0085line',
  carriageReturn: 'a\rb',
  loneSurrogate: 'half\ud800pair',
  long: 'x'.repeat(3500),
  longWords: 'word '.repeat(800),
};
const oddWords: [string, string][] = [...Object.entries(wordLike), ...Object.entries(refused)];

// A slash command travels form-encoded as UTF-8, so a lone surrogate arrives as U+FFFD
// (an ordinary character); in JSON payloads and API bodies it arrives as itself.
const refusedInCommands = new Set<string>(Object.entries(refused).filter(([name]) => name !== 'loneSurrogate').map(([, value]) => value));

const generic = [/something went wrong on our side/, /系统出了点问题/];
const problems: string[] = [];
beforeEach(() => {
  problems.length = 0;
});
const note = (what: string, why: string): void => void problems.push(`${what}: ${why}`);
const shown = (value: unknown) => JSON.stringify(value ?? null);
const label = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…(${text.length})` : text);

/** Rows a refused input must not have written. */
const stored = async () => ({
  audit: await t.bot.db.auditEntry.count(),
  visits: await t.bot.db.visit.count(),
  visitVersions: await t.bot.db.visitVersion.count(),
  tickets: await t.bot.db.ticket.count(),
  approvals: await t.bot.db.approvalRequest.count(),
  decisions: await t.bot.db.approvalDecision.count(),
  retention: await t.bot.db.retentionCase.count(),
  xregion: await t.bot.db.xregionRequest.count(),
  staff: await t.bot.db.staff.count(),
});

/** Runs the cases a few at a time: the machine is small and shared. */
async function inBatches<T>(items: T[], run: (item: T) => Promise<void>, size = 4): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

let triggers = 0;

async function commandCase(command: string, userId: string, text: string): Promise<void> {
  const what = `${command} ${label(text)}`;
  const responseUrl = t.slack.responseUrl();
  const triggerId = `fuzz-${++triggers}`;
  const response = await t.driver.command({ command, text, userId, responseUrl, triggerId });
  if (response.status !== 200) return note(what, `HTTP ${response.status}`);
  // Help may be the ack itself (answered from memory).
  if (response.text !== '') {
    if (generic.some((g) => g.test(shown(response.json)))) note(what, 'answered with the generic failure');
    return;
  }
  const answer = await t.slack
    .waitFor((c) => c.responseUrl === responseUrl || (c.method === 'views.open' && c.args.trigger_id === triggerId), 8000)
    .catch(() => null);
  if (!answer) return note(what, 'never answered');
  if (!answer.ok) return note(what, `Slack refused the answer: ${answer.error}`);
  if (generic.some((g) => g.test(shown(answer.args)))) note(what, 'answered with the generic failure');
}

describe('every subcommand of every command', () => {
  const matrix = (): [string, string, string[]][] => [
    ['/am', 'U0ADMIN', ['', 'help', 'whoami', 'staff', 'staff <@U0NEWBIE|nina> admin', 'report', 'report 2026-10']],
    ['/ticket', 'U0ADMIN', [
      '', 'help', 'new', 'restore', 'claim', 'release', 'onsite', 'close', 'cancel', 'reassign', 'major', 'pause', 'resume', 'show', 'list',
      `show ${ticketNumber}`, `pause ${ticketNumber}`, `major ${ticketNumber}`, `reassign ${ticketNumber}`, `restore ${ticketNumber}`, `list mine`,
    ]],
    ['/visit', 'U0DEMOAM3', ['', 'help', 'list', 'list mine', 'history', 'C0006', 'C0006 phone']],
    ['/xregion', 'U0DEMOAM3', ['', 'help', 'find', 'export', 'export 2026-11-01']],
    ['/retain', 'U0DEMOAM3', ['', 'help', 'stats']],
    // Chinese-speaking users get the same care.
    ['/am', 'U0DEMOAM1', ['', 'report']],
    ['/visit', 'U0DEMOAM1', ['C0004 电话']],
  ];

  it('answers each odd word clearly and stores nothing it refused', { timeout: 240_000 }, async () => {
    const cases = matrix().flatMap(([command, userId, prefixes]) => prefixes.flatMap((prefix) => oddWords.map(([, word]) => ({ command, userId, prefix, word }))));
    // Refused text first, while the row counts can be compared; then the word-like ones.
    const before = await stored();
    await inBatches(cases.filter((c) => refusedInCommands.has(c.word)), (c) => commandCase(c.command, c.userId, `${c.prefix} ${c.word}`.trim()));
    expect(problems).toEqual([]);
    expect(await stored(), 'nothing stored from refused command text').toEqual(before);
    await inBatches(cases.filter((c) => !refusedInCommands.has(c.word)), (c) => commandCase(c.command, c.userId, `${c.prefix} ${c.word}`.trim()));
    // The ticket steps that change something, last: they may legitimately take a word as a reason.
    await inBatches(['cancel', 'claim', 'onsite', 'release', 'close'].flatMap((sub) => oddWords.map(([, word]) => `${sub} ${ticketNumber} ${word}`)), (text) => commandCase('/ticket', 'U0ADMIN', text));
    expect(problems).toEqual([]);
    t.slack.assertNoRejections();
  });
});

describe('every button, modal and option source', () => {
  const buttons = [
    ticketIds.claim, ticketIds.onSite, ticketIds.release, ticketIds.close, ticketIds.restore, ticketIds.major, ticketIds.pause, ticketIds.resume,
    ticketIds.stillOnIt, ticketIds.checkRelease, approvalIds.approve, approvalIds.reject, xregionIds.accept, xregionIds.reply, xregionIds.reject,
    xregionIds.correctAcceptance, xregionIds.correctReply, xregionIds.findNextPage, xregionIds.findPreviousPage, visitIds.edit, visitIds.logFor,
    visitIds.historyOlder, visitIds.historyNewer, retentionIds.recordOutcome, homeIds.nextPage, homeIds.previousPage,
  ];
  const homeButtons = new Set<string>([homeIds.nextPage, homeIds.previousPage]);

  it('answers a click on each button with an odd value', { timeout: 120_000 }, async () => {
    const before = await stored();
    const click = async ({ actionId, value }: { actionId: string; value: string }) => {
      const what = `${actionId} value ${label(value)}`;
      const responseUrl = t.slack.responseUrl();
      const triggerId = `fuzz-${++triggers}`;
      const response = await t.driver.blockAction({ userId: 'U0DEMOSUP1', actionId, value, responseUrl, triggerId, channelId: 'C0DEMOBJSUP' });
      if (response.status !== 200) return note(what, `HTTP ${response.status}`);
      // Home paging buttons live on the Home tab: their answer is the Home itself (one click at a time).
      const earlier = new Set(t.slack.callsTo('views.publish'));
      const onHome = homeButtons.has(actionId);
      const answer = await t.slack
        .waitFor((c) => c.responseUrl === responseUrl || (c.method === 'views.open' && c.args.trigger_id === triggerId) || (onHome && c.method === 'views.publish' && !earlier.has(c)), 8000)
        .catch(() => null);
      if (!answer) return note(what, 'never answered');
      if (!answer.ok) return note(what, `Slack refused the answer: ${answer.error}`);
      if (generic.some((g) => g.test(shown(answer.args)))) note(what, 'answered with the generic failure');
    };
    const cases = buttons.flatMap((actionId) => oddWords.map(([, value]) => ({ actionId, value })));
    await inBatches(cases.filter((c) => !homeButtons.has(c.actionId)), click);
    await inBatches(cases.filter((c) => homeButtons.has(c.actionId)), click, 1);
    expect(problems).toEqual([]);
    expect(await stored()).toEqual(before);
    t.slack.assertNoRejections();
  });

  const now = Math.floor(Date.parse('2026-11-23T01:30:00Z') / 1000);
  /** Each modal with its main text field; metadata the bot could have written but about nothing that exists. */
  const modals = (word: string): { callbackId: string; metadata?: string; values: Record<string, Record<string, unknown>> }[] => [
    {
      callbackId: visitIds.form,
      metadata: JSON.stringify({ timeZone: 'Asia/Shanghai' }),
      values: {
        customer: { [visitIds.customerSearch]: externalSelect('C0006') },
        kind: { [visitIds.kind]: staticSelect('phone') },
        occurred_at: { [visitIds.occurredAt]: datetimepicker(now) },
        met_with: { [visitIds.metWith]: plainText(word) },
        summary: { [visitIds.summary]: plainText(word) },
      },
    },
    {
      callbackId: ticketIds.newView,
      values: {
        customer: { [ticketIds.customerSearch]: externalSelect(word) },
        service: { service: staticSelect(word) },
        scope: { scope: radio('within_province') },
        description: { description: plainText(word) },
        contact_name: { contact_name: plainText(word) },
        contact_phone: { contact_phone: plainText(word) },
      },
    },
    { callbackId: ticketIds.restoreView, metadata: JSON.stringify({ ticketId: randomUUID() }), values: { cause: { cause: plainText(word) }, action: { action: plainText(word) } } },
    { callbackId: ticketIds.pauseView, metadata: JSON.stringify({ ticketId: randomUUID() }), values: { reason: { reason: plainText(word) } } },
    { callbackId: ticketIds.majorView, metadata: JSON.stringify({ ticketId: randomUUID() }), values: { customers: { [ticketIds.affectedSearch]: { type: 'multi_external_select', selected_options: [{ value: word, text: { type: 'plain_text', text: 'x' } }] } }, note: { note: plainText(word) } } },
    { callbackId: approvalIds.rejectView, metadata: JSON.stringify({ requestId: '999999' }), values: { [approvalIds.rejectReason]: { [approvalIds.rejectReason]: plainText(word) } } },
    { callbackId: retentionIds.recordView, values: { [retentionIds.customer]: { [retentionIds.customer]: externalSelect(word) }, [retentionIds.notes]: { [retentionIds.notes]: plainText(word) } } },
    { callbackId: xregionIds.acceptanceForm, values: { member_number: { [xregionIds.memberLookup]: plainText(word) }, description: { description: plainText(word) } } },
    { callbackId: xregionIds.replyForm, metadata: JSON.stringify({ requestId: randomUUID() }), values: { actions_taken: { actions_taken: plainText(word) }, handled_by: { handled_by: plainText(word) } } },
    { callbackId: xregionIds.rejectForm, metadata: JSON.stringify({ requestId: randomUUID() }), values: { reason: { reason: plainText(word) } } },
    { callbackId: xregionIds.acceptanceCorrectionForm, metadata: JSON.stringify({ requestId: randomUUID() }), values: { description: { description: plainText(word) } } },
    { callbackId: xregionIds.replyCorrectionForm, metadata: JSON.stringify({ requestId: randomUUID() }), values: { actions_taken: { actions_taken: plainText(word) } } },
  ];

  it('answers each modal submitted with odd text or odd private_metadata', { timeout: 120_000 }, async () => {
    const submissions = (words: [string, string][]) => words.flatMap(([, word]) =>
      modals(word).flatMap((modal) => [
        { ...modal, what: `${modal.callbackId} text ${label(word)}` },
        ...(modal.metadata ? [{ ...modal, metadata: word, values: modals('ok').find((m) => m.callbackId === modal.callbackId)!.values, what: `${modal.callbackId} metadata ${label(word)}` }] : []),
      ]),
    );
    const submit = async (c: { what: string; callbackId: string; metadata?: string; values: Record<string, Record<string, unknown>> }) => {
      const response = await t.driver.viewSubmission({ userId: 'U0DEMOAM3', callbackId: c.callbackId, privateMetadata: c.metadata, values: c.values });
      if (response.status !== 200) return note(c.what, `HTTP ${response.status}`);
      const action = response.json?.response_action;
      // A word may make a good visit (the form then closes on its confirmation); anything else is answered in the modal.
      if (action !== 'errors' && action !== 'update') return note(c.what, `answered ${shown(response.text)}`);
      if (generic.some((g) => g.test(shown(response.json)))) note(c.what, `answered with the generic failure: ${shown(response.json)}`);
    };
    const before = await stored();
    await inBatches(submissions(Object.entries(refused)), submit);
    expect(problems).toEqual([]);
    expect(await stored(), 'nothing stored from refused modal text').toEqual(before);
    await inBatches(submissions(Object.entries(wordLike)), submit);
    expect(problems).toEqual([]);
  });

  it('answers each option load with a list', async () => {
    const sources = [ticketIds.customerSearch, ticketIds.affectedSearch, visitIds.customerSearch, retentionIds.customer, xregionIds.homeRegionOptions];
    await inBatches(sources.flatMap((actionId) => oddWords.map(([, value]) => ({ actionId, value }))), async ({ actionId, value }) => {
      const response = await t.driver.blockSuggestion({ userId: 'U0DEMOAM3', actionId, value });
      if (response.status !== 200 || !Array.isArray(response.json?.options)) note(`${actionId} ${label(value)}`, `HTTP ${response.status} ${response.text.slice(0, 80)}`);
    });
    expect(problems).toEqual([]);
  });
});

const ticketBody = { customerCode: 'C0001', serviceType: 'internet_line', scope: 'within_province', description: 'Line down', contactName: 'Mr Wang', contactPhone: '13800138000', source: 'fuzz' };

async function postTicket(payload: unknown) {
  const res = await fetch(`${t.baseUrl}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json };
}

describe('every field of POST /api/tickets', () => {
  const fields = ['customerCode', 'serviceType', 'scope', 'description', 'contactName', 'contactPhone', 'externalRef', 'source', 'affectedCustomerCodes'] as const;

  it('answers 400 naming the field for refused text, and stores nothing', { timeout: 60_000 }, async () => {
    const before = await stored();
    for (const field of fields) {
      for (const [name, value] of Object.entries(refused)) {
        const body = { ...ticketBody, externalRef: `FUZZ-${field}-${name}`, [field]: field === 'affectedCustomerCodes' ? ['C0002', value] : value };
        const answer = await postTicket(body);
        if (answer.status !== 400) note(`${field}=${name}`, `HTTP ${answer.status}`);
        else if (!answer.json.issues.some((i: { path: string }) => i.path.split('.')[0] === field)) note(`${field}=${name}`, `issues ${shown(answer.json.issues)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('never answers 5xx to word-like values or odd bodies', { timeout: 60_000 }, async () => {
    for (const field of fields) {
      for (const [name, value] of Object.entries(wordLike)) {
        const body = { ...ticketBody, externalRef: `FUZZ-${field}-${name}`, [field]: field === 'affectedCustomerCodes' ? [value] : value };
        const answer = await postTicket(body);
        if (answer.status >= 500 || ![200, 201, 400, 422].includes(answer.status)) note(`${field}=${name}`, `HTTP ${answer.status}`);
      }
    }
    const before = await stored();
    for (const raw of ['{"__proto__":{"customerCode":"C0001"}}', '{"constructor":{"prototype":1}}', 'null', '[]', '"text"', '7', '{}', '{"customerCode":"C0001"', '\u0000']) {
      const answer = await postTicket(raw);
      if (answer.status !== 400) note(`body ${label(raw)}`, `HTTP ${answer.status}`);
    }
    expect(problems).toEqual([]);
    expect(await stored()).toEqual(before);
  });
});
