// Every value Slack carries back to the bot is read here, with zod: button values,
// private_metadata (JSON), option-load queries, view.state.values and slash-command
// text. A value the bot did not write — an old message, a form opened before a deploy,
// a tampered payload — reads as null; text people typed that the bot refuses (control
// characters, far too long) reads as a problem on its block. The listener then gives
// the one courteous answer of edge-answers.ts. Pure: no Slack calls, no database.
import { typedText } from '../kit/mrkdwn.ts';
import { z } from 'zod';
import { isPlainText, plainText } from '../../domain/plain-text.ts';

/** Slack never carries more in one value: button values ≤2000, private_metadata and text inputs ≤3000. */
export const slackValueMax = 3000;

/** A JSON document carried in a Slack string (a button value, a modal's private_metadata). */
export function carriedJson<S extends z.ZodType>(schema: S) {
  return z
    .string()
    .max(slackValueMax)
    .transform((raw, ctx): unknown => {
      try {
        return JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const decimalId = z.string().regex(/^\d{1,18}$/).transform((id) => BigInt(id));
const channelId = z.string().regex(/^[CGD][A-Z0-9]{2,30}$/);
const messageTs = z.string().regex(/^\d{1,12}\.\d{1,8}$/);

/** What the bot's own buttons and modals carry (each builder writes exactly this shape). */
export const carried = {
  /** Ticket buttons. */
  ticketId: z.uuid(),
  /** Approval buttons. */
  approvalRequestId: decimalId,
  /** Accept / Reply / Turn back / Correct on a cross-region request. */
  xregionRequestId: z.uuid(),
  /** "Add details" and "Edit" on a visit. */
  visitId: decimalId,
  /** "Log callback" on a care callback task. */
  careCallbackId: decimalId,
  /** "Record report" on an activity plan's reminder. */
  activityPlanId: decimalId,
  /** The activity report form. */
  planReportModal: carriedJson(z.object({ planId: z.string().regex(/^\d{1,18}$/) })),
  /** "Log visit" on a digest line, "Record outcome" on a retention reminder. */
  customerCode: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  /** The restore, major and pause modals. */
  ticketModal: carriedJson(z.object({ ticketId: z.uuid() })),
  /** The new-ticket modal: empty, or the message a shortcut opened it from. */
  newTicketModal: z.union([z.literal(''), carriedJson(z.object({ source: z.object({ channelId, messageTs }) }))]),
  /** The Reject modal of an approval. */
  approvalModal: carriedJson(z.object({ requestId: decimalId })),
  /** The reply, turn-back and correction modals of a cross-region request. */
  xregionModal: carriedJson(z.object({ requestId: z.uuid() })),
  /** Older / Newer under `/visit history`. */
  visitHistoryPage: carriedJson(z.object({ customer: z.string().min(1).max(64).check(plainText), page: z.number().int().min(0).max(100_000) })),
  /** "Reveal number" beside a masked number: the record it belongs to. */
  personalRecord: carriedJson(z.object({ kind: z.enum(['ticket', 'xregion']), id: z.uuid() })),
  /** Previous / next under `/xregion find`. */
  xregionFindPage: carriedJson(z.object({ q: z.string().max(500).check(plainText), p: z.number().int().min(1).max(100_000) })),
} as const;

/** The message a message shortcut was used on: where it lives, and its text as typed (control characters dropped, newlines and tabs kept). */
const shortcutMessage = z.object({ channel: channelId, ts: messageTs, text: z.string().max(40_000).optional() });

export function readShortcutMessage(raw: unknown): { channelId: string; messageTs: string; text: string } | null {
  const parsed = shortcutMessage.safeParse(raw);
  if (!parsed.success) return null;
  const text = typedText(parsed.data.text ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return { channelId: parsed.data.channel, messageTs: parsed.data.ts, text };
}

/** The value as its schema reads it, or null when the bot did not write it. */
export function readCarried<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> | null {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

// ── view.state.values ──
// Only the parts of Slack's state our inputs use; anything else passes through untouched.
const option = z.object({ value: z.string() }).loose();
const stateEntry = z
  .object({
    type: z.string().optional(),
    value: z.string().nullish(),
    selected_option: option.nullish(),
    selected_options: z.array(option).nullish(),
    selected_date: z.string().nullish(),
    selected_time: z.string().nullish(),
    selected_date_time: z.number().nullish(),
    selected_user: z.string().nullish(),
  })
  .loose();
const stateValues = z.record(z.string(), z.record(z.string(), stateEntry));

export type ViewValues = z.output<typeof stateValues>;
export type ValueProblem = { kind: 'control_characters' } | { kind: 'too_long'; max: number; length: number };
export type ReadViewValues = { values: ViewValues; problems: Record<string, ValueProblem> };

/** A value's problem, if the bot refuses it: control characters, or longer than `max`. */
export function problemOf(value: string, max: number): ValueProblem | null {
  if (!isPlainText(value)) return { kind: 'control_characters' };
  const length = [...value].length;
  return length > max ? { kind: 'too_long', max, length } : null;
}

function stringsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, found);
  return found;
}

/**
 * view.state.values, or null when it is not the shape Slack sends. Every string in it
 * (typed text, chosen option values, dates) is checked, and a refused one is reported
 * on its block, so the modal can show the error next to the field.
 */
export function readViewValues(raw: unknown): ReadViewValues | null {
  const values = readCarried(stateValues, raw ?? {});
  if (!values) return null;
  const problems: Record<string, ValueProblem> = {};
  for (const [blockId, block] of Object.entries(values)) {
    for (const text of stringsIn(block)) {
      const problem = problemOf(text, slackValueMax);
      if (problem) problems[blockId] ??= problem;
    }
  }
  return { values, problems };
}

function entryOf(values: ViewValues, blockId: string, actionId?: string) {
  const block = Object.hasOwn(values, blockId) ? values[blockId] : undefined;
  if (!block) return undefined;
  if (actionId === undefined) return Object.values(block)[0];
  return Object.hasOwn(block, actionId) ? block[actionId] : undefined;
}

/** A text input's value, or null when empty or absent (the action id defaults to the block's only one). */
export const textOf = (values: ViewValues, blockId: string, actionId?: string): string | null => entryOf(values, blockId, actionId)?.value ?? null;

/** The trimmed text of an input, '' when empty or absent. */
export const trimmedTextOf = (values: ViewValues, blockId: string, actionId?: string): string => (textOf(values, blockId, actionId) ?? '').trim();

export const choiceOf = (values: ViewValues, blockId: string, actionId?: string): string | null =>
  entryOf(values, blockId, actionId)?.selected_option?.value ?? null;

export const choicesOf = (values: ViewValues, blockId: string, actionId?: string): string[] =>
  entryOf(values, blockId, actionId)?.selected_options?.map((o) => o.value) ?? [];

/** The person picked in a users_select; null when none (or not a Slack user id). */
export const userOf = (values: ViewValues, blockId: string, actionId?: string): string | null => {
  const user = entryOf(values, blockId, actionId)?.selected_user ?? null;
  return user !== null && /^[UW][A-Z0-9]{2,}$/.test(user) ? user : null;
};

/**
 * A select's or radio group's choice read against the options the form offers. A value it
 * does not offer (an option since removed, a form opened before a deploy) is `unavailable`:
 * the field was filled, so the answer is "choose again", not "please fill this in".
 */
export type Chosen<T> = { value: T } | { problem: 'missing' | 'unavailable' };

export function chosenOf<const T extends string>(values: ViewValues, blockId: string, actionId: string | undefined, offered: readonly T[]): Chosen<T> {
  const value = choiceOf(values, blockId, actionId);
  if (!value) return { problem: 'missing' };
  return (offered as readonly string[]).includes(value) ? { value: value as T } : { problem: 'unavailable' };
}

/** Checkboxes (or a multi-select) read the same way: every chosen value must be offered. */
export function chosenManyOf<const T extends string>(values: ViewValues, blockId: string, actionId: string | undefined, offered: readonly T[]): { values: T[] } | { problem: 'unavailable' } {
  const chosen = choicesOf(values, blockId, actionId);
  return chosen.every((value) => (offered as readonly string[]).includes(value)) ? { values: chosen as T[] } : { problem: 'unavailable' };
}

export const dateOf = (values: ViewValues, blockId: string, actionId?: string): string | null => entryOf(values, blockId, actionId)?.selected_date ?? null;

export function dateTimeOf(values: ViewValues, blockId: string, actionId?: string): Date | null {
  const seconds = entryOf(values, blockId, actionId)?.selected_date_time;
  return typeof seconds === 'number' ? new Date(seconds * 1000) : null;
}

// ── option loads (external selects) ──
const optionQueryMax = 100;

/** What was typed into an external select, trimmed; null when it cannot be a search (the list is then empty). */
export function readOptionQuery(raw: unknown): string | null {
  const query = readCarried(z.string(), raw ?? '');
  return query !== null && problemOf(query, optionQueryMax) === null ? query.trim() : null;
}

// ── slash commands ──
/** Longer than any field a command fills (a visit summary is at most 3,000 characters). */
export const commandTextMax = 4000;

export type CommandWords = {
  /** The whole text, trimmed. */
  text: string;
  /** The first word, lower-cased ('' when there is none). */
  name: string;
  /** The first word as typed. */
  word: string;
  /** The words after the first. */
  rest: string[];
};

export function readCommandText(raw: unknown): { words: CommandWords } | { problem: ValueProblem } {
  // Slack sends command text with &, < and > as entities: read back what was typed, once.
  const text = typedText(typeof raw === 'string' ? raw : '').trim();
  const problem = problemOf(text, commandTextMax);
  if (problem) return { problem };
  const [word = '', ...rest] = text.split(/\s+/).filter(Boolean);
  return { words: { text, name: word.toLowerCase(), word, rest } };
}

/** A table entry for a typed word: own properties only, so `constructor` or `__proto__` is just an unknown word. */
export function lookupWord<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}
