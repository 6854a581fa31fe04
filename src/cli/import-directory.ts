// `npm run import -- customers FILE.csv` (or staff, regions): all rows or none.
import { readFile } from 'node:fs/promises';
import { systemClock } from '../clock.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import { directoryKinds, type DirectoryKind } from '../domain/directory/directory-rows.ts';
import { importDirectory } from '../domain/directory/import-directory.ts';
import { createLogger } from '../logger.ts';

async function main(): Promise<number> {
  const [kind, file] = process.argv.slice(2);
  if (!kind || !file || !directoryKinds.includes(kind as DirectoryKind)) {
    console.error(`Usage: npm run import -- ${directoryKinds.join('|')} FILE.csv`);
    return 1;
  }
  let csv: string;
  try {
    csv = await readFile(file, 'utf8');
  } catch {
    console.error(`Cannot read ${file}.`);
    return 1;
  }
  const config = loadConfig();
  const database = await openDatabase(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
  try {
    const result = await importDirectory({ db: database.db, clock: systemClock }, { kind: kind as DirectoryKind, csv, actorId: 'cli' });
    if (result.ok) {
      console.log(`Imported ${kind}: ${result.created} new, ${result.updated} updated.`);
      return 0;
    }
    console.error(`Nothing was imported: ${result.problems.length} problem(s) in ${file}:`);
    for (const p of result.problems) console.error(`  line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : `Import failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
