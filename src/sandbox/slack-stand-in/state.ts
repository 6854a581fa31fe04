// What the fake Slack remembers between calls: users, messages, views,
// files, response URLs. Ids and timestamps come from counters so runs are
// reproducible.

export interface FakeUserInput {
  locale?: string;
  tz?: string;
  /** Real name shown in Slack; also the basis of the handle. */
  name?: string;
  email?: string;
  isBot?: boolean;
  deleted?: boolean;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: any[];
  attachments?: any[];
  thread_ts?: string;
  metadata?: any;
  /** Set for chat.postEphemeral and ephemeral response_url replies: the only user who sees it. */
  ephemeralTo?: string;
  /** File ids shared with the message (files.completeUploadExternal with channel_id). */
  files?: string[];
  via: string;
  /** Who wrote it, when a person did (a message typed in the sandbox page); unset: the bot. */
  user?: string;
  /** How many times chat.update / replace_original changed it. */
  edits: number;
}

export interface FakeFile {
  id: string;
  filename: string;
  title?: string;
  /** Length announced to files.getUploadURLExternal. */
  length: number;
  content?: Buffer;
  alt_text?: string;
  channel_id?: string;
  initial_comment?: string;
  thread_ts?: string;
  completed: boolean;
}

export interface ResponseUrlTarget {
  /** Where in_channel replies land and which message replace_original/delete_original act on. */
  channel?: string;
  messageTs?: string;
  userId?: string;
}

export interface ResponseUrlState extends ResponseUrlTarget {
  uses: number;
}

export const TS_BASE_SECONDS = 1_700_000_000;

export class FakeState {
  readonly users = new Map<string, FakeUserInput>();
  /** Set by FakeSlack.serveSocketMode: the WebSocket URL apps.connections.open hands out. */
  socketModeUrl: (() => string) | undefined;
  messages: FakeMessage[] = [];
  deleted = new Set<FakeMessage>();
  /** Every view Slack would know about, modal or home, by id. */
  views = new Map<string, Record<string, any>>();
  /** Modal stacks (root first); views.push adds to the newest stack. */
  stacks: string[][] = [];
  homeViews = new Map<string, string>();
  files = new Map<string, FakeFile>();
  usedTriggers = new Set<string>();
  responseUrls = new Map<string, ResponseUrlState>();
  channelErrors = new Map<string, string>();
  private counter = 0;

  constructor(
    readonly ids: { teamId: string; botUserId: string; botId: string; appId: string; teamDomain: string },
    /** Seconds of the first message timestamp; the sandbox starts from its start time so runs never reuse a ts. */
    private readonly tsBaseSeconds = TS_BASE_SECONDS,
  ) {}

  /** Where the id and timestamp counter stands (the sandbox saves it with the workspace). */
  counterValue(): number {
    return this.counter;
  }

  /** Continues the counter from a saved workspace, so no id or timestamp is handed out twice. */
  resumeCounter(value: number): void {
    this.counter = Math.max(this.counter, value);
  }

  clear(): void {
    this.messages = [];
    this.deleted = new Set();
    this.views = new Map();
    this.stacks = [];
    this.homeViews = new Map();
    this.files = new Map();
    this.usedTriggers = new Set();
    this.responseUrls = new Map();
    this.channelErrors = new Map();
  }

  /** Strictly increasing, like Slack's message timestamps: 1700000000.000100, 1700000000.000200, ... */
  nextTs(): string {
    const n = ++this.counter;
    return `${this.tsBaseSeconds + Math.floor(n / 10_000)}.${String((n % 10_000) * 100).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    return `${prefix}${String(++this.counter).padStart(10, '0')}`;
  }

  findMessage(channel: string, ts: string): FakeMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.ephemeralTo && !this.deleted.has(m));
  }

  liveMessages(): FakeMessage[] {
    return this.messages.filter((m) => !this.deleted.has(m));
  }

  openModalIds(): string[] {
    return this.stacks.flat();
  }

  closeView(viewId: string): void {
    for (const stack of this.stacks) {
      const i = stack.indexOf(viewId);
      if (i >= 0) stack.splice(i);
    }
    this.stacks = this.stacks.filter((s) => s.length > 0);
  }
}

/**
 * Slack addresses a DM by its IM channel but accepts a user id on chat.postMessage. The fake's IM id is
 * 'D' + user id (U123 -> DU123), the same id conversations.open answers, so tests can predict it.
 */
export function dmChannelFor(channel: string): string {
  return isUserId(channel) ? `D${channel}` : channel;
}

export function isUserId(id: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(id);
}
