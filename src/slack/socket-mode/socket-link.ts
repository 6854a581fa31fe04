// One Socket Mode WebSocket. @slack/socket-mode's client does the connection work
// (apps.connections.open, the hello handshake, ping/pong liveness, acks on its own
// socket), but on Slack's `disconnect` message it closes at once and reconnects only
// after clientPingTimeout (~5 s): whatever Slack sends meanwhile is lost. A link
// instead reports `refresh_requested` and stays open, so the receiver can open the next
// link first and close this one once that is up. It never reconnects itself.
import { SocketModeClient, type Logger } from '@slack/socket-mode';

export type SocketLinkOptions = { appToken: string; apiUrl: string; logger: Logger };

export class SocketLink extends SocketModeClient {
  /** Envelopes received on this link and not yet acknowledged. */
  pending = 0;
  /** Slack said hello and the socket has not closed since. */
  connected = false;
  /** Slack said hello at some point (a link that never got that far is a failed attempt, not a drop). */
  everConnected = false;

  constructor(options: SocketLinkOptions) {
    super({
      appToken: options.appToken,
      logger: options.logger,
      autoReconnectEnabled: false,
      // Only the receiver retries (with its own backoff); the client's default is 100 tries.
      clientOptions: { slackApiUrl: options.apiUrl, retryConfig: { retries: 0 }, timeout: 10_000 },
    });
    this.once('connected', () => {
      this.connected = true;
      this.everConnected = true;
    });
    this.once('disconnected', () => (this.connected = false));
  }

  protected override async onWebSocketMessage(data: string | ArrayBuffer, isBinary: boolean): Promise<void> {
    if (!isBinary) {
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
      if (text.includes('"disconnect"')) {
        const message = parse(text);
        if (message?.type === 'disconnect') {
          this.emit('refresh_requested', String(message.reason ?? 'unknown'));
          return;
        }
      }
    }
    return super.onWebSocketMessage(data, isBinary);
  }
}

function parse(text: string): { type?: unknown; reason?: unknown } | undefined {
  try {
    return JSON.parse(text) as { type?: unknown; reason?: unknown };
  } catch {
    return undefined;
  }
}
