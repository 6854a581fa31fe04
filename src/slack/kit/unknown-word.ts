// A word a command does not know is answered with that command's help, opened by one
// sentence naming the word (cut short, and without backticks that would end the code span).
import { t, type Locale } from '../../i18n/catalog.ts';
import { joinMrkdwn } from '../../i18n/mrkdwn.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { section, truncate } from './text.ts';

export function helpForUnknownWord(locale: Locale, input: { command: string; word: string; help: Reply }): Reply {
  const sub = truncate(input.word.replace(/`/g, "'"), 40);
  const notice = t(locale, 'common.unknown_subcommand_help', { command: input.command, sub });
  return {
    text: joinMrkdwn([notice, input.help.text], '\n'),
    blocks: [section(notice), ...(input.help.blocks ?? [section(input.help.text)])],
  };
}
