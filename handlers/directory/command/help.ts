import type { SlashCommand } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import { listAdminIds } from '../../../src/domain/directory/find-staff.ts';
import type { Locale } from '../../../src/i18n/catalog.ts';
import type { Reply } from '../../../src/slack/edge/answer-privately.ts';
import type { BotContext } from '../../../src/slack/bot-context.ts';
import { helpMessage } from '../../../src/slack/directory/help.ts';
import { readCommandText } from '../../../src/slack/edge/slack-values.ts';
import { mentions } from '../../../src/slack/kit/mrkdwn.ts';
import { localeInMemory } from '../../../src/slack/locale.ts';
import type { Subcommand } from '../../subcommand.ts';

// The same few answers again and again (one per language and set of admins): built once.
const built = new LRUCache<string, Reply>({ max: 16 });
function amHelpReply(locale: Locale, adminIds: readonly string[]): Reply {
  const key = `${locale} ${adminIds.join(' ')}`;
  let reply = built.get(key);
  if (!reply) built.set(key, (reply = helpMessage(locale, adminIds.length > 0 ? mentions([...adminIds], ', ') : '—')));
  return reply;
}

// Help is open to everyone, registered or not: it is how people find out whom to ask.
export const amHelp: Subcommand = async (ctx, { locale }) => amHelpReply(locale, await listAdminIds(ctx));

/**
 * `/am` and `/am help`, the front door, answered inside the ack: from the directory in
 * memory and the profile cache, with no query and no Slack call. Undefined when memory
 * cannot tell the person's language (or the text is anything else): then the answer
 * follows the ack, as for every other subcommand.
 */
export function amHelpInAck(ctx: BotContext, command: Pick<SlashCommand, 'text' | 'user_id'>): Reply | undefined {
  const read = readCommandText(command.text);
  if (!('words' in read) || (read.words.name !== '' && read.words.name !== 'help')) return undefined;
  const staff = ctx.staff.snapshot();
  const locale = staff && localeInMemory(ctx, staff, command.user_id);
  return staff && locale ? amHelpReply(locale, staff.adminIds) : undefined;
}
