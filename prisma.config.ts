// Prisma CLI configuration: where the schema and migrations live. The URL is only
// needed by CLI commands that talk to a database (`prisma migrate deploy` on a machine
// that has the schema-engine binary); the bot itself migrates through src/db/migrations/migrate.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/keyaccount' },
});
