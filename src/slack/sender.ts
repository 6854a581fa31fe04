// Every message the bot sends on its own (pings, notices, channel posts) goes through
// here. It is paced to Slack's limits — about one message per second per channel, and
// each method's tier per minute — and retries what is worth retrying:
// a 429 after its Retry-After (pausing that method, as Slack asks), a 5xx or network
// error with growing backoff. Platform errors such as channel_not_found are final:
// they are thrown as SlackDeliveryError(permanent) for the caller to record, never
// retried forever.
//
// The limits are the workspace's, shared by every bot process: the turns and allowances
// live in Postgres (./pacing/shared-pacing.ts). Bottleneck queues this process's own
// calls in front of them: one message at a time per channel, a few calls at a time per
// method, so a burst waits in memory rather than in the database.
import Bottleneck from 'bottleneck';
import { LRUCache } from 'lru-cache';
import { WebClient, ErrorCode, type ChatPostMessageArguments, type WebAPICallError } from '@slack/web-api';
import type { AnyBlock } from '@slack/types';
import type { Logger } from '../logger.ts';
import type { SharedPacing } from './pacing/shared-pacing.ts';

export type MessageMetadata = { event_type: string; event_payload: Record<string, string | number | boolean> };
export type OutgoingMessage = { channel: string; text: string; blocks?: AnyBlock[]; threadTs?: string; metadata?: MessageMetadata };
export type PostedMessage = { channel: string; ts: string };
export type HomeView = { type: 'home'; blocks: AnyBlock[]; private_metadata?: string; callback_id?: string };
export type FileUpload = {
  channel: string;
  threadTs?: string;
  initialComment?: string;
  files: { filename: string; title?: string; content: Buffer; altText?: string }[];
};

export class SlackDeliveryError extends Error {
  constructor(
    readonly method: string,
    readonly slackError: string,
    readonly permanent: boolean,
  ) {
    super(`${method} failed: ${slackError}`);
    this.name = 'SlackDeliveryError';
  }
}

/** How one attempt at a Web API call ended, for metrics. */
export type SlackCallOutcome = 'ok' | 'rate_limited' | 'server_error' | 'network' | 'permanent';

export type SenderOptions = {
  token: string;
  apiUrl: string;
  logger: Logger;
  /** Channel turns and method allowances shared with the other bot processes. */
  pacing: SharedPacing;
  maxAttempts?: number;
  backoffMillis?: number;
  /** Overrides of the per-minute allowances below, e.g. a workspace with a higher posting budget. */
  perMinute?: Record<string, number>;
  /** Told about every attempt (a retried call is several), e.g. to count them in /metrics. */
  onAttempt?: (method: string, outcome: SlackCallOutcome) => void;
};

// Per-minute allowances of the Web API tiers for the methods the sender uses.
const perMinute: Record<string, number> = {
  'chat.postMessage': 600, // "several hundred per minute" per workspace, on top of 1/s per channel
  'chat.update': 50, // Tier 3
  'chat.postEphemeral': 100, // Tier 4
  'conversations.open': 50, // Tier 3
  'views.publish': 100, // Tier 4
  'files.uploadV2': 20, // three calls each: getUploadURLExternal, the upload, completeUploadExternal
  'conversations.history': 50, // Tier 3; only read when a delivery is recovered after a crash
  'conversations.replies': 50, // Tier 3
};

// A Retry-After of 0 still gets a short pause, so a rate-limited method is not hammered.
const minimumRetryAfterMillis = 50;

