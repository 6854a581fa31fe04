// `npm run db:migrate`: applies pending migrations from prisma/migrations.
import { applyMigrations } from '../db/migrations/migrate.ts';
import { runCli, withTargetDatabase } from './db-target.ts';

runCli(async () => {
  const applied = await withTargetDatabase((url) => applyMigrations(url));
  if (applied.length === 0) console.log('Database is up to date: no pending migrations.');
  for (const name of applied) console.log(`Applied migration ${name}`);
});
