// A slow users.info must not eat Slack's 3 seconds: the caller gets the defaults after
// the wait, and the late answer still lands in the cache for the next call. Slack here
// answers when the test says so, and the wait runs on fake timers: nothing sleeps.
import type { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUserProfiles } from '../../src/slack/user-profiles.ts';

function slackAnsweringWhenTold() {
  let calls = 0;
  const pending: (() => void)[] = [];
  const client = {
    users: {
      info: async () => {
        calls++;
        await new Promise<void>((resolve) => pending.push(resolve));
        return { ok: true, user: { locale: 'en-US', tz: 'Europe/Berlin', real_name: 'Nina' } };
      },
    },
  } as unknown as WebClient;
  return { client, calls: () => calls, answer: () => pending.splice(0).forEach((resolve) => resolve()) };
}

afterEach(() => vi.useRealTimers());

describe('user profiles', () => {
  it('answers with the defaults when Slack is slow, and caches the late answer', async () => {
    vi.useFakeTimers();
    const slack = slackAnsweringWhenTold();
    const profiles = createUserProfiles(slack.client, Date.now, 50);
    const first = profiles.lookup('U1');
    await vi.advanceTimersByTimeAsync(50);
    expect(await first).toEqual({});
    expect(profiles.peek('U1')).toBeUndefined();
    slack.answer();
    await vi.waitFor(() => expect(profiles.peek('U1')).toBeDefined());
    expect(await profiles.lookup('U1')).toEqual({ locale: 'en-US', timezone: 'Europe/Berlin', name: 'Nina' });
    expect(slack.calls()).toBe(1);
  });

  it('asks Slack once for callers that arrive together', async () => {
    const slack = slackAnsweringWhenTold();
    const profiles = createUserProfiles(slack.client, Date.now, 60_000);
    const answers = Promise.all([profiles.lookup('U2'), profiles.lookup('U2'), profiles.lookup('U2')]);
    slack.answer();
    expect((await answers).every((a) => a.locale === 'en-US')).toBe(true);
    expect(slack.calls()).toBe(1);
  });

  it('keeps a bounded number of profiles', async () => {
    const slack = slackAnsweringWhenTold();
    const profiles = createUserProfiles(slack.client, Date.now, 60_000);
    for (let i = 0; i < 5_001; i++) {
      const looked = profiles.lookup(`U${i}`);
      slack.answer();
      await looked;
    }
    // The least recently used one made room for the newest.
    expect(profiles.peek('U0')).toBeUndefined();
    expect(profiles.peek('U1')).toBeDefined();
    expect(profiles.peek('U5000')).toBeDefined();
  });
});
