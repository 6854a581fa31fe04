// Start visit / End visit: the two blocks the visit form carries for its customer (a line
// saying where the visit stands, and the button for the next step), and the private
// answers when the buttons or `/visit start|end` are used outside the form.
import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { CheckIn } from '../../domain/visits/visit-check-in.ts';
import { t, tPlain, type Locale, type Mrkdwn } from '../../i18n/catalog.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { visitIds } from '../ids.ts';
import { slackDate } from '../kit/slack-date.ts';
import { context, section } from '../kit/text.ts';
import { button } from './visit-text.ts';

export const checkInBlockIds = { note: 'visit_check_in_note', actions: 'visit_check_in' } as const;

export type CheckInState = { customer: { code: string; name: string }; open: CheckIn | null; notice?: Mrkdwn };

const customerName = (customer: { code: string; name: string }) => `${customer.code} ${customer.name}`;

function nextStep(locale: Locale, state: CheckInState): ActionsBlock {
  const element = state.open
    ? button(tPlain(locale, 'visit.check_in.end'), visitIds.endVisit, String(state.open.id))
    : button(tPlain(locale, 'visit.check_in.start'), visitIds.startVisit, state.customer.code);
  return { type: 'actions', block_id: checkInBlockIds.actions, elements: [element] };
}

/** The form's check-in blocks: the hint (or the visit under way, or the last answer) and Start / End. */
export function checkInBlocks(locale: Locale, timezone: string, state: CheckInState): KnownBlock[] {
  const note = state.notice
    ?? (state.open ? t(locale, 'visit.check_in.started', { customer: customerName(state.customer), at: slackDate(state.open.startedAt, timezone) }) : t(locale, 'visit.check_in.hint'));
  return [{ ...context(note), block_id: checkInBlockIds.note }, nextStep(locale, state)];
}

/** The form as Slack shows it, with its check-in blocks replaced (for views.update; the inputs keep what was typed). */
export function withCheckInBlocks<V extends { blocks?: unknown[] }>(view: V, blocks: KnownBlock[]): V {
  const ids = new Set<string>(Object.values(checkInBlockIds));
  const kept = (view.blocks ?? []) as { block_id?: string }[];
  const at = kept.findIndex((b) => b.block_id !== undefined && ids.has(b.block_id));
  const others = kept.filter((b) => !(b.block_id !== undefined && ids.has(b.block_id)));
  others.splice(at < 0 ? 0 : at, 0, ...blocks);
  return { ...view, blocks: others };
}

export function startedReply(locale: Locale, timezone: string, customer: { code: string; name: string }, open: CheckIn): Reply {
  const text = t(locale, 'visit.check_in.started', { customer: customerName(customer), at: slackDate(open.startedAt, timezone) });
  return { text, blocks: [section(text), nextStep(locale, { customer, open })] };
}

export function endedText(locale: Locale, timezone: string, customer: { code: string; name: string }, checkIn: { startedAt: Date; endedAt: Date }, minutes: number): Mrkdwn {
  return t(locale, 'visit.check_in.ended', { customer: customerName(customer), from: slackDate(checkIn.startedAt, timezone), to: slackDate(checkIn.endedAt, timezone), minutes });
}
