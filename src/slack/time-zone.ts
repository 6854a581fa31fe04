// The time zone a person's times and "today" are in: their own in the directory, else
// their Slack profile's, else BOT_TIMEZONE.
import { isValidTimezone } from '../domain/timezone.ts';
import type { BotContext } from './bot-context.ts';

export async function timeZoneOf(ctx: BotContext, slackUserId: string): Promise<string> {
  const staff = await ctx.db.staff.findUnique({ where: { slackUserId }, select: { timezone: true } });
  if (staff?.timezone && isValidTimezone(staff.timezone)) return staff.timezone;
  const profile = await ctx.profiles.lookup(slackUserId);
  return profile.timezone && isValidTimezone(profile.timezone) ? profile.timezone : ctx.config.timezone;
}
