// Restarts a test bot on the same database and fake Slack, as a deploy or a crash would:
// whatever was promised (timers, stamps) must survive in Postgres.
import { startBot } from '../../src/app.ts';
import { createSlackDriver } from '../../src/sandbox/slack-stand-in/slack-requests.ts';
import type { TestBot } from './test-bot.ts';
import { testConfig, testSigningSecret } from './test-config.ts';

export async function restartTestBot(t: TestBot, env?: Record<string, string>): Promise<void> {
  await t.bot.stop();
  const bot = await startBot({ config: testConfig({ databaseUrl: t.databaseUrl, slackApiUrl: t.slack.apiUrl, env }), clock: t.clock, startJobs: false });
  const stopTheRest = t.stop;
  t.bot = bot;
  t.baseUrl = `http://127.0.0.1:${bot.port}`;
  t.driver = createSlackDriver({ baseUrl: t.baseUrl, signingSecret: testSigningSecret });
  t.stop = async () => {
    await bot.stop();
    await stopTheRest();
  };
}
