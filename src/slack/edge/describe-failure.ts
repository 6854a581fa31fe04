// Turns a thrown error into the one sentence the user sees. Domain refusals become
// their catalog text; anything unexpected is logged and answered with a courteous
// "nothing was changed" — never a stack trace in Slack.
import { DomainError, FormRejected } from '../../errors.ts';
import { t, tPlain, type Locale, type MessageKey, type Mrkdwn } from '../../i18n/catalog.ts';
import { mentions, type Fill, type Markup } from '../../i18n/mrkdwn.ts';
import { listAdminIds } from '../../domain/directory/find-staff.ts';
import { truncate } from '../kit/text.ts';
import type { BotContext } from '../bot-context.ts';

export async function describeFailure(ctx: BotContext, locale: Locale, error: unknown): Promise<Mrkdwn> {
  const admins = await adminMentions(ctx, locale);
  if (error instanceof DomainError || error instanceof WordedFailure) {
    return t(locale, `error.${error.code}` as MessageKey, { ...echoed(error.params), admins });
  }
  // A form's refusal where there are no fields to show it on (a slash command): its first issue.
  const first = error instanceof FormRejected ? error.issues[0] : undefined;
  if (first) return t(locale, first.message, { ...echoed(first.params ?? {}), admins });
  ctx.logger.error({ err: error }, 'listener failed');
  return t(locale, 'error.internal', { admins });
}

// Refusals often repeat what was typed (`There is no ticket {ref}`); a paragraph pasted
// into a command is cut short rather than filling the whole answer.
const echoedMax = 200;
function echoed(params: Readonly<Record<string, Fill>>): Record<string, Fill> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? truncate(value, echoedMax) : value]));
}

async function adminMentions(ctx: BotContext, locale: Locale): Promise<Markup | string> {
  // Whom to ask may be a refresh old (the directory in memory): every refusal names them.
  const ids = ctx.staff.snapshot()?.adminIds ?? (await listAdminIds(ctx).catch(() => ctx.config.adminSlackIds));
  return ids.length > 0 ? mentions(ids, locale === 'en' ? ', ' : '、') : tPlain(locale, 'common.your_admin');
}

/**
 * A domain refusal whose values were put into Slack's words by the Slack layer (an
 * instant as a date token, a state in the reader's language): worded like the
 * DomainError it stands for, with those values kept as markup.
 */
export class WordedFailure extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, Fill>,
  ) {
    super(code);
  }
}
