// The language to answer a user in: their own choice in the directory, else their
// Slack locale, else BOT_LOCALE. What goes into an ack (a modal's errors or next view)
// uses localeBeforeAck, which never waits for Slack.
import { pickLocale, type Locale } from '../i18n/catalog.ts';
import type { BotContext } from './bot-context.ts';
import type { StaffSnapshot } from './directory/staff-in-memory.ts';

export async function localeOf(ctx: BotContext, slackUserId: string): Promise<Locale> {
  const chosen = await chosenLocale(ctx, slackUserId);
  if (chosen) return pickLocale(chosen, ctx.config.locale);
  const profile = await ctx.profiles.lookup(slackUserId);
  return pickLocale(profile.locale, ctx.config.locale);
}

/** As localeOf, but from the profile cache only: an ack must not wait for users.info. */
export async function localeBeforeAck(ctx: BotContext, slackUserId: string): Promise<Locale> {
  const chosen = await chosenLocale(ctx, slackUserId);
  if (chosen) return pickLocale(chosen, ctx.config.locale);
  return pickLocale(ctx.profiles.peek(slackUserId)?.locale, ctx.config.locale);
}

/**
 * The language the person chose in the directory: from the copy in memory when it knows
 * them (every answer asks, so this saves a query per answer), from the database for
 * someone it has not seen yet (registered by another process since its last read).
 */
async function chosenLocale(ctx: BotContext, slackUserId: string): Promise<string | null> {
  const remembered = ctx.staff.snapshot()?.localeOf(slackUserId);
  if (remembered !== undefined) return remembered;
  const staff = await ctx.db.staff.findUnique({ where: { slackUserId }, select: { locale: true } });
  return staff?.locale ?? null;
}

/** As localeOf, from memory only (no query, no Slack call); undefined when memory cannot tell. */
export function localeInMemory(ctx: Pick<BotContext, 'profiles' | 'config'>, staff: StaffSnapshot, slackUserId: string): Locale | undefined {
  const chosen = staff.localeOf(slackUserId);
  if (chosen) return pickLocale(chosen, ctx.config.locale);
  const profile = ctx.profiles.peek(slackUserId);
  return profile ? pickLocale(profile.locale, ctx.config.locale) : undefined;
}
