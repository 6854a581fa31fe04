// One zod schema over the environment, parsed once at start-up. A wrong value stops
// the bot with one line naming the variable; missing Slack credentials get a longer,
// friendly explanation (see describeMissingCredentials) because that is what every
// new user hits first.
import 'dotenv/config';
import { z } from 'zod';
import { isValidTimezone } from './domain/timezone.ts';

const slackIdList = z
  .string()
  .default('')
  .transform((raw) => raw.split(',').map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'each id must look like U0123ABCD')));

const timezone = z.string().refine(isValidTimezone, 'must be an IANA time zone such as Asia/Shanghai');

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const minutes = (fallback: number) => z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(7 * 24 * 60).default(fallback));
const minutesList = (fallback: string) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default(fallback)
      .transform((raw) => raw.split(',').map((part) => part.trim()).filter(Boolean).map(Number))
      .pipe(z.array(z.number().int('must be whole minutes, e.g. 30,10').min(1).max(24 * 60))),
  );

export const configSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(emptyAsUndefined, z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: z.preprocess(emptyAsUndefined, z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_API_URL: z.preprocess(emptyAsUndefined, z.url().default('https://slack.com/api/')),
  SLACK_CHANNEL_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(60_000).default(1000)),
  SLACK_RETRY_BACKOFF_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(60_000).default(500)),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional()),
  EMBEDDED_PG_DIR: z.preprocess(emptyAsUndefined, z.string().default('.data/postgres')),
  EMBEDDED_PG_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(5433)),
  SEED_DEMO_DIRECTORY: z.preprocess(emptyAsUndefined, z.enum(['auto', 'yes', 'no']).default('auto')),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  BOT_TIMEZONE: z.preprocess(emptyAsUndefined, timezone.default('Asia/Shanghai')),
  BOT_LOCALE: z.preprocess(emptyAsUndefined, z.enum(['zh-CN', 'en']).default('zh-CN')),
  ADMIN_SLACK_IDS: slackIdList,
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  TICKET_API_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  TICKET_SLA_REMINDER_MINUTES: minutesList('30,10'),
  TICKET_SLA_OVERDUE_REPEAT_MINUTES: minutes(30),
  TICKET_UNCLAIMED_MINUTES: minutes(15),
  TICKET_STALE_CLAIM_MINUTES: minutes(60),
  TICKET_STALE_CLAIM_ANSWER_MINUTES: minutes(15),
});

/** Fault-ticket timings; the SLA matrix itself is policy in src/domain/tickets/sla-policy.ts. */
export type TicketSettings = {
  /** Bearer token for POST /api/tickets; unset: the API refuses every request. */
  apiToken?: string;
  /** Countdown pings at these minutes before the deadline (besides half the window and the breach). */
  reminderMinutesLeft: number[];
  overdueRepeatMinutes: number;
  unclaimedMinutes: number;
  staleClaimMinutes: number;
  staleClaimAnswerMinutes: number;
};

export type Config = {
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl: string;
    /** Minimum gap between two messages to one channel (Slack allows about one a second). */
    channelIntervalMillis: number;
    /** First wait before retrying a 5xx or network failure; doubles with each attempt. */
    retryBackoffMillis: number;
  };
  databaseUrl?: string;
  embeddedPostgres: { dataDir: string; port: number };
  seedDemoDirectory: 'auto' | 'yes' | 'no';
  port: number;
  timezone: string;
  locale: 'zh-CN' | 'en';
  adminSlackIds: string[];
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  tickets: TicketSettings;
};

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Configuration error: ${variable} ${issue.message}.`);
  }
  const e = parsed.data;
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
      channelIntervalMillis: e.SLACK_CHANNEL_INTERVAL_MS,
      retryBackoffMillis: e.SLACK_RETRY_BACKOFF_MS,
    },
    databaseUrl: e.DATABASE_URL,
    embeddedPostgres: { dataDir: e.EMBEDDED_PG_DIR, port: e.EMBEDDED_PG_PORT },
    seedDemoDirectory: e.SEED_DEMO_DIRECTORY,
    port: e.PORT,
    timezone: e.BOT_TIMEZONE,
    locale: e.BOT_LOCALE,
    adminSlackIds: e.ADMIN_SLACK_IDS,
    logLevel: e.LOG_LEVEL,
    tickets: {
      apiToken: e.TICKET_API_TOKEN,
      reminderMinutesLeft: [...new Set(e.TICKET_SLA_REMINDER_MINUTES)].sort((a, b) => b - a),
      overdueRepeatMinutes: e.TICKET_SLA_OVERDUE_REPEAT_MINUTES,
      unclaimedMinutes: e.TICKET_UNCLAIMED_MINUTES,
      staleClaimMinutes: e.TICKET_STALE_CLAIM_MINUTES,
      staleClaimAnswerMinutes: e.TICKET_STALE_CLAIM_ANSWER_MINUTES,
    },
  };
}

/** The Slack credentials the chosen mode needs but does not have (empty when complete). */
export function missingSlackCredentials(config: Config): string[] {
  const missing: string[] = [];
  if (!config.slack.botToken) missing.push('SLACK_BOT_TOKEN');
  // Socket Mode authenticates with the app-level token; only HTTP mode verifies signatures.
  if (!config.slack.appToken && !config.slack.signingSecret) missing.push('SLACK_SIGNING_SECRET');
  return missing;
}

export function describeMissingCredentials(missing: string[]): string {
  return [
    `The bot cannot connect to Slack yet: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set.`,
    '',
    'To get them:',
    '  1. Open https://api.slack.com/apps → "Create New App" → "From an app manifest",',
    '     pick your workspace and paste manifest.yml from this folder as it is.',
    '  2. "Install to Workspace", then copy:',
    '       SLACK_BOT_TOKEN      OAuth & Permissions → Bot User OAuth Token (xoxb-…)',
    '       SLACK_SIGNING_SECRET Basic Information → App Credentials → Signing Secret',
    '       SLACK_APP_TOKEN      Basic Information → App-Level Tokens → generate one with',
    '                            the connections:write scope (xapp-…); set it for Socket Mode,',
    '                            leave it unset to receive Slack over HTTP on /slack/events.',
    '  3. Put them in a .env file here (see README.md, "Configuration") and start again.',
  ].join('\n');
}
