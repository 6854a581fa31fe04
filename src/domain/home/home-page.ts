// A page of one Home section: the items shown and how many there are in all, so the
// Home can say "8 of 500" and offer "more…". Pages count from 1; a page past the end
// (items decided meanwhile) falls back to the last one.
export type PageRequest = { page: number; size: number };
export type SectionPage<T> = { items: T[]; total: number; page: number; pages: number };

export function clampPage(request: PageRequest, total: number): { page: number; pages: number; skip: number } {
  const pages = Math.max(1, Math.ceil(total / request.size));
  const page = Math.min(Math.max(1, Math.floor(request.page)), pages);
  return { page, pages, skip: (page - 1) * request.size };
}

/** For lists worked out in memory (e.g. follow-ups recomputed by the policy). */
export function pageOf<T>(all: T[], request: PageRequest): SectionPage<T> {
  const { page, pages, skip } = clampPage(request, all.length);
  return { items: all.slice(skip, skip + request.size), total: all.length, page, pages };
}

/** For lists read from the database: count first, then fetch just the page. */
export async function pageFromDb<T>(request: PageRequest, count: () => Promise<number>, fetch: (skip: number, take: number) => Promise<T[]>): Promise<SectionPage<T>> {
  const total = await count();
  const { page, pages, skip } = clampPage(request, total);
  return { items: total === 0 ? [] : await fetch(skip, request.size), total, page, pages };
}