// Slack answers these when it is overloaded rather than when the request is wrong.
export const transientPlatformErrors = new Set(['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export function createSlackSender(options: SenderOptions) {
  const { logger } = options;
  // A post carrying an outbox delivery id is not retried here after a 5xx (see call());
  // everything else gets a few quick attempts before its outbox row or timer retries.
  const maxAttempts = options.maxAttempts ?? 6;
  const backoffMillis = options.backoffMillis ?? 500;
  // The sender does all pacing and retrying itself, so the client must do none.
  const client = new WebClient(options.token, {
    slackApiUrl: options.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
  });
  const { pacing } = options;
  // One message at a time per channel from this process; the gap is the shared turn's.
  // Quiet channels' limiters are dropped after a minute, so the group stays small.
  const channels = new Bottleneck.Group({ maxConcurrent: 1, timeout: 60_000 });
  const methods = new Map<string, Bottleneck>();
  // A user's direct-message channel never changes; a bounded cache spares conversations.open.
  const dmChannels = new LRUCache<string, string>({ max: 5_000 });
  let rateLimitedCount = 0;

  function methodLimiter(method: string): Bottleneck {
    let limiter = methods.get(method);
    if (!limiter) {
      limiter = new Bottleneck({ maxConcurrent: 10 });
      methods.set(method, limiter);
    }
    return limiter;
  }

  const allowanceOf = (method: string) => options.perMinute?.[method] ?? perMinute[method] ?? 50;

  /**
   * `ambiguousIsFinal`: a 5xx or a cut connection may come after Slack carried the call
   * out; a post the outbox can look up again (it carries a delivery id) is not retried
   * blindly here, the outbox checks Slack's history first. A 429 was never carried out.
   */
  async function call<T>(method: string, channelKey: string | null, invoke: () => Promise<T>, ambiguousIsFinal = false): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      // The allowance first, then the channel's turn: a channel is never held while its
      // sender waits for the workspace budget or a Retry-After pause.
      const attemptOnce = async () => {
        await pacing.methodTurn(method, allowanceOf(method));
        const send = () => methodLimiter(method).schedule(invoke);
        return channelKey ? pacing.channelTurn(channelKey, send) : send();
      };
      try {
        const result = await (channelKey ? channels.key(channelKey).schedule(attemptOnce) : attemptOnce());
        options.onAttempt?.(method, 'ok');
        return result;
      } catch (error) {
        const verdict = classify(error as WebAPICallError);
        options.onAttempt?.(method, outcomeOf(verdict));
        if (verdict.kind === 'permanent') throw new SlackDeliveryError(method, verdict.error, true);
        if (attempt >= maxAttempts || (ambiguousIsFinal && verdict.kind === 'transient')) throw new SlackDeliveryError(method, verdict.error, false);
        if (verdict.kind === 'rate_limited') {
          rateLimitedCount++;
          await pacing.pauseMethod(method, verdict.retryAfterMillis).catch((error: unknown) => logger.warn({ err: error, method }, 'could not share a rate-limit pause'));
          logger.warn({ method, retryAfterMillis: verdict.retryAfterMillis }, 'Slack rate limit: waiting Retry-After');
        } else {
          const pause = backoffMillis * 2 ** (attempt - 1);
          logger.warn({ method, error: verdict.error, attempt, pause }, 'Slack call failed, retrying');
          await sleep(pause);
        }
      }
    }
  }

  async function dmChannel(userId: string): Promise<string> {
    const known = dmChannels.get(userId);
    if (known) return known;
    const opened = await call('conversations.open', null, () => client.conversations.open({ users: userId }));
    const id = opened.channel?.id;
    if (!id) throw new SlackDeliveryError('conversations.open', 'no_channel_returned', true);
    dmChannels.set(userId, id);
    return id;
  }

  async function resolveChannel(channel: string): Promise<string> {
    // A user id means "a direct message to that person".
    return /^[UW]/.test(channel) ? dmChannel(channel) : channel;
  }

  return {
    async postMessage(message: OutgoingMessage): Promise<PostedMessage> {
      const channel = await resolveChannel(message.channel);
      const args = {
        channel,
        text: message.text,
        blocks: message.blocks,
        thread_ts: message.threadTs,
        unfurl_links: false,
        ...(message.metadata ? { metadata: message.metadata } : {}),
      } as ChatPostMessageArguments;
      const result = await call('chat.postMessage', channel, () => client.chat.postMessage(args), message.metadata !== undefined);
      return { channel: result.channel ?? channel, ts: result.ts! };
    },
    /**
     * The bot's message in a channel (or thread) carrying `metadata.event_payload.delivery`
     * = deliveryId, among the channel's latest messages; null when there is none. How
     * the outbox tells "Slack already has it" from "never sent" after an attempt was cut
     * off. The newest pages are read (no `oldest`: the bot's clock and Slack's may
     * disagree), which is enough for a message posted since the delivery was written.
     */
    async findDelivered(query: { channel: string; threadTs?: string; eventType: string; deliveryId: string }): Promise<PostedMessage | null> {
      const channel = await resolveChannel(query.channel);
      let cursor: string | undefined;
      for (let page = 0; page < 5; page++) {
        const result = query.threadTs
          ? await call('conversations.replies', null, () => client.conversations.replies({ channel, ts: query.threadTs!, limit: 200, include_all_metadata: true, cursor }))
          : await call('conversations.history', null, () => client.conversations.history({ channel, limit: 200, include_all_metadata: true, cursor }));
        const found = result.messages?.find(
          (m) => m.metadata?.event_type === query.eventType && (m.metadata?.event_payload as { delivery?: unknown } | undefined)?.delivery === query.deliveryId,
        );
        if (found?.ts) return { channel, ts: found.ts };
        cursor = result.response_metadata?.next_cursor || undefined;
        if (!result.has_more || !cursor) return null;
      }
      return null;
    },
    async updateMessage(message: { channel: string; ts: string; text: string; blocks?: AnyBlock[] }): Promise<void> {
      // Editing is paced by its tier only: the one-per-second rule is about posting, and
      // an update (a Claim button coming off) should not queue behind the channel's pings.
      await call('chat.update', null, () => client.chat.update({ channel: message.channel, ts: message.ts, text: message.text, blocks: message.blocks }));
    },
    /** The link to a message (a person's, e.g. the one a ticket was opened from). */
    async permalink(message: { channel: string; ts: string }): Promise<string> {
      const result = await call('chat.getPermalink', null, () => client.chat.getPermalink({ channel: message.channel, message_ts: message.ts }));
      return String(result.permalink ?? '');
    },
    async postEphemeral(message: { channel: string; user: string; text: string; blocks?: AnyBlock[] }): Promise<void> {
      await call('chat.postEphemeral', null, () => client.chat.postEphemeral({ channel: message.channel, user: message.user, text: message.text, blocks: message.blocks }));
    },
    /** Replaces a user's App Home tab. */
    async publishHome(userId: string, view: HomeView): Promise<void> {
      await call('views.publish', null, () => client.views.publish({ user_id: userId, view }));
    },
    /** Uploads files into a channel (or a thread of it) with Slack's external upload flow. */
    async uploadFiles(upload: FileUpload): Promise<void> {
      const channel = await resolveChannel(upload.channel);
      await call('files.uploadV2', channel, () =>
        client.files.uploadV2({
          channel_id: channel,
          ...(upload.threadTs ? { thread_ts: upload.threadTs } : {}),
          ...(upload.initialComment ? { initial_comment: upload.initialComment } : {}),
          file_uploads: upload.files.map((f) => ({ file: f.content, filename: f.filename, title: f.title ?? f.filename, ...(f.altText ? { alt_text: f.altText } : {}) })),
        }),
      );
    },
    client,
    stats: () => ({ rateLimited: rateLimitedCount }),
    async stop(): Promise<void> {
      await Promise.all([...methods.values(), ...channels.limiters().map((l) => l.limiter)].map((l) => l.disconnect()));
    },
  };
}

