// /visit start CUSTOMER — a visit begins now (check-in); /visit end — the visit under way
// ends now (check-out), with its duration. Both answer privately.
import { endVisit, startVisit } from '../../../src/domain/visits/visit-check-in.ts';
import { requireStaff } from '../../../src/domain/directory/find-staff.ts';
import { resolveCustomer } from '../../../src/domain/visits/find-customers.ts';
import { t } from '../../../src/i18n/catalog.ts';
import { localizeTicketError } from '../../../src/slack/edge/answer-about-ticket.ts';
import { endedText, startedReply } from '../../../src/slack/visits/check-in.ts';
import { timeZoneOf } from '../../../src/slack/time-zone.ts';
import type { Subcommand } from '../../subcommand.ts';

export const visitStartCommand: Subcommand = async (ctx, { userId, args, locale }) => {
  if (args.length === 0) return { text: t(locale, 'visit.usage.start') };
  const staff = await requireStaff(ctx, userId);
  const customer = await resolveCustomer(ctx, staff, args.join(' '));
  try {
    const { checkIn } = await startVisit(ctx, { actorId: userId, customerCode: customer.code });
    return startedReply(locale, await timeZoneOf(ctx, userId), customer, checkIn);
  } catch (error) {
    throw localizeTicketError(error, locale, await timeZoneOf(ctx, userId));
  }
};

export const visitEndCommand: Subcommand = async (ctx, { userId, locale }) => {
  try {
    const { checkIn, customer, minutes } = await endVisit(ctx, { actorId: userId });
    return { text: endedText(locale, await timeZoneOf(ctx, userId), customer, checkIn, minutes) };
  } catch (error) {
    throw localizeTicketError(error, locale, await timeZoneOf(ctx, userId));
  }
};
