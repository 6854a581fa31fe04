// Which page each Home section shows. The whole state rides in the view's
// private_metadata (so paging one section keeps the others where they were) and the
// paging buttons carry the section and page they lead to; both are read back through
// slack-values.ts, and an unreadable private_metadata simply means "first pages".
import { z } from 'zod';
import { carriedJson, readCarried } from '../edge/slack-values.ts';

export const homeSectionKeys = [
  'my_tickets',
  'unclaimed_tickets',
  'customer_tickets',
  'follow_ups',
  'xregion',
  'retention',
  'approvals',
  'breaches',
  'region_overdue',
  'delivery_failures',
] as const;
export type HomeSectionKey = (typeof homeSectionKeys)[number];
export type HomePages = Partial<Record<HomeSectionKey, number>>;

const page = z.number().int().min(1).max(100_000);
const pagesSchema = carriedJson(z.object({ pages: z.partialRecord(z.enum(homeSectionKeys), page) }));
/** What a paging button carries: the section and the page it leads to. */
export const homePageButton = carriedJson(z.object({ s: z.enum(homeSectionKeys), p: page }).transform(({ s, p }) => ({ section: s, page: p })));

export function encodeHomePages(pages: HomePages): string {
  return JSON.stringify({ pages });
}

export function decodeHomePages(raw: string | undefined | null): HomePages {
  return readCarried(pagesSchema, raw)?.pages ?? {};
}

export function encodePageButton(section: HomeSectionKey, target: number): string {
  return JSON.stringify({ s: section, p: target });
}
