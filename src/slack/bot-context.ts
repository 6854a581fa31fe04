// What every Slack listener gets: the domain's dependencies plus the Slack-side
// services. Built once in src/app.ts.
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { HomeTabs } from './home/home-tabs.ts';
import type { Outbox } from './outbox/outbox.ts';
import type { BotMetrics } from '../metrics/bot-metrics.ts';
import type { SlackSender } from './sender.ts';
import type { UserProfiles } from './user-profiles.ts';
import type { StaffInMemory } from './directory/staff-in-memory.ts';

export type BotContext = {
  db: PrismaClient;
  clock: Clock;
  config: Config;
  logger: Logger;
  profiles: UserProfiles;
  /** The directory in memory, for answers given inside an ack. */
  staff: StaffInMemory;
  /** Rate-limited delivery for everything the bot sends on its own. */
  sender: SlackSender;
  /** Delivers the announcements domain changes wrote; kick it after a commit. */
  outbox: Outbox;
  /** Prometheus registry of /metrics; addDatabaseGauge adds a backlog gauge read at scrape time. */
  metrics: BotMetrics;
  /** Home tabs: publish one now, or mark those a change shows on for a (coalesced) refresh. */
  homes: HomeTabs;
};
