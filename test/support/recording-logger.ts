// A logger that keeps what the bot logs, for tests that must see a decision the bot
// made (e.g. "this delivery is a repeat") rather than wait to see nothing happen.
import { pino } from 'pino';
import type { Logger } from '../../src/logger.ts';

export type LogLine = { level: number; msg: string; [key: string]: unknown };

export function recordingLogger(level = 'info'): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  // pino writes each line synchronously to a stream with write().
  const logger = pino({ level, base: undefined }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { logger, lines };
}
