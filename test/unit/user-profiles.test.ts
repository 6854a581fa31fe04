// A slow users.info must not eat Slack's 3 seconds: the caller gets the defaults after
// the wait, and the late answer still lands in the cache for the next call.
import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createUserProfiles } from '../../src/slack/user-profiles.ts';

function slackAnsweringAfter(millis: number) {
  let calls = 0;
  const client = {
    users: {
      info: async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, millis));
        return { ok: true, user: { locale: 'en-US', tz: 'Europe/Berlin', real_name: 'Nina' } };
      },
    },
  } as unknown as WebClient;
  return { client, calls: () => calls };
}

describe('user profiles', () => {
  it('answers with the defaults when Slack is slow, and caches the late answer', async () => {
    const slack = slackAnsweringAfter(300);
    const profiles = createUserProfiles(slack.client, Date.now, 50);
    const started = performance.now();
    expect(await profiles.lookup('U1')).toEqual({});
    expect(performance.now() - started).toBeLessThan(250);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await profiles.lookup('U1')).toEqual({ locale: 'en-US', timezone: 'Europe/Berlin', name: 'Nina' });
    expect(slack.calls()).toBe(1);
  });

  it('asks Slack once for callers that arrive together', async () => {
    const slack = slackAnsweringAfter(20);
    const profiles = createUserProfiles(slack.client, Date.now, 1000);
    const answers = await Promise.all([profiles.lookup('U2'), profiles.lookup('U2'), profiles.lookup('U2')]);
    expect(answers.every((a) => a.locale === 'en-US')).toBe(true);
    expect(slack.calls()).toBe(1);
  });
});
