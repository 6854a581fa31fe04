// Where the embedded cluster lives: EMBEDDED_PG_DIR, by default `.data/postgres` in the
// project. As root the server runs as "postgres"; when that user cannot reach the
// project folder (a clone in a 0700 temp folder) and the folder was not chosen
// explicitly, the cluster lives under /var/tmp instead, one per project path, and the
// log says where. A folder chosen explicitly is never moved: its problem is reported.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { firstBlockedFolder, serverAccount } from './postgres-account.ts';

export async function embeddedDataDir(input: { configured: string; explicit: boolean; log: (line: string) => void }): Promise<string> {
  const dataDir = path.resolve(input.configured);
  if (input.explicit) return dataDir;
  const account = await serverAccount(input.log);
  if (!account) return dataDir;
  const blocked = await firstBlockedFolder(dataDir, account);
  if (!blocked) return dataDir;
  const moved = path.join('/var/tmp', `keyaccount-data-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`, 'postgres');
  input.log(`the "postgres" user cannot enter ${blocked}: the embedded cluster lives in ${moved} (set EMBEDDED_PG_DIR to choose)`);
  return moved;
}
