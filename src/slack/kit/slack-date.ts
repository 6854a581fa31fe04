// Slack date formatting (<!date^…>): every reader sees the time in their own time zone
// and language. The fallback after "|" (for clients that cannot render it, and for
// notifications) is written in the bot's time zone.
import { dateToken, type Markup } from '../../i18n/mrkdwn.ts';
import { plainDateTime } from './mrkdwn.ts';

const defaultFormat = '{date_short_pretty} {time}';

export function fallbackTime(at: Date, timezone: string): string {
  // One cached formatter per zone (plainDateTime): building one costs more than the rest of a line.
  return `${plainDateTime(at, timezone)} (${timezone})`;
}

/** "Nov 23rd 10:00" in the reader's zone. */
export function slackDate(at: Date, timezone: string, format: string = defaultFormat): Markup {
  return dateToken(at, format, fallbackTime(at, timezone));
}

/** "in 2 hours" / "3 minutes ago", relative to the reader's own clock. */
export function slackCountdown(at: Date, timezone: string): Markup {
  return slackDate(at, timezone, '{ago}');
}
