// A small demo directory (prisma/demo/*.csv) so a new user can try every command at
// once. Loaded through the same importer as real data, and only into an empty directory.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../deps.ts';
import { importDirectory } from './import-directory.ts';
import { directoryKinds } from './directory-rows.ts';
import { PROJECT_ROOT } from '../../project-root.ts';

const demoFolder = path.join(PROJECT_ROOT, 'prisma', 'demo');

/** Seeds the demo directory if there are no regions yet; returns whether it did. */
export async function seedDemoDirectory(deps: Deps): Promise<boolean> {
  if ((await deps.db.region.count()) > 0) return false;
  for (const kind of directoryKinds) {
    const csv = await readFile(path.join(demoFolder, `${kind}.csv`), 'utf8');
    const result = await importDirectory(deps, { kind, csv, actorId: 'system' });
    if (!result.ok) throw new Error(`demo ${kind}.csv is invalid: ${JSON.stringify(result.problems)}`);
  }
  return true;
}
