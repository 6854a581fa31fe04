// The language to answer a user in: their own choice in the directory, else their
// Slack locale, else BOT_LOCALE.
import { pickLocale, type Locale } from '../i18n/catalog.ts';
import type { BotContext } from './bot-context.ts';

export async function localeOf(ctx: BotContext, slackUserId: string): Promise<Locale> {
  const staff = await ctx.db.staff.findUnique({ where: { slackUserId }, select: { locale: true } });
  if (staff?.locale) return pickLocale(staff.locale, ctx.config.locale);
  const profile = await ctx.profiles.lookup(slackUserId);
  return pickLocale(profile.locale, ctx.config.locale);
}
