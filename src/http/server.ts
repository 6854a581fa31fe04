// The bot's one HTTP server: Slack's requests on /slack/events (handed to Bolt's
// receiver once the database is ready), /healthz and /readyz for load balancers,
// /metrics, and the API routes. It starts before the database so the probes can answer
// during start-up, and every route the bot will serve answers 503 "starting" until it
// is mounted, never 404. It counts the requests in flight so a stop can let them finish.
// Idle keep-alive connections are held longer than a load balancer's idle timeout (AWS
// ALB: 60 s), so the balancer never reuses one the bot has just closed (its 502s), and a
// burst after a quiet minute seldom waits for new connections, which Node accepts one per
// event-loop turn.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export type Routes = Map<string, RouteHandler>; // key: "METHOD /path"

export type HttpServer = {
  server: Server;
  listen(port: number): Promise<number>;
  /** Requests whose handler or response is still running. */
  inFlight(): number;
  /** Resolves once nothing is in flight, or after `limitMillis` (false then). */
  settled(limitMillis: number): Promise<boolean>;
  /** Stops accepting connections; open ones are cut after `limitMillis`. */
  close(limitMillis?: number): Promise<void>;
};

export type HttpServerOptions = {
  /** How long an idle keep-alive connection is held open. */
  keepAliveMillis: number;
};

export function createHttpServer(routes: Routes, onError: (error: unknown) => void, options: HttpServerOptions): HttpServer {
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];
  const finished = () => {
    inFlight--;
    if (inFlight === 0) for (const wake of idleWaiters.splice(0)) wake();
  };

  // Headers may take a little longer than the keep-alive (Node's advice, so a request
  // arriving as the connection goes idle is not cut); Node wants requestTimeout ≥ it.
  const headersTimeout = options.keepAliveMillis + 1000;
  const timeouts = { keepAliveTimeout: options.keepAliveMillis, headersTimeout, requestTimeout: Math.max(300_000, headersTimeout) };
  const server = createServer(timeouts, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const handler = routes.get(`${req.method} ${path}`);
    if (!handler) return sendJson(res, 404, { ok: false, error: 'not_found' });
    inFlight++;
    // A request is over when its handler has returned (work after the answer, such as a
    // ticket announcement, counts) and its response is sent or abandoned.
    const responded = new Promise<void>((resolve) => res.once('close', resolve));
    const handled = Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        onError(error);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error' });
      });
    void Promise.all([responded, handled]).finally(finished);
  });

  return {
    server,
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, () => resolve((server.address() as AddressInfo).port));
      }),
    inFlight: () => inFlight,
    settled: (limitMillis) =>
      inFlight === 0
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => {
              idleWaiters = idleWaiters.filter((wake) => wake !== done);
              resolve(false);
            }, limitMillis);
            const done = () => {
              clearTimeout(timer);
              resolve(true);
            };
            idleWaiters.push(done);
          }),
    close: (limitMillis = 0) =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        const cut = setTimeout(() => server.closeAllConnections(), limitMillis);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/** Answers 503 with Retry-After: for a route the bot serves but has not mounted yet. */
export const notYetServing: RouteHandler = (req, res) => {
  req.resume();
  res.setHeader('retry-after', '1');
  sendJson(res, 503, { ok: false, error: 'starting' });
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
