// The Prisma client, connected through the pg driver adapter (Prisma 7 has no built-in
// engine connection). Code that works both inside and outside a transaction takes a Db.
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export { Prisma, PrismaClient };

export type Db = PrismaClient | Prisma.TransactionClient;

// A transaction waits for a free connection of the pool as long as any other query would
// (Prisma gives up after 2 s by default: under a flood of clicks a claim failed so).
const transactionMaxWaitMillis = 15_000;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), transactionOptions: { maxWait: transactionMaxWaitMillis } });
}
