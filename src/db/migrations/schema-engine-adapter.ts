// The driver adapter the wasm schema engine talks to Postgres through. Two gaps in
// @prisma/adapter-pg 7.10 make the stock PrismaPg factory unusable for migrations:
// - connectToShadowDb spreads `database` over a config that still holds the connection
//   string, and pg lets the connection string win, so the "shadow" database would be the
//   real one. We create the shadow database by URL instead and drop it on dispose.
// - Describing a database reads pg_catalog columns of Postgres's internal one-byte
//   "char" type (OID 18, e.g. pg_constraint.contype), which the adapter rejects as an
//   unsupported column type; the engine wants them as Character. pg already hands the
//   values over as one-character strings, so only the reported column type changes.
// - executeScript splits a migration on every ";", which cuts a function body (e.g. a
//   trigger function in $$ … $$) in pieces. Prisma's own engine sends the script as one
//   simple query, which Postgres runs as one implicit transaction; so do we.
// We also keep hold of every adapter: the engine leaves some undisposed when freed, and
// their open pg pools would keep the process alive.
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory, type SqlQuery, type Transaction } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const INTERNAL_CHAR_OID = 18;
const TEXT_OID = 25; // any type the adapter accepts; the column type is corrected in queryRaw

export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(private readonly databaseUrl: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.track(this.databaseUrl);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `prisma_shadow_${randomBytes(6).toString('hex')}`;
    await runAdminStatement(this.databaseUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(this.databaseUrl);
    url.pathname = `/${name}`;
    return this.track(url.href, () => runAdminStatement(this.databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }

  async disposeAll(): Promise<void> {
    for (const adapter of [...this.open]) await adapter.dispose();
  }

  private async track(url: string, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const adapter = await new PrismaPg({ connectionString: url }).connect();
    readInternalCharAsCharacter(adapter);
    runScriptsWhole(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => readInternalCharAsCharacter(await startTransaction(...args));

    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () =>
      (disposed ??= (async () => {
        this.open.delete(adapter);
        try {
          await dispose();
        } finally {
          await afterDispose?.();
        }
      })());
    this.open.add(adapter);
    return adapter;
  }
}

interface PgQueryResult {
  fields: { dataTypeID: number }[];
  rows: unknown[];
}

// adapter-pg funnels queryRaw through its private performIO and returns pg's own rows
// array, so the rows array is how queryRaw learns which columns were "char".
function readInternalCharAsCharacter<T extends SqlDriverAdapter | Transaction>(queryable: T): T {
  const target = queryable as unknown as { performIO?: (query: SqlQuery) => Promise<PgQueryResult> };
  const performIO = target.performIO?.bind(queryable);
  if (!performIO) throw new Error('@prisma/adapter-pg changed: performIO not found (see schema-engine-adapter.ts)');
  const charColumns = new WeakMap<unknown[], number[]>();
  target.performIO = async (query) => {
    const result = await performIO(query);
    const columns: number[] = [];
    (result.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID !== INTERNAL_CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      columns.push(index);
    });
    if (columns.length > 0 && Array.isArray(result.rows)) charColumns.set(result.rows, columns);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

async function runAdminStatement(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function runScriptsWhole(adapter: SqlDriverAdapter): void {
  const target = adapter as unknown as { client?: { query(sql: string): Promise<unknown> }; onError?: (error: unknown) => never };
  const { client, onError } = target;
  if (!client || !onError) throw new Error('@prisma/adapter-pg changed: client/onError not found (see schema-engine-adapter.ts)');
  adapter.executeScript = async (script: string) => {
    try {
      await client.query(script);
    } catch (error) {
      onError.call(adapter, error);
    }
  };
}
