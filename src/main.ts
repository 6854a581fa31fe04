// `npm start`: load the configuration, start the bot, stop cleanly on SIGINT/SIGTERM.
// SIGTERM (an orchestrator's stop) turns /readyz 503 for SHUTDOWN_DRAIN_MS while
// everything is still served, lets requests in flight finish, then stops; SIGINT (Ctrl-C)
// skips the drain. A signal during start-up ends the start. Configuration problems end
// with one clear line, never a stack trace. Without Slack credentials (or with
// `--sandbox`, what `npm run sandbox` passes) the bot runs against the local sandbox
// (src/sandbox/) instead of exiting — never with NODE_ENV=production, where missing
// credentials still stop the start with exit code 2.
import { ConfigError, loadConfig, missingSlackCredentials } from './config.ts';
import { MissingCredentialsError, startBot } from './app.ts';
import { createLogger } from './logger.ts';
import { startSandbox } from './sandbox/start-sandbox.ts';

type Running = { stop(options?: { drainMillis?: number }): Promise<void> };

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const starting = new AbortController();
  let bot: Running | undefined;
  let stopping = false;
  const stop = async (signal: 'SIGINT' | 'SIGTERM') => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    if (!bot) return starting.abort(new Error(`${signal} during start-up`));
    try {
      await bot.stop({ drainMillis: signal === 'SIGTERM' ? config.shutdownDrainMillis : 0 });
    } catch (error) {
      logger.error({ err: error }, 'the stop did not finish cleanly');
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const production = process.env.NODE_ENV === 'production';
  const sandbox = process.argv.includes('--sandbox') || (!production && missingSlackCredentials(config).length > 0);
  if (sandbox && production) {
    console.error('The sandbox is never served with NODE_ENV=production; set the Slack credentials (see README, "Creating the Slack app").');
    process.exit(2);
  }
  try {
    if (sandbox) {
      const running = await startSandbox({ config, logger, signal: starting.signal });
      bot = running;
      console.log(`Sandbox: no Slack here — try the bot in your browser at ${running.url} (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect to Slack).`);
    } else {
      bot = await startBot({ config, logger, signal: starting.signal });
    }
  } catch (error) {
    if (starting.signal.aborted) process.exit(0);
    if (error instanceof MissingCredentialsError) {
      console.error(`\n${error.message}\n`);
      process.exit(2);
    }
    logger.fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  // A signal that came while the last step of the start was finishing.
  if (stopping) {
    await bot.stop();
    process.exit(0);
  }
}

void main();
