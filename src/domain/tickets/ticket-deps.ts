// What ticket rules need besides the database and the clock: the configured timings
// and the bot's time zone (ticket numbers count days there). BotContext satisfies it.
import type { Config } from '../../config.ts';
import type { CareConfig } from '../care/open-care-callback.ts';
import type { Deps } from '../deps.ts';

export type TicketDeps = Deps & { config: Pick<Config, 'tickets' | 'timezone'> };

/** Restoring also opens the care callback, which counts working hours. */
export type RestoreDeps = Deps & { config: Pick<Config, 'tickets'> & CareConfig };

/** Actors that are not people: the bot itself (auto-release) and API callers ("api:<source>"). */
export function isSystemActor(actorId: string): boolean {
  return actorId === 'system' || actorId.startsWith('api:');
}
