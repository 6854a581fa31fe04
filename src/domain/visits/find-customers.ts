// Finding a customer the way people name them: by code (C0001) or by name, written in
// Chinese characters or Latin letters, in any case, whole or in part.
import type { Deps } from '../deps.ts';
import { DomainError } from '../../errors.ts';
import type { StaffMember } from '../directory/find-staff.ts';
import { canServeCustomer, servableCustomersWhere } from './customer-access.ts';

export type CustomerChoice = { code: string; name: string };

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ');

/** The customers `staff` may serve that match `query`; an empty query lists their first ones. */
export async function searchCustomers(deps: Pick<Deps, 'db'>, staff: StaffMember, query: string, limit = 50): Promise<CustomerChoice[]> {
  const q = normalise(query);
  const matches = await deps.db.customer.findMany({
    where: {
      AND: [
        servableCustomersWhere(staff),
        q ? { OR: [{ code: { startsWith: q, mode: 'insensitive' } }, { name: { contains: q, mode: 'insensitive' } }] } : {},
      ],
    },
    select: { code: true, name: true },
    orderBy: { code: 'asc' },
    take: limit,
  });
  // Exact hits first, then code prefixes, then names containing the text.
  const rank = (c: CustomerChoice) =>
    c.code.toLowerCase() === q.toLowerCase() || c.name.toLowerCase() === q.toLowerCase() ? 0 : c.code.toLowerCase().startsWith(q.toLowerCase()) ? 1 : 2;
  return matches.sort((a, b) => rank(a) - rank(b));
}

/**
 * The one customer `text` names, which `staff` must be allowed to serve. Refuses
 * courteously when nothing or several customers match, listing the candidates.
 */
export async function resolveCustomer(deps: Pick<Deps, 'db'>, staff: StaffMember, text: string) {
  const q = normalise(text);
  if (!q) throw new DomainError('visit_customer_not_found', { query: text });
  const exact = await deps.db.customer.findMany({
    where: { OR: [{ code: { equals: q, mode: 'insensitive' } }, { name: { equals: q, mode: 'insensitive' } }] },
    take: 5,
  });
  const candidates = exact.length > 0 ? exact : await deps.db.customer.findMany({ where: { name: { contains: q, mode: 'insensitive' } }, orderBy: { code: 'asc' }, take: 20 });
  if (candidates.length === 0) throw new DomainError('visit_customer_not_found', { query: q });
  // Among several, the ones this person serves are the ones they mean.
  const servable = candidates.filter((c) => canServeCustomer(staff, c));
  const pool = candidates.length === 1 ? candidates : servable;
  if (pool.length === 1) {
    const customer = pool[0]!;
    if (!canServeCustomer(staff, customer)) throw new DomainError('visit_customer_not_yours', { customer: `${customer.name} (${customer.code})` });
    return customer;
  }
  const listed = (pool.length > 0 ? pool : candidates).slice(0, 5).map((c) => `${c.code} ${c.name}`).join(', ');
  throw new DomainError('visit_customer_ambiguous', { query: q, candidates: listed });
}

export async function requireServableCustomer(deps: Pick<Deps, 'db'>, staff: StaffMember, code: string) {
  const customer = await deps.db.customer.findUnique({ where: { code } });
  if (!customer) throw new DomainError('visit_customer_not_found', { query: code });
  if (!canServeCustomer(staff, customer)) throw new DomainError('visit_customer_not_yours', { customer: `${customer.name} (${customer.code})` });
  return customer;
}
