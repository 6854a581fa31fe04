// `npm run db:migration -- NAME`: writes a migration for the changes in
// prisma/schema.prisma that no migration holds yet. It does not apply it.
import path from 'node:path';
import { createMigration } from '../db/migrations/migrate.ts';
import { runCli, withTargetDatabase } from './db-target.ts';

runCli(async () => {
  const name = process.argv.slice(2).join(' ').trim();
  if (!name) throw new Error('Usage: npm run db:migration -- NAME (e.g. add_customer_notes)');
  const folder = await withTargetDatabase((url) => createMigration(url, name));
  if (!folder) {
    console.log('No changes: prisma/schema.prisma already matches the migrations.');
    return;
  }
  console.log(`Created ${path.relative(process.cwd(), path.join(folder, 'migration.sql'))} (apply it with npm run db:migrate)`);
});
