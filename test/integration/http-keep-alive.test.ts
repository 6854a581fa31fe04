// The bot's HTTP server holds idle keep-alive connections longer than a load balancer's
// idle timeout, tells clients so, and a stop still does not wait for idle connections.
import { Agent, request, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, sendJson, type HttpServer } from '../../src/http/server.ts';

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function get(port: number, agent: Agent): Promise<{ response: IncomingMessage; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/ping', agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ response, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP keep-alive', () => {
  it('holds an idle connection for the configured time, says so, and reuses it', async () => {
    server = createHttpServer(new Map([['GET /ping', (_req, res) => sendJson(res, 200, { ok: true })]]), () => {}, { keepAliveMillis: 65_000 });
    const port = await server.listen(0);
    expect(server.server.keepAliveTimeout).toBe(65_000);
    expect(server.server.headersTimeout).toBeGreaterThan(65_000);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(port, agent);
      expect(first.response.headers['keep-alive']).toBe('timeout=65');
      expect(first.reused).toBe(false);
      expect((await get(port, agent)).reused).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('a stop closes idle keep-alive connections instead of waiting out their minute', async () => {
    server = createHttpServer(new Map([['GET /ping', (_req, res) => sendJson(res, 200, { ok: true })]]), () => {}, { keepAliveMillis: 65_000 });
    const port = await server.listen(0);
    const agent = new Agent({ keepAlive: true });
    try {
      await get(port, agent);
      // The idle connection is still open; a close that waited for it (or for its cut-off)
      // would outlast the test's timeout.
      await server.close(60_000);
      expect(server.server.listening).toBe(false);
    } finally {
      agent.destroy();
    }
  });
});
