import { describeStaffMember } from '../../../src/domain/directory/describe-staff-member.ts';
import { whoamiMessage } from '../../../src/slack/directory/whoami.ts';
import type { Subcommand } from '../../subcommand.ts';

export const amWhoami: Subcommand = async (ctx, { userId, locale }) =>
  whoamiMessage(locale, await describeStaffMember(ctx, userId));
