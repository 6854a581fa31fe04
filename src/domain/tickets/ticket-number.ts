// Readable ticket numbers, T-YYYYMMDD-NNN: the day in the bot's time zone and a counter
// per day. The counter row is bumped with one upsert, so concurrent openings queue on
// its lock and never share a number.
import type { Prisma } from '../../db/client.ts';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function ticketDay(at: Date, timezone: string): string {
  let format = dayFormats.get(timezone);
  if (!format) dayFormats.set(timezone, (format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}${part('month')}${part('day')}`;
}

export async function nextTicketNumber(tx: Prisma.TransactionClient, at: Date, timezone: string): Promise<string> {
  const day = ticketDay(at, timezone);
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO ticket_number_sequences (day, last) VALUES (${day}, 1)
    ON CONFLICT (day) DO UPDATE SET last = ticket_number_sequences.last + 1
    RETURNING last`;
  return `T-${day}-${String(row!.last).padStart(3, '0')}`;
}
