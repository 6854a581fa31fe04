// Start-up directory work: the configured admins exist, and a fresh embedded database
// gets the demo directory (a real DATABASE_URL only when SEED_DEMO_DIRECTORY=yes).
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { Deps } from '../deps.ts';
import { ensureAdmins } from './ensure-admins.ts';
import { seedDemoDirectory } from './seed-demo-directory.ts';

export async function prepareDirectory(
  deps: Deps,
  options: { config: Pick<Config, 'adminSlackIds' | 'seedDemoDirectory'>; embedded: boolean; logger: Logger },
): Promise<void> {
  const { config, embedded, logger } = options;
  const wantsDemo = config.seedDemoDirectory === 'yes' || (config.seedDemoDirectory === 'auto' && embedded);
  if (wantsDemo && (await seedDemoDirectory(deps))) logger.info('demo directory loaded (prisma/demo/*.csv)');
  const promoted = await ensureAdmins(deps, config.adminSlackIds);
  if (promoted.length > 0) logger.info({ admins: promoted }, 'admins from ADMIN_SLACK_IDS registered');
}
