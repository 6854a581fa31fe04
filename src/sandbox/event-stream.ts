// Server-sent events to every open sandbox page: "something changed, fetch again". Changes
// come in bursts (a claim is a chat.update, a thread reply and a DM), so one event goes
// out per 30 ms at most.
import type { ServerResponse } from 'node:http';
import type { RouteHandler } from '../http/server.ts';

const coalesceMillis = 30;
const heartbeatMillis = 15_000;

export function eventStream(): { route: RouteHandler; notify(): void; close(): void } {
  const streams = new Set<ServerResponse>();
  let pending: NodeJS.Timeout | undefined;
  return {
    route(req, res) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': sandbox\n\n');
      streams.add(res);
      // Keeps proxies and the browser from dropping a quiet stream.
      const beat = setInterval(() => res.write(': beat\n\n'), heartbeatMillis);
      req.on('close', () => {
        clearInterval(beat);
        streams.delete(res);
      });
    },
    notify() {
      pending ??= setTimeout(() => {
        pending = undefined;
        for (const stream of streams) stream.write(`data: ${JSON.stringify({ at: Date.now() })}\n\n`);
      }, coalesceMillis);
    },
    close() {
      clearTimeout(pending);
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
