// /healthz answers 503 while the database is unreachable and 200 once it answers.
// The database "comes up" when a TCP relay in front of the test database starts listening.
import { createServer, connect, type Server } from 'node:net';
import { freePort } from '../support/free-port.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/app.ts';
import { startFakeSlack } from '../fake-slack/server.ts';
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

describe('GET /healthz', () => {
  it('goes from 503 to 200 as the database comes up', async () => {
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
    const health = () => fetch(`http://127.0.0.1:${httpPort}/healthz`).then(async (r) => ({ status: r.status, body: await r.json() }));
    let before: { status: number; body: unknown } | undefined;
    for (let i = 0; i < 50 && !before; i++) before = await health().catch(() => undefined);
    expect(before).toEqual({ status: 503, body: { ok: false, database: 'down' } });

    const server = relay(target);
    await new Promise<void>((resolve) => server.listen(relayPort, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const bot: RunningBot = await starting;
    cleanups.push(() => bot.stop());
    expect(await health()).toEqual({ status: 200, body: { ok: true, database: 'up' } });
  });
});
