// The cross-region flow as a user clicks through it, for the end-to-end tests: each
// step sends the signed request Slack would send, built from what the bot really
// showed (views and messages from the fake Slack), and waits for the bot's answer.
import { expect } from 'vitest';
import type { FakeMessage } from '../../../src/sandbox/slack-stand-in/server.ts';
import { datetimepicker, externalSelect, plainText, radio, staticSelect } from '../../../src/sandbox/slack-stand-in/view-state.ts';
import type { TestBot } from '../../support/test-bot.ts';

export const ids = {
  lookup: 'xregion.member_lookup',
  homeRegion: 'xregion.home_region',
  accept: 'xregion.accept',
  reply: 'xregion.reply',
  reject: 'xregion.reject',
} as const;

export type AcceptanceValues = {
  memberNumber?: string | null;
  homeRegion?: string | null;
  memberName?: string | null;
  service?: string | null;
  description?: string | null;
  contactPhone?: string | null;
  verifiedBy?: string | null;
};

export function acceptanceState(v: AcceptanceValues) {
  return {
    member_number: { [ids.lookup]: plainText(v.memberNumber ?? null) },
    home_region: { [ids.homeRegion]: externalSelect(v.homeRegion ?? null) },
    member_name: { member_name: plainText(v.memberName ?? null) },
    service: { service: staticSelect(v.service ?? null) },
    description: { description: plainText(v.description ?? null) },
    contact_phone: { contact_phone: plainText(v.contactPhone ?? null) },
    verified_by: { verified_by: plainText(v.verifiedBy ?? null) },
  };
}

export type ReplyValues = { result: string; reason?: string | null; actionsTaken: string; handledBy?: string; handledAtSeconds: number; notes?: string | null };

export function replyState(v: ReplyValues) {
  return {
    result: { result: radio(v.result) },
    reason: { reason: plainText(v.reason ?? null) },
    actions_taken: { actions_taken: plainText(v.actionsTaken) },
    ...(v.handledBy !== undefined ? { handled_by: { handled_by: plainText(v.handledBy) } } : {}),
    handled_at: { handled_at: datetimepicker(v.handledAtSeconds) },
    notes: { notes: plainText(v.notes ?? null) },
  };
}

/** `/xregion` → the acceptance modal Slack opened. */
export async function openAcceptanceForm(t: TestBot, userId: string) {
  const before = t.slack.callsTo('views.open').length;
  const response = await t.driver.command({ command: '/xregion', text: '', userId, responseUrl: t.slack.responseUrl() });
  expect(response.status).toBe(200);
  await t.slack.waitFor(() => t.slack.callsTo('views.open').length > before);
  const call = t.slack.callsTo('views.open').at(-1)!;
  expect(call.ok, JSON.stringify(call.response)).toBe(true);
  return call.response.view;
}

/** Enter in the member-number field → the updated modal. */
export async function lookUpMember(t: TestBot, userId: string, view: any, number: string) {
  const before = t.slack.callsTo('views.update').length;
  await t.driver.blockAction({ userId, actionId: ids.lookup, value: number, view });
  await t.slack.waitFor(() => t.slack.callsTo('views.update').length > before);
  const call = t.slack.callsTo('views.update').at(-1)!;
  expect(call.ok, JSON.stringify(call.response)).toBe(true);
  return call.response.view;
}

export async function submitAcceptance(t: TestBot, userId: string, view: any, values: AcceptanceValues) {
  const response = await t.driver.viewSubmission({ userId, view, values: acceptanceState(values) });
  expect(response.status).toBe(200);
  return response.json;
}

/** The request's top-level message in a channel (the routed form or the kept copy). */
export function requestMessageIn(t: TestBot, channel: string, number: string): FakeMessage | undefined {
  return t.slack.messageIn(channel, (m) => !m.thread_ts && !m.ephemeralTo && (m.text ?? '').includes(number));
}

export async function waitForRequestMessage(t: TestBot, channel: string, number: string): Promise<FakeMessage> {
  await t.slack.waitFor(() => requestMessageIn(t, channel, number) !== undefined);
  return requestMessageIn(t, channel, number)!;
}

/** A button click on a channel message; returns what the bot answered privately, if it did. */
export async function clickButton(t: TestBot, userId: string, actionId: string, message: FakeMessage) {
  const responseUrl = t.slack.responseUrl({ channel: message.channel, messageTs: message.ts, userId });
  const response = await t.driver.blockAction({ userId, actionId, message, responseUrl });
  expect(response.status).toBe(200);
  return responseUrl;
}

export async function privateAnswer(t: TestBot, responseUrl: string) {
  return (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
}

export const text = (m: { text?: string; blocks?: unknown } | undefined) => `${m?.text ?? ''}\n${JSON.stringify(m?.blocks ?? [])}`;

/** Retries a check until it passes: for work the bot finishes just after its last Slack call. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 2000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
