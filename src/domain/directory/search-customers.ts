// The one customer search: by code, by name (Chinese or Latin, any case), by the
// name's full pinyin and by its initials (name-search-keys.ts), within a scope:
//   - 'directory': every customer (opening a fault ticket, a cross-region member);
//   - 'served_by': those a staff member may serve (customer-access.ts) — visits, retention.
// Ranked: exact code, exact name, exact pinyin; then prefixes (code, name, pinyin,
// initials); then contained anywhere (name, pinyin, initials); the code breaks ties.
import { Prisma } from '../../db/client.ts';
import type { Deps } from '../deps.ts';
import { servableCustomersSql } from '../visits/customer-access.ts';
import type { StaffMember } from './find-staff.ts';
import { queryPinyinKey } from './name-search-keys.ts';

export type CustomerSearchScope = { kind: 'directory' } | { kind: 'served_by'; staff: StaffMember };

export type FoundCustomer = {
  code: string;
  name: string;
  regionCode: string;
  accountManagerId: string | null;
  /** The code, the name or the full pinyin is exactly what was typed. */
  exact: boolean;
};

/** Slack shows at most 100 options. */
const maxLimit = 100;

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

function scopeSql(scope: CustomerSearchScope): Prisma.Sql {
  return scope.kind === 'directory' ? Prisma.sql`TRUE` : servableCustomersSql(scope.staff);
}

/** The customers of `scope` matching `query`, best first; an empty query lists the scope's first ones by code. */
export async function searchCustomers(deps: Pick<Deps, 'db'>, input: { query: string; scope: CustomerSearchScope; limit?: number }): Promise<FoundCustomer[]> {
  const limit = Math.min(Math.max(1, input.limit ?? 50), maxLimit);
  const q = normalise(input.query);
  if (!q) {
    const rows = await deps.db.$queryRaw<Omit<FoundCustomer, 'exact'>[]>`
      SELECT c.code, c.name, c.region_code AS "regionCode", c.account_manager_id AS "accountManagerId"
      FROM customers c WHERE ${scopeSql(input.scope)} ORDER BY c.code LIMIT ${limit}`;
    return rows.map((row) => ({ ...row, exact: false }));
  }
  const text = likeEscaped(q);
  // Without Latin letters or digits (a query in Chinese), the pinyin keys are not compared.
  const p = queryPinyinKey(q);
  const key = p ? likeEscaped(p) : null;
  const rows = await deps.db.$queryRaw<(Omit<FoundCustomer, 'exact'> & { rank: number })[]>`
    SELECT code, name, "regionCode", "accountManagerId", rank FROM (
      SELECT c.code, c.name, c.region_code AS "regionCode", c.account_manager_id AS "accountManagerId",
        CASE
          WHEN lower(c.code) = ${q} THEN 0
          WHEN lower(c.name) = ${q} THEN 1
          WHEN ${key}::text IS NOT NULL AND c.name_pinyin = ${p} THEN 2
          WHEN lower(c.code) LIKE ${`${text}%`} THEN 3
          WHEN lower(c.name) LIKE ${`${text}%`} THEN 4
          WHEN ${key}::text IS NOT NULL AND c.name_pinyin LIKE ${`${key}%`} THEN 5
          WHEN ${key}::text IS NOT NULL AND c.name_initials LIKE ${`${key}%`} THEN 6
          WHEN lower(c.name) LIKE ${`%${text}%`} THEN 7
          WHEN ${key}::text IS NOT NULL AND c.name_pinyin LIKE ${`%${key}%`} THEN 8
          WHEN ${key}::text IS NOT NULL AND c.name_initials LIKE ${`%${key}%`} THEN 9
        END AS rank
      FROM customers c
      WHERE ${scopeSql(input.scope)}
    ) ranked
    WHERE rank IS NOT NULL
    ORDER BY rank, code
    LIMIT ${limit}`;
  return rows.map(({ rank, ...row }) => ({ ...row, exact: rank <= 2 }));
}
