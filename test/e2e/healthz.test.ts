// /healthz says the process is alive from the first moment; /readyz answers 503 while
// the database is unreachable and 200 once it answers and the bot is up.
// The database "comes up" when a TCP relay in front of the test database starts listening.
import { createServer, connect, type Server } from 'node:net';
import { freePort } from '../support/free-port.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/app.ts';
import { startFakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { createTestDatabase } from '../support/database.ts';
import { testConfig } from '../support/test-config.ts';

function relay(target: URL): Server {
  return createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
}

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('GET /healthz and /readyz', () => {
  it('/healthz is 200 at once; /readyz goes from 503 to 200 as the database comes up', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const slack = await startFakeSlack();
    cleanups.push(() => slack.close());
    const target = new URL(database.url);
    const [relayPort, httpPort] = [await freePort(), await freePort()];
    const relayedUrl = new URL(database.url);
    relayedUrl.port = String(relayPort);
    const config = testConfig({ databaseUrl: relayedUrl.toString(), slackApiUrl: slack.apiUrl, env: { PORT: String(httpPort) } });

    const starting = startBot({ config, startJobs: false });
    const probe = (path: string) => fetch(`http://127.0.0.1:${httpPort}${path}`).then(async (r) => ({ status: r.status, body: await r.json() }));
    // The server listens before the database is opened; wait until it answers at all.
    let alive: { status: number; body: any } | undefined;
    for (let i = 0; i < 50 && !alive; i++) alive = await probe('/healthz').catch(() => undefined);
    expect(alive).toEqual({ status: 200, body: { ok: true, phase: 'starting' } });
    expect(await probe('/readyz')).toEqual({ status: 503, body: { ok: false, phase: 'starting', checks: { database: 'starting' } } });
    // Routes the bot will serve say "starting", not 404.
    expect((await fetch(`http://127.0.0.1:${httpPort}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(503);

    const server = relay(target);
    await new Promise<void>((resolve) => server.listen(relayPort, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const bot: RunningBot = await starting;
    cleanups.push(() => bot.stop());
    expect(await probe('/readyz')).toEqual({ status: 200, body: { ok: true, phase: 'serving', checks: { database: 'up', sweep: 'off', slack: 'mounted' } } });
    expect(await probe('/healthz')).toEqual({ status: 200, body: { ok: true, phase: 'serving' } });
  });
});
