// Fault tickets on the Home: an engineer's claimed tickets and the open unclaimed ones of
// their region (soonest deadline first, so the countdowns read top-down), an account
// manager's customers' open tickets, and a region's breaches (still not restored past the
// restore deadline) for supervisors.
import type { Prisma } from '../../db/client.ts';
import type { Deps } from '../deps.ts';
import { ticketInclude } from '../tickets/find-ticket.ts';
import { activeStatuses } from '../tickets/ticket-rules.ts';
import { pageFromDb, type PageRequest } from './home-page.ts';

async function ticketPage(deps: Pick<Deps, 'db'>, where: Prisma.TicketWhereInput, page: PageRequest) {
  return pageFromDb(
    page,
    () => deps.db.ticket.count({ where }),
    (skip, take) => deps.db.ticket.findMany({ where, orderBy: [{ restoreDeadline: 'asc' }, { number: 'asc' }], include: ticketInclude, skip, take }),
  );
}

export type HomeTicket = Awaited<ReturnType<typeof ticketPage>>['items'][number];

export const claimedTickets = (deps: Pick<Deps, 'db'>, input: { engineerId: string; page: PageRequest }) =>
  ticketPage(deps, { claimerId: input.engineerId, status: { in: ['claimed', 'on_site'] } }, input.page);

export const unclaimedTickets = (deps: Pick<Deps, 'db'>, input: { regionCode: string; page: PageRequest }) =>
  ticketPage(deps, { regionCode: input.regionCode, status: 'open' }, input.page);

export const customersTickets = (deps: Pick<Deps, 'db'>, input: { managerId: string; page: PageRequest }) =>
  ticketPage(deps, { status: { in: [...activeStatuses] }, customer: { accountManagerId: input.managerId } }, input.page);

export const regionBreaches = (deps: Deps, input: { regionCode: string; page: PageRequest }) =>
  ticketPage(deps, { regionCode: input.regionCode, status: { in: [...activeStatuses] }, restoreDeadline: { lt: deps.clock.now() } }, input.page);
