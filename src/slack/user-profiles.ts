// What Slack knows about a user that the bot needs: their language, time zone and
// name. Looked up with users.info and cached, so a command costs no extra call
// after the first (users.info is Tier 4, but the 3-second ack budget is tight).
import type { WebClient } from '@slack/web-api';

export type UserProfile = { locale?: string; timezone?: string; name?: string };

const cacheMillis = 60 * 60 * 1000;

export function createUserProfiles(client: WebClient, now: () => number = Date.now) {
  const cache = new Map<string, { profile: UserProfile; fetchedAt: number }>();

  async function lookup(userId: string): Promise<UserProfile> {
    const cached = cache.get(userId);
    if (cached && now() - cached.fetchedAt < cacheMillis) return cached.profile;
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

  return { lookup, forget: (userId: string) => cache.delete(userId) };
}

export type UserProfiles = ReturnType<typeof createUserProfiles>;
