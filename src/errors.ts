// Domain code throws DomainError with a code and parameters; the Slack edge turns it
// into a message in the user's language, once (see src/slack/edge/describe-failure.ts).
import type { MessageKey } from './i18n/catalog.ts';

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
