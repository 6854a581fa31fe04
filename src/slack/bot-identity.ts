// Who the bot is in Slack (its user id and bot id), asked once at start with auth.test
// and handed to Bolt, so Bolt authorizes every request from memory: no Web API call
// stands between a request and its ack. While Slack cannot be reached (network, 5xx,
// 429) the question is retried with growing pauses — the bot is not ready meanwhile —
// but a token Slack refuses stops the start with a clear message.
import { ErrorCode, WebClient, type WebAPICallError } from '@slack/web-api';
import type { Logger } from '../logger.ts';

export type BotIdentity = { botUserId: string; botId: string; teamId?: string };

export class BotTokenRejectedError extends Error {}

export async function fetchBotIdentity(options: {
  token: string;
  apiUrl: string;
  logger: Logger;
  /** First pause before asking again; doubles up to maxBackoffMillis. */
  backoffMillis: number;
  maxBackoffMillis?: number;
  /** Ends the retrying early (the bot is being stopped). */
  signal?: AbortSignal;
}): Promise<BotIdentity> {
  // The retrying is ours, so the client must do none (its default is ten tries over ~30 minutes).
  const client = new WebClient(options.token, { slackApiUrl: options.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 10_000 });
  const maxBackoff = options.maxBackoffMillis ?? 30_000;
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await client.auth.test();
      if (!answer.user_id || !answer.bot_id) throw new BotTokenRejectedError('SLACK_BOT_TOKEN is not a bot token: auth.test returned no bot user.');
      return { botUserId: answer.user_id, botId: answer.bot_id, teamId: answer.team_id };
    } catch (error) {
      if (error instanceof BotTokenRejectedError) throw error;
      const failure = error as WebAPICallError;
      if (failure.code === ErrorCode.PlatformError && !retriedPlatformErrors.has(String(failure.data.error))) {
        throw new BotTokenRejectedError(`Slack refused SLACK_BOT_TOKEN (auth.test: ${String(failure.data.error)}).`);
      }
      if (failure.code === ErrorCode.HTTPError && failure.statusCode < 500 && failure.statusCode !== 408) {
        throw new BotTokenRejectedError(`Slack answered auth.test with HTTP ${failure.statusCode}.`);
      }
      const retryAfter = failure.code === ErrorCode.RateLimitedError ? failure.retryAfter * 1000 : 0;
      const pause = Math.max(retryAfter, Math.min(options.backoffMillis * 2 ** (attempt - 1), maxBackoff));
      options.logger.warn({ attempt, pause, error: failure.message }, 'Slack did not answer auth.test; asking again');
      await sleep(pause, options.signal);
    }
  }
}

const retriedPlatformErrors = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

function sleep(millis: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, millis);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
