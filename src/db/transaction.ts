// Runs work in a transaction, or in the caller's transaction when it already has one,
// so domain functions compose: a function that needs atomicity can be called from
// another transaction without opening a nested one.
import type { Db, Prisma } from './client.ts';

export function inTransaction<T>(
  db: Db,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { timeout?: number },
): Promise<T> {
  return '$transaction' in db ? db.$transaction(work, options) : work(db);
}
