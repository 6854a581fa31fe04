// Start-up directory work: the configured admins exist, a fresh embedded database
// gets the demo directory (a real DATABASE_URL only when SEED_DEMO_DIRECTORY=yes), and
// customers written without their name's search keys (before the keys existed, or by
// another tool) get them.
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { Deps } from '../deps.ts';
import { ensureAdmins } from './ensure-admins.ts';
import { refreshCustomerSearchKeys } from './name-search-keys.ts';
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
  const refreshed = await refreshCustomerSearchKeys(deps);
  if (refreshed > 0) logger.info({ customers: refreshed }, 'customer search keys (pinyin, initials) filled in');
}
