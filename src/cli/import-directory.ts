// `npm run import -- customers FILE.csv` (or staff, regions; or calendar: the work
// calendar's holidays and make-up days, src/domain/calendar/import-calendar.ts): all rows or none.
import { readFile } from 'node:fs/promises';
import { systemClock } from '../clock.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import { directoryKinds, type DirectoryKind } from '../domain/directory/directory-rows.ts';
import { importDirectory } from '../domain/directory/import-directory.ts';
import { createLogger } from '../logger.ts';
import { importCalendar } from '../domain/calendar/import-calendar.ts';
import type { Deps } from '../domain/deps.ts';

async function main(): Promise<number> {
  const [kind, file] = process.argv.slice(2);
  if (!kind || !file || !(kind === 'calendar' || directoryKinds.includes(kind as DirectoryKind))) {
    console.error(`Usage: npm run import -- ${[...directoryKinds, 'calendar'].join('|')} FILE.csv`);
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
    if (kind === 'calendar') return await importCalendarFile({ db: database.db, clock: systemClock }, csv, file);
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

async function importCalendarFile(deps: Deps, csv: string, file: string): Promise<number> {
  const result = await importCalendar(deps, { csv, actorId: 'cli' });
  if (result.ok) {
    console.log(`Imported calendar: ${result.days} day(s) for ${result.years.join(', ')} (each year replaced as a whole).`);
    return 0;
  }
  console.error(`Nothing was imported: ${result.problems.length} problem(s) in ${file}:`);
  for (const p of result.problems) console.error(`  line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : `Import failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
