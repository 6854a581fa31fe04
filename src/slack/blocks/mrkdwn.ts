// mrkdwn pieces shared by messages: people's free text made safe, and dates that
// Slack shows in each reader's own time zone (with a fallback in the bot's zone).

/** Slack's three control characters, so typed text cannot mention @channel or fake links. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const fallbackFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-23 10:05" in `timeZone`: what clients that cannot render date tokens show. */
export function plainDateTime(date: Date, timeZone: string): string {
  let format = fallbackFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    fallbackFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A date token: each reader sees the instant in their own time zone and language. */
export function slackDate(date: Date, fallbackTimeZone: string): string {
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty} {time}|${plainDateTime(date, fallbackTimeZone)}>`;
}
