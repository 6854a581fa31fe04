// Opens the /retain modal. The trigger id lives 3 seconds, so only the staff lookup
// (for the authority line) comes before views.open.
import type { WebClient } from '@slack/web-api';
import { requireStaff } from '../../../src/domain/directory/find-staff.ts';
import { offerAuthority } from '../../../src/domain/retention/retention-policy.ts';
import type { Locale } from '../../../src/i18n/catalog.ts';
import type { RetentionTrigger } from '../../../src/generated/prisma/enums.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { retentionCaseModal } from '../../../src/slack/retention/retention-case.ts';

export async function openRetentionForm(
  ctx: BotContext,
  input: { client: WebClient; triggerId: string; userId: string; locale: Locale; customerCode?: string; trigger?: RetentionTrigger },
): Promise<void> {
  const staff = await requireStaff(ctx, input.userId);
  const customer = input.customerCode
    ? await ctx.db.customer.findUnique({ where: { code: input.customerCode }, select: { code: true, name: true } })
    : null;
  await input.client.views.open({
    trigger_id: input.triggerId,
    view: retentionCaseModal(input.locale, {
      offers: ctx.config.retention.offers,
      authority: offerAuthority(staff, ctx.config.retention.authorityByGrade),
      customer: customer ?? undefined,
      trigger: input.trigger,
    }),
  });
}
