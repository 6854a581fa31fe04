// Reading ticket modals back: view.state.values and private_metadata, parsed with zod.
import type { SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { t } from '../../src/i18n/catalog.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { localeBeforeAck } from '../../src/slack/locale.ts';

export const selectedOption = z.object({ selected_option: z.object({ value: z.string() }).nullish() });
export const selectedOptions = z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() });
export const textValue = z.object({ value: z.string().nullish() });

/** The trimmed text of an input, or '' when left empty. */
export const trimmed = (entry: { value?: string | null }) => (entry.value ?? '').trim();

export const ticketMetadata = z
  .string()
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'private_metadata is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.object({ ticketId: z.uuid() }));

/** What a ticket modal needs to be told when its submission is unreadable. */
type ModalAnswer = {
  ctx: BotContext;
  ack: SlackViewMiddlewareArgs['ack'];
  userId: string;
  /** The input block the error is shown under. */
  blockId: string;
};

/**
 * Parses a ticket modal's values (and, when asked, its ticket id). An old or forged
 * submission gets a clear error in the modal and null, instead of an unacknowledged
 * throw that Slack would show as a generic failure.
 */
export async function readTicketModal<S extends z.ZodType>(
  answer: ModalAnswer,
  view: { private_metadata?: string; state: { values: unknown } },
  state: S,
  withTicket: boolean,
): Promise<{ ticketId: string; values: z.infer<S> } | null> {
  const values = state.safeParse(view.state.values);
  const metadata = withTicket ? ticketMetadata.safeParse(view.private_metadata) : null;
  if (values.success && (!metadata || metadata.success)) return { ticketId: metadata?.data.ticketId ?? '', values: values.data };
  answer.ctx.logger.warn({ userId: answer.userId }, 'unreadable ticket modal submission');
  const locale = await localeBeforeAck(answer.ctx, answer.userId).catch(() => answer.ctx.config.locale);
  await answer.ack({ response_action: 'errors', errors: { [answer.blockId]: t(locale, 'error.outdated_form') } });
  return null;
}
