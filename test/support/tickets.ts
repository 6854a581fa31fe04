// Ticket steps as a person does them in Slack, through the signed receiver, plus the
// sweep at a chosen instant. Used by the ticket end-to-end tests.
import { expect } from 'vitest';
import { sweepDueTimers } from '../../src/jobs/sweep-due-timers.ts';
import { timerHandlers } from '../../src/jobs/timer-handlers.ts';
import { ticketIds } from '../../src/slack/ids.ts';
import type { FakeMessage, FakeSlack, RecordedCall } from '../../src/sandbox/slack-stand-in/server.ts';
import { externalSelect, plainText, radio, staticSelect } from '../../src/sandbox/slack-stand-in/view-state.ts';
import type { TestBot } from './test-bot.ts';

export const people = {
  am1: 'U0DEMOAM1',
  am2: 'U0DEMOAM2',
  am3: 'U0DEMOAM3',
  eng1: 'U0DEMOENG1',
  eng2: 'U0DEMOENG2',
  sup1: 'U0DEMOSUP1',
  sup2: 'U0DEMOSUP2',
  admin: 'U0ADMIN',
} as const;

export const channels = { bjTickets: 'C0DEMOBJTKT', bjSupervisors: 'C0DEMOBJSUP', shTickets: 'C0DEMOSHTKT', shSupervisors: 'C0DEMOSHSUP' } as const;

/** Engineers and supervisors read English, account managers Chinese. */
export function introducePeople(slack: FakeSlack): void {
  for (const [key, id] of Object.entries(people)) {
    slack.setUser(id, { locale: key.startsWith('am') ? 'zh-CN' : 'en-US', tz: 'Asia/Shanghai', name: key });
  }
  slack.setUser('U0STRANGER', { locale: 'en-US', tz: 'Europe/London', name: 'Sam Stranger' });
}

let triggers = 0;

export type NewTicket = { userId: string; customer: string; service?: string; scope?: string; description?: string; contactPhone?: string };

/** /ticket new → modal → customer search → submit; returns the ticket once it is posted. */
export async function openTicketByModal(t: TestBot, input: NewTicket) {
  const triggerId = `trigger-new-${++triggers}`;
  await t.driver.command({ command: '/ticket', text: 'new', userId: input.userId, triggerId, responseUrl: t.slack.responseUrl() });
  const opened = await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === triggerId);
  const view = opened.response.view;
  const suggestion = await t.driver.blockSuggestion({ userId: input.userId, actionId: ticketIds.customerSearch, value: input.customer, view });
  const option = suggestion.json.options.find((o: { value: string }) => o.value === input.customer);
  expect(option, `customer ${input.customer} offered by the search`).toBeDefined();
  const submitted = await t.driver.viewSubmission({
    userId: input.userId,
    view,
    values: {
      customer: { [ticketIds.customerSearch]: externalSelect(input.customer, option.text.text) },
      service: { service: staticSelect(input.service ?? 'internet_line') },
      scope: { scope: radio(input.scope ?? 'within_province') },
      description: { description: plainText(input.description ?? 'Line down since this morning') },
      contact_name: { contact_name: plainText('Mr Wang') },
      contact_phone: { contact_phone: plainText(input.contactPhone ?? '13800138000') },
    },
  });
  expect(submitted.status).toBe(200);
  expect(submitted.text, 'the modal closed without errors').toBe('');
  const ticket = await t.bot.db.ticket.findFirstOrThrow({ where: { customerCode: input.customer }, orderBy: { number: 'desc' } });
  await waitForTicketMessage(t, ticket.number);
  // The opener's confirmation is the last thing the bot sends for an opening.
  await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === `D${input.userId}` && String(c.args.text).includes(`${ticket.number}*`) && String(c.args.text).includes('<#'));
  return t.bot.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
}

export async function waitForTicketMessage(t: TestBot, number: string): Promise<void> {
  await t.slack.waitFor((c) => c.method === 'chat.postMessage' && c.ok && !c.args.thread_ts && isTicketMessage(c.args, number));
}

function isTicketMessage(message: { blocks?: any[] }, number: string): boolean {
  return Boolean(message.blocks?.[0]?.type === 'header' && message.blocks[0].text.text.startsWith(number));
}

/** The ticket's channel message as the fake Slack holds it now. */
export async function ticketMessage(t: TestBot, number: string): Promise<FakeMessage> {
  let message: FakeMessage | undefined;
  await until(t, `the channel message of ${number}`, async () => {
    const ticket = await t.bot.db.ticket.findUniqueOrThrow({ where: { number } });
    message = ticket.messageTs ? t.slack.messages().find((m) => m.ts === ticket.messageTs && m.channel === ticket.channelId) : undefined;
    return message !== undefined;
  });
  return message!;
}

export function buttonIds(message: FakeMessage): string[] {
  return (message.blocks ?? []).filter((b) => b.type === 'actions').flatMap((b) => b.elements.map((e: { action_id: string }) => e.action_id));
}

/** Clicks a button on the ticket's channel message; returns the response URL the user's answers go to. */
export async function clickTicketButton(t: TestBot, input: { userId: string; number: string; actionId: string; triggerId?: string }) {
  // A person clicks what Slack shows: the message as the last committed change left it.
  await t.bot.ctx.outbox.idle();
  const message = await ticketMessage(t, input.number);
  const responseUrl = t.slack.responseUrl({ channel: message.channel, messageTs: message.ts, userId: input.userId });
  const response = await t.driver.blockAction({ userId: input.userId, actionId: input.actionId, message, responseUrl, triggerId: input.triggerId });
  expect(response.status).toBe(200);
  return responseUrl;
}

/** A /ticket command; resolves with its private answer. */
export async function ticketCommand(t: TestBot, userId: string, text: string): Promise<Record<string, any>> {
  const responseUrl = t.slack.responseUrl({ userId });
  const response = await t.driver.command({ command: '/ticket', text, userId, responseUrl });
  expect(response.status).toBe(200);
  const answer = (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl, 5000)).args;
  // The person is answered first; what the command announced follows from the outbox.
  await t.bot.ctx.outbox.idle();
  return answer;
}

export function answersTo(t: TestBot, responseUrl: string): RecordedCall[] {
  return t.slack.calls.filter((c) => c.method === 'response_url' && c.responseUrl === responseUrl);
}

/** Posts the bot made (ok) matching the predicate: messages to a channel, or DMs to a user id. */
export function postsTo(t: TestBot, channelOrUser: string, predicate: (text: string) => boolean = () => true): RecordedCall[] {
  const channel = /^[UW]/.test(channelOrUser) ? `D${channelOrUser}` : channelOrUser;
  return t.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.ok && c.response.channel === channel && predicate(String(c.args.text ?? '')));
}

/** The timer sweep at the test clock's instant, then what it announced is delivered. */
export async function sweep(t: TestBot, owner = 'test-sweeper') {
  const result = await sweepDueTimers({ db: t.bot.db, handlers: timerHandlers(t.bot.ctx), logger: t.bot.ctx.logger, now: t.clock.now(), owner });
  await t.bot.ctx.outbox.idle();
  return result;
}

export async function timerOf(t: TestBot, kind: string, ticketId: string) {
  return t.bot.db.timer.findUnique({ where: { kind_subjectId: { kind, subjectId: ticketId } } });
}

/**
 * Polls until the bot's work after an ack shows (a call recorded, a row written). Not
 * a sleep standing in for time: the test clock alone decides what is due.
 */
export async function until(_t: TestBot, what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
