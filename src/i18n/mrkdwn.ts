// How text becomes Slack mrkdwn, in one place. Slack reads `&`, `<` and `>` as markup
// (`<!channel>`, `<@U…>`, `<https://…|label>`), so whatever a person or another system
// wrote is data and is escaped on its way into a message: every value filled into a
// catalog text by t(), or into md`…`, is escaped — unless it is the bot's own markup,
// a Markup (a mention built from an id, a date token, a finished piece of mrkdwn).
// The types keep the two apart: the kit's blocks take only Mrkdwn, and a Mrkdwn can
// be filled in only as markup(…), so nothing is escaped twice or not at all.
// (It lives beside the catalog, not in src/slack, because approval kinds in the
// domain word their requests with t() too.)

declare const mrkdwnBrand: unique symbol;

/** Finished mrkdwn: trusted text (the catalog, the code) with every value in it escaped or trusted. */
export type Mrkdwn = string & { readonly [mrkdwnBrand]: 'mrkdwn' };

/**
 * Any text that is not finished mrkdwn: a name, a reason, a label. Filled into mrkdwn it
 * is escaped. A Mrkdwn is refused here (it would be escaped a second time): wrap it in
 * markup(…) to put it inside another message.
 */
export type PlainText = string & { readonly [mrkdwnBrand]?: never };

const madeHere = Symbol('markup');

/** The bot's own markup, filled into a message as it is. Only the functions below make one. */
export class Markup {
  readonly #mrkdwn: string;
  constructor(key: typeof madeHere, mrkdwn: string) {
    if (key !== madeHere) throw new Error('Markup is made by markup(), mention() or dateToken()');
    this.#mrkdwn = mrkdwn;
  }
  get mrkdwn(): Mrkdwn {
    return this.#mrkdwn as Mrkdwn;
  }
  toString(): string {
    return this.#mrkdwn;
  }
}

const trusted = (mrkdwn: string) => new Markup(madeHere, mrkdwn);

/** What may be filled into mrkdwn: text (escaped), a number, or the bot's own markup. */
export type Fill = PlainText | number | Markup;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Slack's three control characters as entities: typed text cannot mention @channel, a person or fake a link. */
export function escapeMrkdwn(text: PlainText): Mrkdwn {
  return text.replace(/[&<>]/g, (c) => entities[c]!) as Mrkdwn;
}

function filled(value: Fill): string {
  if (value instanceof Markup) return value.mrkdwn;
  return typeof value === 'number' ? String(value) : escapeMrkdwn(value);
}

/** Fills `{name}` placeholders of a trusted template; the catalog's t() is built on it. */
export function fillTemplate(template: string, params: Readonly<Record<string, Fill>>): Mrkdwn {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? filled(params[name]!) : whole)) as Mrkdwn;
}

/** mrkdwn written in code: md`*${label}*\n${description}` — the literal parts are trusted, every value is filled as by t(). */
export function md(strings: TemplateStringsArray, ...values: Fill[]): Mrkdwn {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? filled(values[i]!) : ''), '') as Mrkdwn;
}

/** Finished mrkdwn, to be filled into another message as it is. */
export function markup(text: Mrkdwn): Markup {
  return trusted(text);
}

/** Lines (or items) of finished mrkdwn as one; the separator is the code's own text. */
export function joinMrkdwn(parts: readonly Mrkdwn[], separator: '\n' | ' ' | ' · ' | ', ' | '、' | ' — ' | ': '): Mrkdwn {
  return parts.join(separator) as Mrkdwn;
}

const userId = /^[UW][A-Z0-9]{2,}$/;

/** `<@U…>` for a Slack user id; anything that is not one is shown as text. */
export function mention(id: string): Markup {
  return userId.test(id) ? trusted(`<@${id}>`) : trusted(escapeMrkdwn(id));
}

const userGroupId = /^S[A-Z0-9]{2,}$/;

/** `<!subteam^S…>` for a Slack user group id (everyone in the group is notified); anything else is text. */
export function userGroupMention(id: string): Markup {
  return userGroupId.test(id) ? trusted(`<!subteam^${id}>`) : trusted(escapeMrkdwn(id));
}

/** Several people, each mentioned. */
export function mentions(ids: readonly string[], separator: ', ' | '、' | ' '): Markup {
  return trusted(ids.map((id) => mention(id).mrkdwn).join(separator));
}

/** Slack's date token: each reader sees the instant in their own zone; `fallback` (plain text) where it cannot be rendered. */
export function dateToken(at: Date, format: string, fallback: PlainText): Markup {
  const safeFormat = format.replace(/[&<>|^]/g, '');
  return trusted(`<!date^${Math.floor(at.getTime() / 1000)}^${safeFormat}|${escapeMrkdwn(fallback).replace(/\|/g, '¦')}>`);
}

/**
 * At most `limit` characters, ending in "…" when cut. A cut never splits an entity
 * (`&amp;`) or a token (`<@U…>`, `<!date^…>`): the piece it would split goes.
 */
export function truncateMrkdwn(text: Mrkdwn, limit: number): Mrkdwn {
  const chars = [...text];
  if (chars.length <= limit) return text;
  let kept = chars.slice(0, limit - 1).join('');
  const openToken = kept.lastIndexOf('<');
  if (openToken > kept.lastIndexOf('>')) kept = kept.slice(0, openToken);
  kept = kept.replace(/&(?:a|am|amp|l|lt|g|gt)?$/, '');
  return `${kept}…` as Mrkdwn;
}
