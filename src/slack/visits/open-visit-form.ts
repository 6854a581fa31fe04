// Opens the visit form on a trigger (a slash command or a button). The trigger lives
// three seconds, so callers do only quick reads before this.
import type { WebClient } from '@slack/web-api';
import type { Locale } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import { visitFormView, type VisitFormMetadata, type VisitFormPrefill } from './visit-form.ts';

export async function openVisitForm(
  ctx: BotContext,
  client: WebClient,
  input: { triggerId: string; locale: Locale; prefill: VisitFormPrefill; metadata: VisitFormMetadata },
): Promise<void> {
  await client.views.open({ trigger_id: input.triggerId, view: visitFormView(input.locale, input.prefill, input.metadata) });
  ctx.logger.debug({ visitId: input.metadata.visitId }, 'visit form opened');
}
