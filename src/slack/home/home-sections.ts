// What each role sees on its Home, section by section. A section loads one page of its
// items from the domain and renders them; the Home adds title, count and paging. New
// kinds of work are new entries in `homeSections`, in the order they should appear.
import { isLiveTracked } from '../../domain/tickets/live-tracking.ts';
import type { AnyBlock } from '@slack/types';
import type { StaffMember } from '../../domain/directory/find-staff.ts';
import { recentDeliveryFailures } from '../../domain/home/admin-home.ts';
import type { PageRequest } from '../../domain/home/home-page.ts';
import { consideringCases, followUpsDue, openRequestsOf } from '../../domain/home/manager-home.ts';
import { pendingApprovals, regionOverdue } from '../../domain/home/supervisor-home.ts';
import { claimedTickets, customersTickets, regionBreaches, unclaimedTickets } from '../../domain/home/ticket-home.ts';
import type { LocalDate } from '../../domain/local-time.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { BotContext } from '../bot-context.ts';
import type { HomeSectionKey } from './home-state.ts';
import {
  approvalBlocks,
  consideringBlock,
  deliveryFailureBlock,
  followUpBlock,
  openRequestBlock,
  overdueBlock,
  type Reader,
} from './home-items.ts';
import { ticketBlock } from './ticket-items.ts';

export type Viewer = Reader & { staff: StaffMember; today: LocalDate };
export type LoadedSection = { total: number; page: number; pages: number; blocks: AnyBlock[] };

export type HomeSection = {
  key: HomeSectionKey;
  title: MessageKey;
  shows(staff: StaffMember): boolean;
  load(ctx: BotContext, viewer: Viewer, page: PageRequest): Promise<LoadedSection>;
};

const isManager = (staff: StaffMember) => staff.role === 'account_manager';
const isSupervisor = (staff: StaffMember) => staff.role === 'supervisor';
const isAdmin = (staff: StaffMember) => staff.role === 'admin';
const isEngineer = (staff: StaffMember) => staff.role === 'field_engineer';
const now = (ctx: BotContext) => ctx.clock.now();

/** Renders each item under its own block id: `home.<section>.<n>`. */
function rendered<T>(key: HomeSectionKey, page: { items: T[]; total: number; page: number; pages: number }, render: (item: T, blockId: string) => AnyBlock | AnyBlock[]): LoadedSection {
  return { total: page.total, page: page.page, pages: page.pages, blocks: page.items.flatMap((item, i) => render(item, `home.${key}.${i}`)) };
}

export const homeSections: HomeSection[] = [
  {
    key: 'my_tickets',
    title: 'home.section.my_tickets',
    shows: isEngineer,
    load: async (ctx, viewer, page) =>
      rendered('my_tickets', await claimedTickets(ctx, { engineerId: viewer.staff.slackUserId, page }), (ticket, id) => ticketBlock(viewer, ticket, now(ctx), id)),
  },
  {
    key: 'unclaimed_tickets',
    title: 'home.section.unclaimed_tickets',
    shows: (staff) => isEngineer(staff) && staff.regionCode !== null,
    load: async (ctx, viewer, page) =>
      rendered('unclaimed_tickets', await unclaimedTickets(ctx, { regionCode: viewer.staff.regionCode!, page }), (ticket, id) => ticketBlock(viewer, ticket, now(ctx), id, { claimButton: true })),
  },
  {
    key: 'customer_tickets',
    title: 'home.section.customer_tickets',
    shows: isManager,
    load: async (ctx, viewer, page) =>
      rendered('customer_tickets', await customersTickets(ctx, { managerId: viewer.staff.slackUserId, page }), (ticket, id) => ticketBlock(viewer, ticket, now(ctx), id, { showClaimer: true, liveTracked: isLiveTracked(ticket, ctx.config.tickets) })),
  },
  {
    key: 'follow_ups',
    title: 'home.section.follow_ups',
    shows: isManager,
    load: async (ctx, viewer, page) => {
      const found = await followUpsDue(ctx, { managerId: viewer.staff.slackUserId, today: viewer.today, policy: ctx.config.visits.policy, page });
      return rendered('follow_ups', found, (due, id) => followUpBlock(viewer, due, id));
    },
  },
  {
    key: 'xregion',
    title: 'home.section.xregion',
    shows: isManager,
    load: async (ctx, viewer, page) => rendered('xregion', await openRequestsOf(ctx, { staffId: viewer.staff.slackUserId, page }), (r, id) => openRequestBlock(viewer, r, id)),
  },
  {
    key: 'retention',
    title: 'home.section.retention',
    shows: isManager,
    load: async (ctx, viewer, page) =>
      rendered('retention', await consideringCases(ctx, { managerId: viewer.staff.slackUserId, page }), (c, id) => consideringBlock(viewer, c, ctx.config.retention.offers, id)),
  },
  {
    key: 'approvals',
    title: 'home.section.approvals',
    shows: (staff) => (isSupervisor(staff) && staff.regionCode !== null) || isAdmin(staff),
    load: async (ctx, viewer, page) => {
      // Admins decide for every region; a supervisor for their own.
      const regionCode = isAdmin(viewer.staff) ? null : viewer.staff.regionCode;
      return rendered('approvals', await pendingApprovals(ctx, { regionCode, page }), (record, id) => approvalBlocks(viewer, record, id));
    },
  },
  {
    key: 'breaches',
    title: 'home.section.breaches',
    shows: (staff) => (isSupervisor(staff) || isAdmin(staff)) && staff.regionCode !== null,
    load: async (ctx, viewer, page) =>
      rendered('breaches', await regionBreaches(ctx, { regionCode: viewer.staff.regionCode!, page }), (ticket, id) => ticketBlock(viewer, ticket, now(ctx), id, { showClaimer: true })),
  },
  {
    key: 'region_overdue',
    title: 'home.section.region_overdue',
    shows: (staff) => (isSupervisor(staff) || isAdmin(staff)) && staff.regionCode !== null,
    load: async (ctx, viewer, page) => {
      const found = await regionOverdue(ctx, { regionCode: viewer.staff.regionCode!, today: viewer.today, policy: ctx.config.visits.policy, page });
      return rendered('region_overdue', found, (item, id) => overdueBlock(viewer, item, id));
    },
  },
  {
    key: 'delivery_failures',
    title: 'home.section.delivery_failures',
    shows: isAdmin,
    load: async (ctx, viewer, page) => rendered('delivery_failures', await recentDeliveryFailures(ctx, { page }), (f, id) => deliveryFailureBlock(viewer, f, id)),
  },
];
