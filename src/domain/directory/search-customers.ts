// The customer picker: by code or by name (Chinese or Latin script, any case).
import type { Deps } from '../deps.ts';

const shown = 50;

export async function searchCustomers(deps: Pick<Deps, 'db'>, query: string) {
  const text = query.trim();
  if (!text) return [];
  return deps.db.customer.findMany({
    where: { OR: [{ code: { startsWith: text, mode: 'insensitive' } }, { name: { contains: text, mode: 'insensitive' } }] },
    orderBy: { code: 'asc' },
    take: shown,
    select: { code: true, name: true, regionCode: true },
  });
}
