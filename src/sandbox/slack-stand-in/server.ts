// A fake Slack Web API on 127.0.0.1 for tests and the sandbox (src/sandbox/): real HTTP so
// the real @slack/web-api WebClient (and Bolt) talk to it unchanged. It validates Block
// Kit like Slack, records every call, serves response URLs and upload URLs,
// and injects rate limits / server errors on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessages, fail, finishFault, sendJson, type Ctx, type Handler, type Reply } from './api-context.ts';
import { chatMethods } from './api-chat.ts';
import { miscMethods } from './api-misc.ts';
import { viewMethods } from './api-views.ts';
import { ChannelRateLimiter, FaultPlan, Stall, type ChannelRateOptions, type FaultDecision, type FaultOptions } from './faults.ts';
import { type Args, parseApiArgs, readBody } from './http-body.ts';
import { handleResponseUrl, handleUpload } from './side-routes.ts';
import { dmChannelFor, FakeState, type FakeFile, type FakeMessage, type FakeUserInput, type ResponseUrlTarget } from './state.ts';

export type { FakeFile, FakeMessage, FakeUserInput, ResponseUrlTarget } from './state.ts';
export type { ChannelRateOptions, FaultOptions, Stall } from './faults.ts';

export interface RecordedCall {
  /** Web API method name, or 'response_url' / 'file_upload' for those endpoints. */
  method: string;
  args: Record<string, any>;
  at: number;
  ok: boolean;
  error?: string;
  status: number;
  response: any;
  /** For 'response_url' calls: the URL that was posted to. */
  responseUrl?: string;
  /** Carried out, but the caller never saw the OK (see loseAnswers). */
  lostAnswer?: 'error' | 'hang';
}

export interface Rejection {
  method: string;
  error: string;
  violations: string[];
  args: Record<string, any>;
}

export interface Warning {
  method: string;
  message: string;
}

export interface FakeSlackOptions {
  botUserId?: string;
  teamId?: string;
  botId?: string;
  /** Seed for the fault PRNG; same seed, same faults. */
  seed?: number;
  /** Clock for the per-channel rate limiter (ms). */
  now?: () => number;
  /** Every Web API call is answered this long after it arrived (a slow Slack); default 0. */
  latencyMs?: number;
  /** Seconds of the first message timestamp (default 1700000000, so tests can predict them). */
  tsBaseSeconds?: number;
}

const HANDLERS: Record<string, Handler> = { ...chatMethods, ...viewMethods, ...miscMethods };
const VALID_TOKEN = /^xox[bp]-/;
// App-level tokens (Socket Mode) are good for apps.connections.open and nothing else.
const APP_TOKEN = /^xapp-/;
const APP_TOKEN_METHODS = new Set(['apps.connections.open']);

