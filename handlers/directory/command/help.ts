import { listAdminIds } from '../../../src/domain/directory/find-staff.ts';
import { helpMessage } from '../../../src/slack/directory/help.ts';
import { mentions } from '../../../src/slack/kit/mrkdwn.ts';
import type { Subcommand } from '../../subcommand.ts';

// Help is open to everyone, registered or not: it is how people find out whom to ask.
export const amHelp: Subcommand = async (ctx, { locale }) => {
  const admins = await listAdminIds(ctx);
  return helpMessage(locale, admins.length > 0 ? mentions(admins, ', ') : '—');
};
