import { ticketHelpReply } from '../../../src/slack/tickets/ticket-replies.ts';
import type { Subcommand } from '../../subcommand.ts';

export const ticketHelp: Subcommand = async (ctx, { locale }) => ticketHelpReply(locale, ctx.config.tickets);
