// /am (help, whoami, staff, report) and the Messages tab, where whatever is typed gets the help.
import type { App } from '@slack/bolt';
import type { BotContext } from '../../src/slack/bot-context.ts';
import { commands } from '../../src/slack/ids.ts';
import { amCommand } from './am-command.ts';
import { directMessageEvent } from './events/direct-message.ts';

export function registerDirectoryListeners(app: App, ctx: BotContext): void {
  app.command(commands.am, amCommand(ctx));
  app.message(directMessageEvent(ctx));
}
