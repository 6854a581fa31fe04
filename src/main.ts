// `npm start`: load the configuration, start the bot, stop cleanly on SIGINT/SIGTERM.
// SIGTERM (an orchestrator's stop) turns /readyz 503 for SHUTDOWN_DRAIN_MS while
// everything is still served, lets requests in flight finish, then stops; SIGINT (Ctrl-C)
// skips the drain. A signal during start-up ends the start. Configuration problems end
// with one clear line, never a stack trace.
import { ConfigError, loadConfig } from './config.ts';
import { MissingCredentialsError, startBot, type RunningBot } from './app.ts';
import { createLogger } from './logger.ts';

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
  let bot: RunningBot | undefined;
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

  try {
    bot = await startBot({ config, logger, signal: starting.signal });
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
