// How the Web API client talks to Slack. @slack/web-api's default is to retry a call
// up to ten times over ~30 minutes and to pause the whole client on a 429; that
// would stall every user behind one slow call. Interactive calls (views.open has a
// 3-second trigger) fail fast instead; scheduled messages go through the
// rate-limited sender, which does its own pacing and retrying.
import type { WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.ts';

export function slackClientOptions(config: Config): WebClientOptions {
  return {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  };
}
