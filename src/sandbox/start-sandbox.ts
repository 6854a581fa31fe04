// The sandbox: the real bot, started as always, with Slack replaced by the in-process
// stand-in (src/sandbox/slack-stand-in/, the same one the tests use). The bot's Web API
// calls go to the stand-in; the page's clicks become signed requests into the bot's real
// receiver, exactly as Slack sends them. The page is served on the bot's own port at
// /sandbox. Never in production: main.ts refuses before anything starts.
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { startBot, type RunningBot } from '../app.ts';
import type { Config } from '../config.ts';
import type { Routes } from '../http/server.ts';
import type { Logger } from '../logger.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { offsetClock } from './offset-clock.ts';
import { sandboxRoutes } from './sandbox-routes.ts';
import { startFakeSlack } from './slack-stand-in/server.ts';
import { createSlackDriver } from './slack-stand-in/slack-requests.ts';
import { restoreWorkspace, workspaceSaver } from './workspace-snapshot.ts';

export type RunningSandbox = { bot: RunningBot; url: string; stop(options?: { drainMillis?: number }): Promise<void> };

/** The bot token the stand-in accepts; it never leaves this process. */
const sandboxBotToken = 'xoxb-sandbox-stand-in';

/**
 * Where the workspace is kept between runs: beside the embedded database's folder, or (on
 * DATABASE_URL) in .data/ under a name of that database's, so two databases never share one.
 */
export function workspaceFileFor(config: Config): string {
  if (!config.databaseUrl) return path.join(path.dirname(path.resolve(PROJECT_ROOT, config.embeddedPostgres.dataDir)), 'sandbox-workspace.json');
  const database = createHash('sha256').update(config.databaseUrl).digest('hex').slice(0, 12);
  return path.join(PROJECT_ROOT, '.data', `sandbox-workspace-${database}.json`);
}

export async function startSandbox(options: {
  config: Config;
  logger: Logger;
  signal?: AbortSignal;
  /** null: nothing kept between runs (tests); default: workspaceFileFor(config). */
  workspaceFile?: string | null;
}): Promise<RunningSandbox> {
  // Timestamps from the start time on: a message of an earlier run is never confused with a new one.
  const slack = await startFakeSlack({ tsBaseSeconds: Math.floor(Date.now() / 1000) });
  const workspaceFile = options.workspaceFile === undefined ? workspaceFileFor(options.config) : options.workspaceFile;
  if (workspaceFile) restoreWorkspace(slack.state, workspaceFile, options.logger);
  const saver = workspaceFile ? workspaceSaver(slack.state, workspaceFile, options.logger) : undefined;
  const signingSecret = randomBytes(24).toString('hex');
  const clock = offsetClock();
  const routes: Routes = new Map();
  const config: Config = {
    ...options.config,
    slack: { ...options.config.slack, botToken: sandboxBotToken, signingSecret, appToken: undefined, apiUrl: slack.apiUrl },
  };
  let bot: RunningBot;
  try {
    bot = await startBot({ config, clock, logger: options.logger, signal: options.signal, routes });
  } catch (error) {
    await slack.close();
    throw error;
  }
  const driver = createSlackDriver({
    baseUrl: `http://127.0.0.1:${bot.port}`,
    signingSecret,
    teamId: slack.teamId,
    botUserId: slack.botUserId,
    // The bot drops an event id it has seen (Slack's retries), and the database outlives this run.
    eventIdPrefix: Date.now().toString(36).toUpperCase(),
  });
  const page = sandboxRoutes({ bot, slack, driver, clock, botToken: sandboxBotToken, onChange: () => saver?.changed() });
  for (const [route, handler] of page.routes) routes.set(route, handler);
  return {
    bot,
    url: `http://localhost:${bot.port}/sandbox`,
    async stop(stopOptions) {
      // Open event streams would otherwise count as requests in flight until the stop's limit.
      page.closeStreams();
      await bot.stop(stopOptions);
      await saver?.flush();
      await slack.close();
    },
  };
}
