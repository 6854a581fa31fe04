// `/am help` answered from memory is the whole answer, given in the ack: nothing follows
// it, so it needs no delivery record (a repeated delivery gets the same answer again)
// and no listener slot. This middleware runs before the delivery record and the
// listeners, and lets everything else through — including a /am help memory cannot
// answer, which the /am listener answers after its ack.
import type { AnyMiddlewareArgs, Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { commands } from '../../src/slack/ids.ts';
import { amHelpInAck } from './command/help.ts';

export function amHelpFromMemory(ctx: BotContext): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const command = 'command' in args ? (args as SlackCommandMiddlewareArgs).command : undefined;
    const help = command?.command === commands.am ? amHelpInAck(ctx, command) : undefined;
    if (!help) return args.next();
    await (args as SlackCommandMiddlewareArgs).ack({ response_type: 'ephemeral', ...help });
  };
}
