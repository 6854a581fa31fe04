// Readable request numbers, XR-20261123-001: the local day and a counter per day. The
// counter row is taken with INSERT … ON CONFLICT inside the opening transaction, so two
// openings at the same moment get different numbers.
import type { Prisma } from '../../db/client.ts';
import { localDateOf } from '../local-time.ts';

export const requestNumberPattern = /^XR-\d{8}-\d{3,}$/i;

export async function nextRequestNumber(tx: Prisma.TransactionClient, at: Date, timeZone: string): Promise<string> {
  const day = localDateOf(at, timeZone).replaceAll('-', '');
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO xregion_number_counters (day, last) VALUES (${day}, 1)
    ON CONFLICT (day) DO UPDATE SET last = xregion_number_counters.last + 1
    RETURNING last`;
  return `XR-${day}-${String(rows[0]!.last).padStart(3, '0')}`;
}
