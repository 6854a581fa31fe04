// Regions for the home-region picker: by code or name, at most 100 (Slack's menu limit).
import type { Deps } from '../deps.ts';

export async function searchRegions(deps: Pick<Deps, 'db'>, query: string) {
  const text = query.trim();
  return deps.db.region.findMany({
    where: text ? { OR: [{ code: { startsWith: text, mode: 'insensitive' } }, { name: { contains: text, mode: 'insensitive' } }] } : {},
    orderBy: { code: 'asc' },
    take: 100,
    select: { code: true, name: true },
  });
}
