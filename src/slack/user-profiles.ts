// What Slack knows about a user that the bot needs: their language, time zone and
// name. Looked up with users.info and cached, so a command costs no extra call
// after the first. Listeners ask for it before a views.open, bound by Slack's
// 3 seconds, so a slow answer is not waited for: after `waitMillis` the caller gets
// the defaults and the lookup finishes into the cache. Before an ack nothing remote is
// waited for or even started: `peek` answers from the cache (even an old entry), which
// the command or button that opened the modal has filled.
import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';

export type UserProfile = { locale?: string; timezone?: string; name?: string };

const cacheMillis = 60 * 60 * 1000;
// Bounded: a workspace's active people fit many times over, and memory stays flat
// however many distinct users ever wrote to the bot.
const cacheEntries = 5_000;

export function createUserProfiles(client: WebClient, now: () => number = Date.now, waitMillis = 700) {
  const cache = new LRUCache<string, { profile: UserProfile; fetchedAt: number }>({ max: cacheEntries });
  const inFlight = new Map<string, Promise<UserProfile>>();

  async function lookup(userId: string): Promise<UserProfile> {
    const cached = cache.get(userId);
    if (cached && now() - cached.fetchedAt < cacheMillis) return cached.profile;
    let fetching = inFlight.get(userId);
    if (!fetching) {
      fetching = fetchProfile(userId).finally(() => inFlight.delete(userId));
      inFlight.set(userId, fetching);
    }
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<UserProfile>((resolve) => {
      timer = setTimeout(() => resolve({}), waitMillis);
    });
    try {
      return await Promise.race([fetching, giveUp]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The cached profile, however old; never a call to Slack. */
  function peek(userId: string): UserProfile | undefined {
    return cache.get(userId)?.profile;
  }

  async function fetchProfile(userId: string): Promise<UserProfile> {
    try {
      const answer = await client.users.info({ user: userId, include_locale: true });
      const user = answer.user;
      const profile: UserProfile = {
        locale: user?.locale,
        timezone: user?.tz,
        name: user?.profile?.real_name || user?.real_name || user?.name,
      };
      cache.set(userId, { profile, fetchedAt: now() });
      return profile;
    } catch {
      // A profile is a nicety: without it we fall back to the configured defaults.
      return {};
    }
  }

  return { lookup, peek, forget: (userId: string) => cache.delete(userId) };
}

export type UserProfiles = ReturnType<typeof createUserProfiles>;
