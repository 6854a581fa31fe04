// Bolt's receiver for Socket Mode, without the gap at Slack's periodic refresh. Slack
// allows an app several connections at once and sends each envelope on one of them, so
// when a link gets `disconnect` (refresh_requested, or the warning before it) the
// receiver opens the next link and only once Slack has said hello on it retires the
// old one — after the envelopes received there are acknowledged. A link that drops
// unexpectedly is replaced at once, retrying with growing pauses while Slack cannot be
// reached. Every call, apps.connections.open included, goes to SLACK_API_URL.
import { AuthorizationError, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { ErrorCode, type WebAPICallError } from '@slack/web-api';
import { UnrecoverableSocketModeStartError, type Logger as SlackLogger } from '@slack/socket-mode';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../../logger.ts';
import { receivedAtProperty } from '../../metrics/slack-traffic.ts';
import { SocketLink } from './socket-link.ts';

export type SocketModeReceiverOptions = {
  appToken: string;
  apiUrl: string;
  logger: Logger;
  boltLogger: SlackLogger;
  /** First pause before trying to connect again; doubles up to 30 s. */
  backoffMillis: number;
  /** How long a retired link may wait for its envelopes' acks before it is closed anyway. */
  retireLimitMillis?: number;
};

type SlackEventArgs = { ack: (response?: unknown) => Promise<void>; body: Record<string, unknown>; retry_num?: number; retry_reason?: string };

const unrecoverable = new Set<string>(Object.values(UnrecoverableSocketModeStartError));

export class RefreshingSocketModeReceiver implements Receiver {
  private app: App | undefined;
  private readonly links = new Set<SocketLink>();
  /** Links Slack asked to refresh: closed once a newer link is open. */
  private readonly retiring = new Set<SocketLink>();
  private replacing: Promise<void> | undefined;
  private stopping = false;
  private stopped = new AbortController();

  constructor(private readonly options: SocketModeReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** Resolves once the first link is open; throws if Slack refuses the app token. */
  async start(): Promise<void> {
    this.stopping = false;
    this.stopped = new AbortController();
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    await Promise.all([...this.links].map((link) => link.disconnect()));
    this.links.clear();
    this.retiring.clear();
  }

  /** At least one link is open (Slack said hello on it and it has not closed). */
  isConnected(): boolean {
    return [...this.links].some((link) => link.connected);
  }

  /** Open links, including one being retired. */
  openLinks(): number {
    return [...this.links].filter((link) => link.connected).length;
  }

  private hasActiveLink(): boolean {
    return [...this.links].some((link) => link.connected && !this.retiring.has(link));
  }

  private async connect(): Promise<SocketLink> {
    const { logger } = this.options;
    for (let attempt = 1; ; attempt++) {
      if (this.stopping) throw new Error('Socket Mode receiver stopped');
      const link = this.createLink();
      try {
        await withHelloLimit(link);
        if (this.stopping) {
          await link.disconnect();
          throw new Error('Socket Mode receiver stopped');
        }
        logger.info({ links: this.openLinks() }, 'Socket Mode connection open');
        return link;
      } catch (error) {
        this.links.delete(link);
        const failure = error as WebAPICallError;
        if (failure.code === ErrorCode.PlatformError && unrecoverable.has(String(failure.data.error))) throw error;
        if (this.stopping) throw error;
        const pause = Math.min(this.options.backoffMillis * 2 ** (attempt - 1), 30_000);
        logger.warn({ attempt, pause, error: String((error as Error).message ?? error) }, 'Socket Mode connection failed; trying again');
        await abortableSleep(pause, this.stopped.signal);
      }
    }
  }

  private createLink(): SocketLink {
    const link = new SocketLink({ appToken: this.options.appToken, apiUrl: this.options.apiUrl, logger: this.options.boltLogger });
    this.links.add(link);
    link.on('slack_event', (args: SlackEventArgs) => void this.dispatch(link, args));
    link.on('refresh_requested', (reason: string) => {
      this.options.logger.info({ reason }, 'Slack asked for a new Socket Mode connection');
      this.requestReplacement(link);
    });
    link.once('disconnected', () => {
      this.links.delete(link);
      this.retiring.delete(link);
      link.emit('idle');
      // A link that dropped by itself is replaced at once unless another one is open
      // (a failed attempt is retried by connect() itself).
      if (link.everConnected && !this.stopping && !this.hasActiveLink()) this.requestReplacement(undefined);
    });
    return link;
  }

  /** Opens a new link and then retires `old`; requests made meanwhile share the work. */
  private requestReplacement(old: SocketLink | undefined): void {
    if (old && this.links.has(old)) this.retiring.add(old);
    this.replacing ??= (async () => {
      try {
        while (!this.stopping && (this.retiring.size > 0 || !this.hasActiveLink())) {
          await this.connect();
          const old = [...this.retiring];
          this.retiring.clear();
          await Promise.all(old.map((link) => this.retire(link)));
        }
      } catch (error) {
        if (!this.stopping) this.options.logger.error({ err: error }, 'could not replace the Socket Mode connection');
      } finally {
        this.replacing = undefined;
      }
    })();
  }

  /** Closes a link once the envelopes it received are acknowledged (or after the limit). */
  private async retire(link: SocketLink): Promise<void> {
    this.links.delete(link);
    if (link.pending > 0 && link.connected) {
      const idle = new Promise((resolve) => link.once('idle', resolve));
      await Promise.race([idle, abortableSleep(this.options.retireLimitMillis ?? 10_000, this.stopped.signal).catch(() => {})]);
    }
    await link.disconnect();
  }

  private async dispatch(link: SocketLink, args: SlackEventArgs): Promise<void> {
    link.pending++;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      if (--link.pending === 0) link.emit('idle');
    };
    const event: ReceiverEvent = {
      body: args.body,
      retryNum: args.retry_num,
      retryReason: args.retry_reason,
      customProperties: { [receivedAtProperty]: performance.now() },
      ack: async (response?: unknown) => {
        if (settled) return;
        try {
          await args.ack(response);
        } finally {
          settle();
        }
      },
    };
    try {
      await this.app?.processEvent(event);
    } catch (error) {
      this.options.logger.error({ err: error, type: args.body.type }, 'Socket Mode event failed');
      // As Bolt's own receiver: an authorization failure is acknowledged so Slack stops retrying.
      if (error instanceof AuthorizationError) await event.ack().catch(() => {});
    } finally {
      settle();
    }
  }
}

// Slack says hello right after the WebSocket opens; a link that stays silent is dropped and tried again.
const helloLimitMillis = 15_000;

async function withHelloLimit(link: SocketLink): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void link.disconnect();
      reject(new Error(`no hello within ${helloLimitMillis} ms`));
    }, helloLimitMillis);
  });
  try {
    await Promise.race([link.start(), silent]);
  } finally {
    clearTimeout(timer);
  }
}

function abortableSleep(millis: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('stopped'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, millis);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('stopped'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
