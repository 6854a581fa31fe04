import { t, tPlain, type Locale } from '../../i18n/catalog.ts';
import { joinMrkdwn, type Markup } from '../../i18n/mrkdwn.ts';
import type { Reply } from '../edge/answer-privately.ts';
import { context, divider, header, section } from '../kit/text.ts';

const commandSections = ['help.am', 'help.ticket', 'help.visit', 'help.xregion', 'help.retain', 'help.plan'] as const;

export function helpMessage(locale: Locale, admins: Markup | string): Reply {
  return {
    text: joinMrkdwn([t(locale, 'help.title'), t(locale, 'help.intro')], ': '),
    blocks: [
      header(tPlain(locale, 'help.title')),
      section(t(locale, 'help.intro')),
      divider(),
      ...commandSections.map((key) => section(t(locale, key))),
      context(t(locale, 'help.footer', { admins })),
    ],
  };
}
