// Where text that people typed can turn into live Slack markup: every string the bot
// sent that Slack reads as mrkdwn (a message's text, mrkdwn text objects in blocks and
// views, a file's initial comment), taken from every recorded Web API call and every
// answer the bot gave in an HTTP response (acks with a view or errors). plain_text is
// collected apart: Slack shows it as typed, so there it must be raw, never escaped.
import type { RecordedCall } from '../../src/sandbox/slack-stand-in/server.ts';

export type Shown = { kind: 'mrkdwn' | 'plain'; text: string; where: string };

/** What would be live in mrkdwn: a channel-wide ping, this person's mention, a link. */
export const liveMarkup = /<(?:!channel|!here|!everyone|@U0DEMOSUP1|https?:\/\/)/;

/** Text escaped twice (`&lt;` shown as "&lt;"); a typed "&lt;!channel&gt;" escaped once is the one legitimate `&amp;lt;`. */
export function escapedTwice(text: string): boolean {
  return /&amp;(?:amp|lt|gt);/.test(text.replaceAll('&amp;lt;!channel&amp;gt;', ''));
}

/** In plain_text these can only come from escaping what Slack shows as typed. */
export const escapedInPlain = /&amp;|&lt;(?:!here|!everyone|@U0DEMOSUP1|https?:)/;

const messageMethods = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'chat.scheduleMessage', 'response_url']);

function walk(value: unknown, where: string, out: Shown[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${where}[${i}]`, out));
    return;
  }
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return;
  const node = value as Record<string, unknown>;
  if (typeof node.text === 'string' && (node.type === 'mrkdwn' || node.type === 'plain_text')) {
    out.push({ kind: node.type === 'mrkdwn' ? 'mrkdwn' : 'plain', text: node.text, where: `${where}.text` });
  }
  if (typeof node.initial_value === 'string') out.push({ kind: 'plain', text: node.initial_value, where: `${where}.initial_value` });
  for (const [key, child] of Object.entries(node)) if (typeof child === 'object') walk(child, `${where}.${key}`, out);
}

/** Every shown string of one Web API call (or response_url post). */
export function shownInCall(call: Pick<RecordedCall, 'method' | 'args'>): Shown[] {
  const out: Shown[] = [];
  const { args } = call;
  if (messageMethods.has(call.method) && typeof args.text === 'string' && args.mrkdwn !== false) {
    out.push({ kind: 'mrkdwn', text: args.text, where: `${call.method}.text` });
  }
  if (typeof args.initial_comment === 'string') out.push({ kind: 'mrkdwn', text: args.initial_comment, where: `${call.method}.initial_comment` });
  walk(args, call.method, out);
  return out;
}

/** Every shown string of an HTTP answer to Slack (an ack with a view, errors, options or text). */
export function shownInResponse(json: unknown, where: string): Shown[] {
  if (!json || typeof json !== 'object') return [];
  const out: Shown[] = [];
  const body = json as Record<string, unknown>;
  if (typeof body.text === 'string') out.push({ kind: 'mrkdwn', text: body.text, where: `${where}.text` });
  if (body.errors && typeof body.errors === 'object') {
    for (const [block, message] of Object.entries(body.errors)) if (typeof message === 'string') out.push({ kind: 'plain', text: message, where: `${where}.errors.${block}` });
  }
  walk(body, where, out);
  return out;
}

/** Each way typed text can go wrong in what was shown, with where: live markup, double escaping, escaped plain text. */
export function markupProblems(shown: Shown[]): string[] {
  return shown.flatMap((s) => {
    if (s.kind === 'mrkdwn' && liveMarkup.test(s.text)) return [`live markup at ${s.where}: ${s.text}`];
    if (s.kind === 'mrkdwn' && escapedTwice(s.text)) return [`escaped twice at ${s.where}: ${s.text}`];
    if (s.kind === 'plain' && escapedInPlain.test(s.text)) return [`escaped plain text at ${s.where}: ${s.text}`];
    return [];
  });
}
