// A fake of Slack's Socket Mode side on 127.0.0.1: apps.connections.open (served by the
// fake Web API) hands out a fresh ws:// URL per call; each WebSocket gets `hello`, then
// whatever envelopes the test sends, and reports their acks by envelope_id. Like Slack,
// it sends each envelope on one open connection, preferring those it has not asked to
// refresh, and `disconnect` asks a connection to go away. It also watches the one thing
// a refresh must never cause: a moment with no connection open at all.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SlackResponse } from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import type { FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface SocketConnection {
  id: number;
  socket: WebSocket;
  /** Slack sent `disconnect` on it. */
  refreshRequested: boolean;
  closed: boolean;
  /** Envelope ids sent on it. */
  envelopes: string[];
}

export interface Ack {
  envelopeId: string;
  connectionId: number;
  payload: any;
}

export class FakeSocketMode {
  readonly connections: SocketConnection[] = [];
  readonly acks = new Map<string, Ack>();
  /** Envelopes that found no open connection (Slack would have failed them). */
  readonly undelivered: string[] = [];
  /** Times the last open connection closed while the bot was meant to be connected. */
  gaps = 0;
  private readonly events = new EventEmitter();
  private serving = true;
  private nextId = 0;

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (socket, req) => this.accept(socket, Number(/\/link\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0)));
  }

  static async start(slack: FakeSlack): Promise<FakeSocketMode> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const fake = new FakeSocketMode(server);
    const { port } = server.address() as AddressInfo;
    slack.serveSocketMode(() => `ws://127.0.0.1:${port}/link/${++fake.nextId}?ticket=${randomUUID()}`);
    return fake;
  }

  open(): SocketConnection[] {
    return this.connections.filter((c) => !c.closed);
  }

  /** Sends an envelope on a connection (Slack's choice); resolves with the bot's ack. */
  deliver(type: EnvelopeType, payload: object): Promise<Ack> {
    const envelopeId = randomUUID();
    const target = this.open().sort((a, b) => Number(a.refreshRequested) - Number(b.refreshRequested) || b.id - a.id)[0];
    if (!target) {
      this.undelivered.push(envelopeId);
      return Promise.reject(new Error(`fake Socket Mode: no open connection for ${type} envelope`));
    }
    target.envelopes.push(envelopeId);
    const acked = this.waitFor(() => this.acks.get(envelopeId), `ack of ${type} envelope ${envelopeId}`);
    target.socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
      }),
    );
    return acked;
  }

  /** What a slack driver's `envelopes` option takes: the ack's payload as the response body. */
  readonly transport = async (type: EnvelopeType, payload: object): Promise<SlackResponse> => {
    const ack = await this.deliver(type, payload);
    return { status: 200, text: JSON.stringify(ack.payload ?? {}), json: ack.payload ?? {} };
  };

  /** Slack's periodic refresh: asks a connection to go away (the newest open one by default). */
  requestRefresh(connection = this.open().at(-1)!, reason = 'refresh_requested'): SocketConnection {
    connection.refreshRequested = true;
    connection.socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-socket-mode' } }));
    return connection;
  }

  /** Resolves with the condition's first truthy value, checked now and after every event. */
  waitFor<T>(condition: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const now = condition();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = condition();
        if (!value) return;
        clearTimeout(timer);
        this.events.off('change', check);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.events.off('change', check);
        reject(new Error(`fake Socket Mode: no ${what} within ${timeoutMs} ms (connections: ${this.describe()})`));
      }, timeoutMs);
      this.events.on('change', check);
    });
  }

  describe(): string {
    return this.connections.map((c) => `#${c.id}${c.closed ? ' closed' : ' open'}${c.refreshRequested ? ' refresh-requested' : ''}`).join(', ') || 'none';
  }

  async close(): Promise<void> {
    this.serving = false;
    for (const c of this.open()) c.socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, id: number): void {
    const connection: SocketConnection = { id, socket, refreshRequested: false, closed: false, envelopes: [] };
    this.connections.push(connection);
    socket.on('message', (data) => {
      let message: any;
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (typeof message?.envelope_id === 'string') {
        this.acks.set(message.envelope_id, { envelopeId: message.envelope_id, connectionId: id, payload: message.payload });
        this.events.emit('change');
      }
    });
    socket.on('close', () => {
      connection.closed = true;
      if (this.serving && this.open().length === 0) this.gaps++;
      this.events.emit('change');
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: this.open().length, debug_info: { host: 'fake-socket-mode' }, connection_info: { app_id: 'A0FAKEAPP1' } }));
    this.events.emit('change');
  }
}
