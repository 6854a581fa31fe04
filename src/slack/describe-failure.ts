// Turns a thrown error into the one sentence the user sees. Domain refusals become
// their catalog text; anything unexpected is logged and answered with a courteous
// "nothing was changed" — never a stack trace in Slack.
import { DomainError } from '../errors.ts';
import { t, type Locale, type MessageKey } from '../i18n/catalog.ts';
import { listAdminIds } from '../domain/directory/find-staff.ts';
import { truncate } from './blocks/text.ts';
import type { BotContext } from './bot-context.ts';

export async function describeFailure(ctx: BotContext, locale: Locale, error: unknown): Promise<string> {
  const admins = await adminMentions(ctx, locale);
  if (error instanceof DomainError) {
    return t(locale, `error.${error.code}` as MessageKey, { ...echoed(error.params), admins });
  }
  ctx.logger.error({ err: error }, 'listener failed');
  return t(locale, 'error.internal', { admins });
}

// Refusals often repeat what was typed (`There is no ticket {ref}`); a paragraph pasted
// into a command is cut short rather than filling the whole answer.
const echoedMax = 200;
function echoed(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? truncate(value, echoedMax) : value]));
}

async function adminMentions(ctx: BotContext, locale: Locale): Promise<string> {
  const ids = await listAdminIds(ctx).catch(() => ctx.config.adminSlackIds);
  return ids.length > 0 ? ids.map((id) => `<@${id}>`).join(locale === 'en' ? ', ' : '、') : t(locale, 'common.your_admin');
}
