// The courteous answers at the edge, one per kind of payload, for a value the bot cannot
// read (slack-values.ts) or text it refuses: a clicked button hears privately that it is
// out of date (on the Home tab, at the top of the Home); a submitted modal is replaced by
// an "out of date" notice, or shows the refused text as an error on its block; an option
// load gets an empty list; a slash command gets a private sentence. Never the generic
// failure, and nothing is changed.
import type { RespondFn, ViewResponseAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { z } from 'zod';
import { t, tPlain, type Locale, type MessageKey } from '../../i18n/catalog.ts';
import { section, truncate } from '../kit/text.ts';
import type { BotContext } from '../bot-context.ts';
import { tellClicker, type Clicker } from './tell-clicker.ts';
import { localeBeforeAck, localeOf } from '../locale.ts';
import { readCarried, readCommandText, readViewValues, type CommandWords, type ValueProblem, type ViewValues } from './slack-values.ts';

// Before an ack: a profile in the cache, however old, answers at once; only someone never
// seen waits for users.info, and at most SLACK_PROFILE_WAIT_MS (well inside the 3 s).
const localeFor = (ctx: BotContext, userId: string) =>
  (ctx.profiles.peek(userId) ? localeBeforeAck(ctx, userId) : localeOf(ctx, userId)).catch(() => ctx.config.locale);

/** The value of a clicked button, or null after telling the clicker the button is out of date. */
export async function readButtonValue<S extends z.ZodType>(
  ctx: BotContext,
  schema: S,
  action: { action_id: string; value?: string },
  clicker: Clicker,
): Promise<z.output<S> | null> {
  const value = readCarried(schema, action.value);
  if (value !== null) return value;
  ctx.logger.warn({ actionId: action.action_id, userId: clicker.userId }, 'button with a value the bot did not write');
  await tellClicker(ctx, clicker, t(await localeFor(ctx, clicker.userId), 'error.outdated_button'));
  return null;
}

/** What replaces a modal whose submission the bot cannot read. */
export function outdatedFormView(locale: Locale): ModalView {
  const plain = (text: string) => ({ type: 'plain_text' as const, text: truncate(text, 24) });
  return { type: 'modal', title: plain(t(locale, 'common.outdated_title')), close: plain(t(locale, 'common.close')), blocks: [section(t(locale, 'error.outdated_form'))] };
}

export function fieldProblemText(locale: Locale, problem: ValueProblem): string {
  return problem.kind === 'control_characters' ? t(locale, 'error.field_control_characters') : t(locale, 'error.field_too_long', { max: problem.max });
}

/** The error under a choice that is missing (the form's own "please fill this in") or no longer offered. */
export function choiceProblemText(locale: Locale, problem: 'missing' | 'unavailable', missing: MessageKey): string {
  return tPlain(locale, problem === 'unavailable' ? 'error.field_choice_unavailable' : missing);
}

export type Submission<M> = { ok: true; locale: Locale; values: ViewValues; metadata: M };
export type RefusedSubmission = { ok: false; response: ViewResponseAction };

/**
 * A submitted modal: its values and (when a schema is given) its private_metadata. An
 * unreadable one comes back as the response that replaces the modal with the
 * out-of-date notice; refused text as field errors on the blocks that hold it.
 */
export async function readSubmission<S extends z.ZodType = z.ZodUndefined>(
  ctx: BotContext,
  input: { userId: string; view: { callback_id?: string; private_metadata?: string; state?: { values?: unknown } }; metadata?: S },
): Promise<Submission<z.output<S>> | RefusedSubmission> {
  const locale = await localeFor(ctx, input.userId);
  const read = readViewValues(input.view.state?.values);
  const metadata = input.metadata ? readCarried(input.metadata, input.view.private_metadata) : undefined;
  if (!read || metadata === null) {
    ctx.logger.warn({ callbackId: input.view.callback_id, userId: input.userId }, 'modal submission the bot cannot read');
    return { ok: false, response: { response_action: 'update', view: outdatedFormView(locale) } };
  }
  const blocks = Object.entries(read.problems);
  if (blocks.length > 0) {
    ctx.logger.info({ callbackId: input.view.callback_id, userId: input.userId, blocks: blocks.map(([id]) => id) }, 'modal text refused');
    return { ok: false, response: { response_action: 'errors', errors: Object.fromEntries(blocks.map(([id, problem]) => [id, fieldProblemText(locale, problem)])) } };
  }
  return { ok: true, locale, values: read.values, metadata: metadata as z.output<S> };
}

/** The answer to an option load that cannot be a search. */
export const noOptions = { options: [] };

/** A slash command's words, or null after telling the user privately why its text was refused. */
export async function readCommand(ctx: BotContext, command: { text: string; user_id: string; command: string }, respond: RespondFn): Promise<CommandWords | null> {
  const read = readCommandText(command.text);
  if ('words' in read) return read.words;
  const { problem } = read;
  ctx.logger.info({ command: command.command, userId: command.user_id, problem: problem.kind }, 'command text refused');
  const locale = await localeFor(ctx, command.user_id);
  const text = problem.kind === 'control_characters' ? t(locale, 'error.control_characters') : t(locale, 'error.command_too_long', { max: problem.max, length: problem.length });
  await respond({ response_type: 'ephemeral', text });
  return null;
}
