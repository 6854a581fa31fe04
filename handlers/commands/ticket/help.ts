import { ticketHelpReply } from '../../../src/slack/blocks/ticket-replies.ts';
import type { Subcommand } from '../am/subcommand.ts';

export const ticketHelp: Subcommand = async (ctx, { locale }) => ticketHelpReply(locale, ctx.config.tickets);