interface Waiter {
  predicate: (c: RecordedCall) => boolean;
  resolve: (c: RecordedCall) => void;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly rejections: Rejection[] = [];
  readonly warnings: Warning[] = [];
  readonly stats = { rateLimited: 0, faulted429: 0, faulted500: 0 };
  /** e.g. http://127.0.0.1:PORT/api/ — what WebClient's slackApiUrl takes. */
  readonly apiUrl: string;
  readonly baseUrl: string;
  readonly state: FakeState;
  private faults: FaultPlan | undefined;
  private lostAnswers: { method: string; count: number; mode: 'error' | 'hang'; channel?: string } | undefined;
  private readonly hanging = new Set<ServerResponse>();
  private channelRate: ChannelRateLimiter | undefined;
  private stalls: Stall[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly watchers = new Set<(call: RecordedCall) => void>();
  private readonly seed: number;
  private readonly now: () => number;
  private latencyMs: number;

  constructor(private readonly server: Server, options: FakeSlackOptions) {
    const { port } = server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api/`;
    this.seed = options.seed ?? 1;
    this.now = options.now ?? Date.now;
    this.latencyMs = options.latencyMs ?? 0;
    this.state = new FakeState({
      teamId: options.teamId ?? 'T0FAKE0001',
      botUserId: options.botUserId ?? 'U0FAKEBOT1',
      botId: options.botId ?? 'B0FAKEBOT1',
      appId: 'A0FAKEAPP1',
      teamDomain: 'fake-workspace',
    }, options.tsBaseSeconds);
  }

  get botUserId(): string {
    return this.state.ids.botUserId;
  }

  get teamId(): string {
    return this.state.ids.teamId;
  }

  /** A fresh response URL (up to 5 uses). With a target, replace_original/delete_original act on that message. */
  responseUrl(target: ResponseUrlTarget = {}): string {
    const id = this.state.nextId('R');
    this.state.responseUrls.set(id, { ...target, uses: 0 });
    return `${this.baseUrl}/response/${id}`;
  }

  setUser(id: string, user: FakeUserInput = {}): void {
    this.state.users.set(id, user);
  }

  setFaults(options: FaultOptions): void {
    this.faults = new FaultPlan(options, this.seed);
  }

  /**
   * The next `count` calls of `method` are carried out (a message really posted) but
   * their answer is lost: 'error' answers HTTP 500, 'hang' never answers. What a crash
   * or a network cut between Slack's OK and the caller looks like.
   */
  loseAnswers(method: string, count: number, mode: 'error' | 'hang' = 'error', channel?: string): void {
    this.lostAnswers = { method, count, mode, channel };
  }

  clearFaults(): void {
    this.faults = undefined;
    this.lostAnswers = undefined;
  }

  /**
   * A Slack that has not answered yet: matching Web API calls (all when no method is given)
   * wait until the returned stall is released. Its `arrived` lists the calls held so far.
   */
  stall(method?: string | RegExp): Stall {
    const stall = new Stall(method);
    this.stalls.push(stall);
    return stall;
  }

  /** Where apps.connections.open sends Socket Mode clients (a fresh URL per call); null turns it off. */
  serveSocketMode(nextUrl: (() => string) | null): void {
    this.state.socketModeUrl = nextUrl ?? undefined;
  }

  /** chat.postMessage/update/postEphemeral to this channel answer { ok: false, error }; null clears it. */
  setChannelError(channel: string, error: string | null): void {
    if (error === null) this.state.channelErrors.delete(channel);
    else this.state.channelErrors.set(channel, error);
  }

  /** From now on every Web API call is answered `ms` after it arrived (0: at once). Response URLs are not delayed. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Mimics chat.postMessage's per-channel limit with a token bucket; null turns it off. */
  enforceChannelRate(options: ChannelRateOptions | null): void {
    this.channelRate = options ? new ChannelRateLimiter(options, this.now) : undefined;
  }

  callsTo(method: string | RegExp): RecordedCall[] {
    return this.calls.filter((c) => (typeof method === 'string' ? c.method === method : method.test(c.method)));
  }

  /** A message a person wrote in a channel (what a message shortcut is used on); chat.getPermalink finds it. */
  postAsUser(channel: string, user: string, text: string): FakeMessage {
    const message: FakeMessage = { channel, ts: this.state.nextTs(), text, user, via: 'user', edits: 0 } as FakeMessage;
    this.state.messages.push(message);
    return message;
  }

  /** Current state of every message still present (posted, updated, ephemeral, response_url), oldest first. */
  messages(): FakeMessage[] {
    return this.state.liveMessages();
  }

  /** The newest message in the channel (a user id means the DM with that user) matching the predicate. */
  messageIn(channel: string, predicate: (m: FakeMessage) => boolean = () => true): FakeMessage | undefined {
    const id = dmChannelFor(channel);
    return this.messages().filter((m) => m.channel === id && predicate(m)).at(-1);
  }

  /** Modals currently open (every stack, root first), as Slack last returned them. */
  openViews(): Record<string, any>[] {
    return this.state.openModalIds().map((id) => this.state.views.get(id)!);
  }

  /** Closes a modal (and anything pushed on top of it), like the user pressing Close or a response_action clear. */
  closeView(viewId: string): void {
    this.state.closeView(viewId);
  }

  homeViewOf(userId: string): Record<string, any> | undefined {
    const id = this.state.homeViews.get(userId);
    return id ? this.state.views.get(id) : undefined;
  }

  /** Files completed with files.completeUploadExternal, with their uploaded bytes. */
  files(): FakeFile[] {
    return [...this.state.files.values()].filter((f) => f.completed);
  }

  waitFor(predicate: (c: RecordedCall) => boolean, timeoutMs = 2000): Promise<RecordedCall> {
    const existing = this.calls.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (c) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(c);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`fake Slack: no matching call within ${timeoutMs} ms. ${this.describeRecent()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  assertNoRejections(): void {
    if (this.rejections.length === 0) return;
    const lines = this.rejections.map((r) => `${r.method} -> ${r.error}\n    ${r.violations.join('\n    ')}`);
    throw new Error(`fake Slack rejected ${this.rejections.length} call(s):\n  ${lines.join('\n  ')}`);
  }

  /** Forgets calls, faults, rejections, warnings, messages, views and files; keeps users. */
  reset(): void {
    this.calls.length = 0;
    this.rejections.length = 0;
    this.warnings.length = 0;
    Object.assign(this.stats, { rateLimited: 0, faulted429: 0, faulted500: 0 });
    this.faults = undefined;
    this.channelRate = undefined;
    this.latencyMs = 0;
    for (const stall of this.stalls.splice(0)) stall.release();
    this.state.clear();
  }

  close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    return new Promise((resolve, reject) => {
      this.server.close((err) => (err ? reject(err) : resolve()));
      // WebClient's fetch keeps connections alive; without this close() waits for them to time out.
      this.server.closeAllConnections();
    });
  }

  /** Calls `watch` after every recorded call (the sandbox page is told of each change); returns the unsubscribe. */
  onCall(watch: (call: RecordedCall) => void): () => void {
    this.watchers.add(watch);
    return () => void this.watchers.delete(watch);
  }

  /** @internal */
  record(call: RecordedCall): void {
    this.calls.push(call);
    for (const watch of this.watchers) watch(call);
    for (const w of [...this.waiters]) {
      let hit = false;
      try {
        hit = w.predicate(call);
      } catch {
        // A predicate that throws on an unrelated call shape simply does not match it.
      }
      if (hit) w.resolve(call);
    }
  }

  /** @internal */
  context(method: string, args: Args): Ctx {
    return {
      state: this.state,
      method,
      args,
      baseUrl: this.baseUrl,
      reject: (error, violations) => {
        this.rejections.push({ method, error, violations, args });
        return fail(error, { response_metadata: { messages: errorMessages(violations) } });
      },
      warn: (message) => void this.warnings.push({ method, message }),
    };
  }

  /** @internal Injected faults come first: Slack's edge answers them before looking at the request. */
  fault(method: string): FaultDecision {
    const decision = this.faults?.decide(method);
    if (decision?.status === 429) this.stats.faulted429++;
    if (decision?.status === 500) this.stats.faulted500++;
    return decision;
  }

  private describeRecent(): string {
    if (this.calls.length === 0) return 'No calls were made at all.';
    const recent = this.calls.slice(-10).map((c) => {
      const args = JSON.stringify(c.args, (k, v) => (k === 'token' ? undefined : v)) ?? '';
      return `  ${c.method} -> ${c.ok ? 'ok' : c.error} (HTTP ${c.status}) ${args.length > 200 ? `${args.slice(0, 200)}…` : args}`;
    });
    return `Last ${recent.length} of ${this.calls.length} calls:\n${recent.join('\n')}`;
  }

  /** @internal */
  async handleApi(req: IncomingMessage, res: ServerResponse, method: string, raw: Buffer, query: URLSearchParams): Promise<void> {
    const at = Date.now();
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    let args: Args = {};
    const finish = (status: number, body: Reply, headers: Record<string, string> = {}): void => {
      this.record({ method, args, at, ok: body.ok === true, error: body.error, status, response: body });
      sendJson(res, status, body, headers);
    };
    try {
      args = await parseApiArgs(req, raw, query);
    } catch {
      return finish(200, fail('invalid_json'));
    }
    for (const stall of this.stalls) if (stall.matches(method)) await stall.hold(method);
    const injected = this.fault(method);
    if (injected) return finishFault(injected, finish);
    const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? args.token;
    if (!auth) return finish(200, fail('not_authed'));
    if (typeof auth !== 'string' || !(VALID_TOKEN.test(auth) || APP_TOKEN.test(auth))) return finish(200, fail('invalid_auth'));
    if (APP_TOKEN.test(auth) !== APP_TOKEN_METHODS.has(method)) return finish(200, fail('not_allowed_token_type'));
    const handler = HANDLERS[method];
    if (!handler) return finish(200, fail('unknown_method'));
    if (method === 'chat.postMessage' && this.channelRate && typeof args.channel === 'string') {
      if (!this.channelRate.take(dmChannelFor(args.channel))) {
        this.stats.rateLimited++;
        return finish(429, fail('ratelimited'), { 'retry-after': '1' });
      }
    }
    const reply = handler(this.context(method, args));
    const lost = this.lostAnswers;
    if (lost && lost.method === method && lost.count > 0 && reply.ok === true && (!lost.channel || lost.channel === args.channel)) {
      lost.count--;
      this.record({ method, args, at, ok: true, status: 200, response: reply, lostAnswer: lost.mode });
      if (lost.mode === 'hang') this.hanging.add(res);
      else sendJson(res, 500, { ok: false, error: 'fake_lost_answer' });
      return;
    }
    finish(200, reply);
  }
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  let fake: FakeSlack | undefined;
  const server = createServer((req, res) => {
    void route(fake!, req, res).catch((err: unknown) => {
      // A bug in the fake must not look like a Slack answer the app could handle.
      fake!.warnings.push({ method: 'fake-slack', message: `internal error: ${String(err)}` });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: `fake_slack_internal_error: ${String(err)}` });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  fake = new FakeSlack(server, options);
  return fake;
}

async function route(fake: FakeSlack, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', fake.baseUrl);
  const raw = await readBody(req);
  const [, kind, id] = /^\/(api|response|upload)\/([^/]+)$/.exec(url.pathname) ?? [];
  if (kind === 'api') return fake.handleApi(req, res, decodeURIComponent(id!), raw, url.searchParams);
  if (kind === 'response' && req.method === 'POST') return handleResponseUrl(fake, req, res, id!, raw);
  if (kind === 'upload' && (req.method === 'POST' || req.method === 'PUT')) return handleUpload(fake, req, res, id!, raw);
  sendJson(res, 404, { ok: false, error: 'not_found' });
}