export type SlackSender = ReturnType<typeof createSlackSender>;

type Verdict = { kind: 'permanent'; error: string } | { kind: 'rate_limited'; error: string; retryAfterMillis: number } | { kind: 'transient'; error: string };

function outcomeOf(verdict: Verdict): SlackCallOutcome {
  if (verdict.kind !== 'transient') return verdict.kind;
  if (verdict.error === 'request_error') return 'network';
  return verdict.error === 'ratelimited' || verdict.error === 'rate_limited' ? 'rate_limited' : 'server_error';
}

function classify(error: WebAPICallError): Verdict {
  switch (error.code) {
    case ErrorCode.RateLimitedError:
      return { kind: 'rate_limited', error: 'ratelimited', retryAfterMillis: Math.max(minimumRetryAfterMillis, error.retryAfter * 1000) };
    case ErrorCode.HTTPError:
      return error.statusCode >= 500 || error.statusCode === 408
        ? { kind: 'transient', error: `http_${error.statusCode}` }
        : { kind: 'permanent', error: `http_${error.statusCode}` };
    case ErrorCode.RequestError:
      return { kind: 'transient', error: 'request_error' };
    case ErrorCode.PlatformError: {
      const slackError = String(error.data.error);
      return transientPlatformErrors.has(slackError) ? { kind: 'transient', error: slackError } : { kind: 'permanent', error: slackError };
    }
    default:
      return { kind: 'transient', error: (error as Error).message ?? 'unknown' };
  }
}

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));
