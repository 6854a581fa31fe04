// What text typed by people and sent by systems may hold: anything printable, newlines
// (\n or \r\n) and tabs — but no NUL or other control characters (Postgres refuses NUL
// outright, the others are invisible and break messages and CSVs) and no half of a
// surrogate pair (it cannot be written as UTF-8). One rule for every domain input
// schema, the HTTP API, the CSV import and every value the Slack edge reads back.
import { z } from 'zod';

// C0 controls except tab and line feed, DEL, C1 controls, and a carriage return that
// does not start a \r\n.
const controlCharacter = /[\u0000-\u0008\u000B-\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isPlainText(value: string): boolean {
  return !controlCharacter.test(value) && !loneSurrogate.test(value);
}

/** The message of the issue the rule raises; `isPlainTextIssue` recognises it. */
export const plainTextMessage = 'must not contain NUL or other control characters (newlines and tabs are fine)';

/** The shared refinement: `z.string().check(plainText)`. */
export const plainText = z.refine<string>(isPlainText, { message: plainTextMessage });

export const isPlainTextIssue = (issue: { message: string }) => issue.message === plainTextMessage;
