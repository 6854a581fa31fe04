// Which page each Home section shows. The whole state rides in the view's
// private_metadata (so paging one section keeps the others where they were) and the
// paging buttons carry the section and page they lead to; both are read back with zod,
// and anything unreadable simply means "first pages".
import { z } from 'zod';

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
const pagesSchema = z.object({ pages: z.partialRecord(z.enum(homeSectionKeys), page) });
const buttonSchema = z.object({ s: z.enum(homeSectionKeys), p: page });

const json = (raw: string): unknown => {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
};

export function encodeHomePages(pages: HomePages): string {
  return JSON.stringify({ pages });
}

export function decodeHomePages(raw: string | undefined | null): HomePages {
  const parsed = pagesSchema.safeParse(json(raw ?? ''));
  return parsed.success ? parsed.data.pages : {};
}

export function encodePageButton(section: HomeSectionKey, target: number): string {
  return JSON.stringify({ s: section, p: target });
}

/** The section and page a paging button leads to; throws on a value the bot never rendered. */
export function decodePageButton(raw: string | undefined): { section: HomeSectionKey; page: number } {
  const parsed = buttonSchema.parse(json(raw ?? ''));
  return { section: parsed.s, page: parsed.p };
}
