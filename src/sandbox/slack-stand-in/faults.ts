// Injected failures: HTTP 429/500 faults drawn from a seeded PRNG (so a
// failing test replays the same sequence), a per-channel token bucket that
// mimics chat.postMessage's ~1 message/second/channel limit, and stalls: a Slack
// that answers matching calls only when the test says so (as slow as needed,
// without a test ever depending on a duration).

export interface FaultOptions {
  /** Which recorded method names are affected (e.g. 'chat.postMessage', /^views\./, 'response_url'); all when absent. */
  method?: string | RegExp;
  /** Share (0..1) of matching calls answered HTTP 429. */
  rate429?: number;
  /** Retry-After header on injected 429s; default 1. 0 lets a retrying WebClient retry without waiting. */
  retryAfterSeconds?: number;
  /** Share (0..1) of matching calls answered HTTP 500 (drawn after the 429 share). */
  rate500?: number;
  /**
   * Fail exactly the next `count` matching calls instead of a random share: with HTTP 500 when only
   * rate500 is given, otherwise with HTTP 429.
   */
  count?: number;
  /** Reseeds the PRNG for this fault plan. */
  seed?: number;
}

export type FaultDecision = { status: 429; retryAfter: number } | { status: 500 } | undefined;

/** mulberry32: tiny, fast, and good enough to spread faults evenly. */
export function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultPlan {
  private remaining: number | undefined;
  private readonly random: () => number;

  constructor(private readonly options: FaultOptions, seed: number) {
    this.random = createPrng(options.seed ?? seed);
    this.remaining = options.count;
  }

  decide(method: string): FaultDecision {
    const { method: match, rate429 = 0, rate500 = 0, retryAfterSeconds = 1 } = this.options;
    if (match !== undefined && !(typeof match === 'string' ? match === method : match.test(method))) return undefined;
    const as429 = { status: 429, retryAfter: retryAfterSeconds } as const;
    if (this.remaining !== undefined) {
      if (this.remaining <= 0) return undefined;
      this.remaining--;
      return this.options.rate500 !== undefined && this.options.rate429 === undefined ? { status: 500 } : as429;
    }
    const r = this.random();
    if (r < rate429) return as429;
    if (r < rate429 + rate500) return { status: 500 };
    return undefined;
  }
}

export interface ChannelRateOptions {
  perSecond: number;
  burst?: number;
}

export class ChannelRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: ChannelRateOptions, private readonly now: () => number) {}

  /** Takes one token for the channel; false when the channel is over its allowance. */
  take(channel: string): boolean {
    const burst = this.options.burst ?? 1;
    const now = this.now();
    const bucket = this.buckets.get(channel) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * this.options.perSecond);
    bucket.at = now;
    this.buckets.set(channel, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/** Holds matching Web API calls unanswered until release(); `arrived` lists them in order. */
export class Stall {
  readonly arrived: string[] = [];
  private readonly waiters: { method: string; resolve: () => void }[] = [];
  private open!: () => void;
  private readonly opened = new Promise<void>((resolve) => (this.open = resolve));

  constructor(private readonly method: string | RegExp | undefined) {}

  matches(method: string): boolean {
    const m = this.method;
    return m === undefined || (typeof m === 'string' ? m === method : m.test(method));
  }

  /** Resolves when the call may be answered. */
  hold(method: string): Promise<void> {
    this.arrived.push(method);
    for (const waiter of this.waiters.filter((w) => w.method === method)) waiter.resolve();
    return this.opened;
  }

  /** Resolves once a call to `method` is being held. */
  arrival(method: string): Promise<void> {
    if (this.arrived.includes(method)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ method, resolve }));
  }

  release(): void {
    this.open();
  }
}
