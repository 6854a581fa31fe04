// Drives /retain and the approval buttons like people in Slack do, through the real
// receiver, and finds what the bot posted in the fake Slack.
import { expect } from 'vitest';
import { sweepDueTimers } from '../../src/jobs/sweep-due-timers.ts';
import { timerHandlers } from '../../src/jobs/timer-handlers.ts';
import { approvalIds, retentionIds as ids } from '../../src/slack/ids.ts';
import type { FakeMessage, RecordedCall } from '../../src/sandbox/slack-stand-in/server.ts';
import { checkboxes, datepicker, externalSelect, plainText, radio, staticSelect } from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import type { TestBot } from './test-bot.ts';

export type CaseForm = {
  customer: string | null;
  trigger?: string | null;
  reasons?: string[];
  offer: string | null;
  outcome: string | null;
  followUp?: string | null;
  notes?: string | null;
};

export const supervisorChannel = 'C0DEMOBJSUP';

/**
 * Waits until the bot's own follow-up work (after Slack answered it) reached the
 * database: polls a condition, a few milliseconds apart, for at most two seconds.
 */
export async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}

export function retentionDriver(t: TestBot) {
  /** The next call matching `predicate` that was not there before `action` ran. */
  async function after<T>(action: () => Promise<T>, predicate: (c: RecordedCall) => boolean): Promise<{ result: T; call: RecordedCall }> {
    const known = new Set(t.slack.calls);
    const result = await action();
    const call = await t.slack.waitFor((c) => !known.has(c) && predicate(c));
    return { result, call };
  }

  async function openForm(userId: string): Promise<any> {
    const { call } = await after(
      () => t.driver.command({ command: '/retain', text: '', userId, responseUrl: t.slack.responseUrl({ userId }) }),
      (c) => c.method === 'views.open',
    );
    expect(call.ok).toBe(true);
    return call.response.view;
  }

  function formValues(form: CaseForm) {
    return {
      [ids.customer]: { [ids.customer]: externalSelect(form.customer) },
      [ids.trigger]: { [ids.trigger]: staticSelect(form.trigger === undefined ? 'booked_cancellation' : form.trigger) },
      [ids.reasons]: { [ids.reasons]: checkboxes(form.reasons ?? ['tariff']) },
      [ids.offer]: { [ids.offer]: staticSelect(form.offer) },
      [ids.outcome]: { [ids.outcome]: radio(form.outcome) },
      [ids.followUp]: { [ids.followUp]: datepicker(form.followUp ?? null) },
      [ids.notes]: { [ids.notes]: plainText(form.notes ?? null) },
    };
  }

  /** Opens /retain, fills it in and submits; returns Slack's view of the ack body. */
  async function submitCase(userId: string, form: CaseForm, view?: any): Promise<any> {
    const shown = view ?? (await openForm(userId));
    const response = await t.driver.viewSubmission({ userId, view: shown, values: formValues(form) });
    expect(response.status).toBe(200);
    return response.json;
  }

  /** Submits a case that needs approval; returns the request and its message in the supervisors' channel. */
  async function submitForApproval(userId: string, form: CaseForm): Promise<{ request: any; message: FakeMessage; ack: any }> {
    const { result: ack, call } = await after(() => submitCase(userId, form), (c) => c.method === 'chat.postMessage' && c.args.channel === supervisorChannel);
    // The bot stores where it posted right after Slack answers; later steps rely on it.
    const request = await until(() => t.bot.db.approvalRequest.findFirst({ where: { messageTs: call.response.ts } }), 'the approval message to be recorded');
    const message = t.slack.messageIn(supervisorChannel, (m) => m.ts === call.response.ts)!;
    return { request, message, ack };
  }

  function current(message: FakeMessage): FakeMessage {
    return t.slack.messageIn(message.channel, (m) => m.ts === message.ts)!;
  }

  /** Clicks a button on a message; `responseUrl` receives the clicker's private answers. */
  async function click(userId: string, actionId: string, message: FakeMessage) {
    const responseUrl = t.slack.responseUrl({ channel: message.channel, userId });
    const response = await t.driver.blockAction({ userId, actionId, message: current(message), responseUrl });
    expect(response.status).toBe(200);
    return { responseUrl };
  }

  /** Approve, waiting until the bot has acted on it (message updated, or a private answer). */
  async function approve(userId: string, message: FakeMessage) {
    const { call } = await after(
      () => click(userId, approvalIds.approve, message),
      (c) => (c.method === 'chat.update' && c.args.ts === message.ts) || (c.method === 'response_url' && c.args.text !== undefined),
    );
    return call;
  }

  /** Reject → the reason modal; returns the modal, not yet submitted. */
  async function openReject(userId: string, message: FakeMessage): Promise<any> {
    const { call } = await after(() => click(userId, approvalIds.reject, message), (c) => c.method === 'views.open');
    return call.response.view;
  }

  function rejectWith(userId: string, view: any, reason: string) {
    return t.driver.viewSubmission({ userId, view, values: { [approvalIds.rejectReason]: { [approvalIds.rejectReason]: plainText(reason) } } });
  }

  /** The timer sweep at an instant (the clock moves there), then what it announced is delivered. */
  async function sweep(at: Date | string) {
    t.clock.set(new Date(at).toISOString());
    const result = await sweepDueTimers({ db: t.bot.db, handlers: timerHandlers(t.bot.ctx), logger: t.bot.ctx.logger, now: new Date(at) });
    await t.bot.ctx.outbox.idle();
    return result;
  }

  const dmsTo = (userId: string) => t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${userId}`);

  return { after, openForm, formValues, submitCase, submitForApproval, current, click, approve, openReject, rejectWith, sweep, dmsTo };
}

export const shown = (message: FakeMessage | undefined) => JSON.stringify(message?.blocks ?? []);
export const hasButtons = (message: FakeMessage) => shown(message).includes(approvalIds.approve);
