// Finding the one customer a command names: by code (C0001), by name written in Chinese
// characters or Latin letters, or by its pinyin or initials — the shared customer search.
import type { Deps } from '../deps.ts';
import { DomainError } from '../../errors.ts';
import { searchCustomers } from '../directory/search-customers.ts';
import type { StaffMember } from '../directory/find-staff.ts';
import { canServeCustomer } from './customer-access.ts';

/**
 * The one customer `text` names, which `staff` must be allowed to serve. Refuses
 * courteously when nothing or several customers match, listing the candidates.
 */
export async function resolveCustomer(deps: Pick<Deps, 'db'>, staff: StaffMember, text: string) {
  const found = await searchCustomers(deps, { query: text, scope: { kind: 'directory' }, limit: 20 });
  const query = text.trim().replace(/\s+/g, ' ');
  if (!query || found.length === 0) throw new DomainError('visit_customer_not_found', { query: query || text });
  // An exact code, name or pinyin is the one meant; otherwise every match is a candidate.
  const exact = found.filter((c) => c.exact);
  const candidates = exact.length > 0 ? exact : found;
  // Among several, the ones this person serves are the ones they mean.
  const servable = candidates.filter((c) => canServeCustomer(staff, c));
  const pool = candidates.length === 1 ? candidates : servable;
  if (pool.length === 1) {
    const customer = pool[0]!;
    if (!canServeCustomer(staff, customer)) throw new DomainError('visit_customer_not_yours', { customer: `${customer.name} (${customer.code})` });
    return deps.db.customer.findUniqueOrThrow({ where: { code: customer.code } });
  }
  const listed = (pool.length > 0 ? pool : candidates).slice(0, 5).map((c) => `${c.code} ${c.name}`).join(', ');
  throw new DomainError('visit_customer_ambiguous', { query, candidates: listed });
}

export async function requireServableCustomer(deps: Pick<Deps, 'db'>, staff: StaffMember, code: string) {
  const customer = await deps.db.customer.findUnique({ where: { code } });
  if (!customer) throw new DomainError('visit_customer_not_found', { query: code });
  if (!canServeCustomer(staff, customer)) throw new DomainError('visit_customer_not_yours', { customer: `${customer.name} (${customer.code})` });
  return customer;
}
