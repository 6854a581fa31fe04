// `npm start`: load the configuration, start the bot, stop cleanly on SIGINT/SIGTERM.
// Configuration problems end with one clear line, never a stack trace.
import { ConfigError, loadConfig } from './config.ts';
import { MissingCredentialsError, startBot } from './app.ts';
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
  let bot;
  try {
    bot = await startBot({ config, logger });
  } catch (error) {
    if (error instanceof MissingCredentialsError) {
      console.error(`\n${error.message}\n`);
      process.exit(2);
    }
    logger.fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await bot.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main();
