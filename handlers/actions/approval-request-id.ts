// Approval buttons and the Reject modal carry the request id as a decimal string.
import { z } from 'zod';
import { t } from '../../src/i18n/catalog.ts';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { tellClicker, type Clicker } from '../../src/slack/home/tell-clicker.ts';
import { localeOf } from '../../src/slack/locale.ts';

export const requestIdSchema = z.string().regex(/^\d{1,18}$/).transform((id) => BigInt(id));

/** The request id on a clicked approval button, or null after telling the clicker the button is out of date. */
export async function requestIdOfButton(ctx: BotContext, value: string | undefined, clicker: Clicker): Promise<bigint | null> {
  const parsed = requestIdSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  ctx.logger.warn({ value }, 'approval button with an unreadable request id');
  const locale = await localeOf(ctx, clicker.userId).catch(() => ctx.config.locale);
  await tellClicker(ctx, clicker, t(locale, 'error.outdated_button'));
  return null;
}
