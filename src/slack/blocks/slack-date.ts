// Slack date formatting (<!date^…>): every reader sees the time in their own time zone
// and language. The fallback after "|" (for clients that cannot render it, and for
// notifications) is written in the bot's time zone.
import { dateToken, type Markup } from '../../i18n/mrkdwn.ts';

const defaultFormat = '{date_short_pretty} {time}';

export function fallbackTime(at: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} (${timezone})`;
}

/** "Nov 23rd 10:00" in the reader's zone. */
export function slackDate(at: Date, timezone: string, format: string = defaultFormat): Markup {
  return dateToken(at, format, fallbackTime(at, timezone));
}

/** "in 2 hours" / "3 minutes ago", relative to the reader's own clock. */
export function slackCountdown(at: Date, timezone: string): Markup {
  return slackDate(at, timezone, '{ago}');
}
