// The Prisma client, connected through the pg driver adapter (Prisma 7 has no built-in
// engine connection). Code that works both inside and outside a transaction takes a Db.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { eventLoopTurns } from '../runtime/turn-budget.ts';

export { Prisma, PrismaClient };

export type Db = PrismaClient | Prisma.TransactionClient;

// A transaction waits for a free connection of the pool as long as any other query would
// (Prisma gives up after 2 s by default: under a flood of clicks a claim failed so).
const transactionMaxWaitMillis = 15_000;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const pool = new TurnTakingPool({ connectionString: databaseUrl });
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions: { maxWait: transactionMaxWaitMillis } });
}

/**
 * Prisma's queries outside a transaction: an answer from the database, and all the work
 * it sets going (Prisma reading the rows, the code after the query), waits for its turn
 * of the event loop (turn-budget.ts) once the connection is back in the pool. Queries
 * inside a transaction go on at once: it holds a connection and row locks.
 */
class TurnTakingPool extends pg.Pool {
  override query(...args: unknown[]): any {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.then(inItsTurn) : result;
  }
}

async function inItsTurn<T>(answer: T): Promise<T> {
  await eventLoopTurns.pass();
  return answer;
}
