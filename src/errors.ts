// Domain code throws DomainError with a code and parameters; the Slack edge turns it
// into a message in the user's language, once (see src/slack/edge/describe-failure.ts).
import type { MessageKey } from './i18n/catalog.ts';

/** One field of a submitted form that cannot be stored as it is: the catalog text of its error. */
export type FieldIssue<Field extends string = string> = { field: Field; message: MessageKey; params?: Record<string, string | number> };

/**
 * Thrown when a form (or a command standing for one) cannot be stored as submitted;
 * nothing has been written. The edge shows each issue on its field, or the first one as
 * the answer where there are no fields (a slash command).
 */
export class FormRejected<Field extends string = string> extends Error {
  constructor(readonly issues: FieldIssue<Field>[]) {
    super(`form rejected: ${issues.map((i) => `${i.field} ${i.message}`).join(', ')}`);
    this.name = 'FormRejected';
  }
}

type CodeOf<Key> = Key extends `error.${infer Code}` ? Code : never;
export type ErrorCode = CodeOf<MessageKey>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
  }
}
