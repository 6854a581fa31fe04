// The member behind a number typed on the acceptance form: a customer code (C0004) or
// the customer's phone, however it was written in the directory (010-62345678).
import { normalisePhone } from '../phone.ts';
import type { Deps } from '../deps.ts';

export async function findMember(deps: Pick<Deps, 'db'>, memberNumber: string) {
  const include = { region: true } as const;
  const byCode = await deps.db.customer.findUnique({ where: { code: memberNumber.trim().toUpperCase() }, include });
  if (byCode) return { customer: byCode, number: byCode.code };
  const phone = normalisePhone(memberNumber);
  if (!phone) return null;
  const rows = await deps.db.$queryRaw<{ code: string }[]>`
    SELECT code FROM customers
    WHERE regexp_replace(regexp_replace(coalesce(phone, ''), '[[:space:]-]', '', 'g'), '^(\\+86|0086)', '') = ${phone}
    ORDER BY code LIMIT 1`;
  const code = rows[0]?.code;
  if (!code) return null;
  const customer = await deps.db.customer.findUniqueOrThrow({ where: { code }, include });
  return { customer, number: phone };
}

export type FoundMember = NonNullable<Awaited<ReturnType<typeof findMember>>>;
