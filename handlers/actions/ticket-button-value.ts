// Ticket buttons carry the ticket's id; anything else did not come from our message.
import { z } from 'zod';
import type { BotContext } from '../../src/slack/bot-context.ts';

const ticketId = z.uuid();

export function ticketButtonValue(ctx: BotContext, action: { value?: string; action_id: string }): string | null {
  const parsed = ticketId.safeParse(action.value);
  if (!parsed.success) ctx.logger.warn({ actionId: action.action_id }, 'ticket button without a ticket id');
  return parsed.success ? parsed.data : null;
}
