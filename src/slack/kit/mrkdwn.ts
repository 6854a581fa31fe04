// The block kit's mrkdwn, both ways across the Slack edge. Out: people's and systems' text
// is escaped on its way into a message by t() and md`…` (src/i18n/mrkdwn.ts); the bot's own
// markup — mentions built from ids, date tokens that Slack shows in each reader's own time
// zone — is made there and below. In: a slash command's text arrives escaped by Slack and
// is read back once (typedText), so what is stored is what the person typed.
import { dateToken, type Markup } from '../../i18n/mrkdwn.ts';

export { joinMrkdwn, markup, md, mention, mentions, type Fill, type Markup, type Mrkdwn, type PlainText } from '../../i18n/mrkdwn.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/**
 * A slash command's text as the person typed it. Slack sends `&`, `<` and `>` as
 * entities (should_escape in manifest.yml; its own mentions and links stay `<@U…|name>`,
 * `<https://…|label>`); one pass reads them back — `&amp;lt;` is a typed `&lt;`.
 */
export function typedText(sent: string): string {
  return sent.replace(/&(amp|lt|gt);/g, (_, name: string) => entities[name]!);
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
export function slackDate(date: Date, fallbackTimeZone: string): Markup {
  return dateToken(date, '{date_short_pretty} {time}', plainDateTime(date, fallbackTimeZone));
}
