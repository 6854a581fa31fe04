// One zod schema over the environment, parsed once at start-up. Every wrong value is
// reported at once, one line per variable, so an operator fixes them all in one go;
// missing Slack credentials get a longer, friendly explanation (see
// describeMissingCredentials) because that is what every new user hits first.
// The secrets can also come from files (SLACK_BOT_TOKEN_FILE=/run/secrets/…), the way
// container platforms hand them over.
import 'dotenv/config';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isValidTimezone } from './domain/timezone.ts';
import { defaultOfferCatalogue, offerCatalogueSchema, type Offer } from './domain/retention/offer-catalogue.ts';
import { visitConfigSchema, visitSettingsFrom, type VisitSettings } from './domain/visits/visit-settings.ts';
import { calendarConfigSchema } from './domain/calendar/calendar-settings.ts';
import type { WorkingHours } from './domain/calendar/work-calendar.ts';
import { careConfigSchema, careSettingsFrom, type CareSettings } from './domain/care/care-settings.ts';
import { planConfigSchema, planSettingsFrom, type PlanSettings } from './domain/plans/plan-settings.ts';

const slackIdList = z
  .string()
  .default('')
  .transform((raw) => raw.split(',').map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'each id must look like U0123ABCD')));

const timezone = z.string().refine(isValidTimezone, 'must be an IANA time zone such as Asia/Shanghai');

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const minutes = (fallback: number) => z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(60 * 24 * 30).default(fallback));

// "junior:200,mid:500,senior:1000,star:2000" — the largest offer (yuan) each grade may
// make without a supervisor; a higher grade never has less authority than a lower one.
const grades = ['junior', 'mid', 'senior', 'star'] as const;
const authorityByGrade = z
  .string()
  .default('junior:200,mid:500,senior:1000,star:2000')
  .transform((raw, ctx) => {
    const entries = raw.split(',').map((part) => part.trim().split(':'));
    const values = Object.fromEntries(entries.map(([grade, value]) => [grade?.trim(), Number(value)]));
    const missing = grades.filter((g) => !Number.isInteger(values[g]) || values[g] < 0);
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', message: `needs a whole number of yuan for ${missing.join(', ')} (e.g. junior:200,mid:500,senior:1000,star:2000)` });
      return z.NEVER;
    }
    const byGrade = { junior: values.junior, mid: values.mid, senior: values.senior, star: values.star } as Record<(typeof grades)[number], number>;
    if (!(byGrade.junior <= byGrade.mid && byGrade.mid <= byGrade.senior && byGrade.senior <= byGrade.star)) {
      ctx.addIssue({ code: 'custom', message: 'must not give a higher grade less authority (junior ≤ mid ≤ senior ≤ star)' });
      return z.NEVER;
    }
    return byGrade;
  });

const offerCatalogue = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return defaultOfferCatalogue;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON array of offers' });
        return z.NEVER;
      }
      const parsed = offerCatalogueSchema.safeParse(json);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `is not a valid offer catalogue: ${parsed.error.issues[0]?.message ?? ''}` });
        return z.NEVER;
      }
      return parsed.data;
    }),
);
const hours = (fallback: number) => z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(24 * 30).default(fallback));
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
  SLACK_PROFILE_WAIT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(50).max(2500).default(700)),
  SLACK_RETRY_BACKOFF_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(60_000).default(500)),
  OUTBOX_POLL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(50).max(60_000).default(1000)),
  OUTBOX_LEASE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(3600).default(60)),
  OUTBOX_RETRY_BACKOFF_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(600_000).default(5000)),
  OUTBOX_GIVE_UP_AFTER_MINUTES: minutes(1440),
  OUTBOX_STOP_GRACE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(60_000).default(5000)),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional()),
  EMBEDDED_PG_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  EMBEDDED_PG_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(5433)),
  SEED_DEMO_DIRECTORY: z.preprocess(emptyAsUndefined, z.enum(['auto', 'yes', 'no']).default('auto')),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HTTP_KEEP_ALIVE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(3600).default(65)),
  BOT_TIMEZONE: z.preprocess(emptyAsUndefined, timezone.default('Asia/Shanghai')),
  BOT_LOCALE: z.preprocess(emptyAsUndefined, z.enum(['zh-CN', 'en']).default('zh-CN')),
  ADMIN_SLACK_IDS: slackIdList,
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  APPROVAL_REMIND_AFTER_MINUTES: minutes(240),
  APPROVAL_EXPIRE_AFTER_MINUTES: minutes(1440),
  RETENTION_AUTHORITY: z.preprocess(emptyAsUndefined, authorityByGrade),
  RETENTION_TWO_APPROVERS_ABOVE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(3000)),
  RETENTION_OFFERS: offerCatalogue,
  RETENTION_FOLLOW_UP_HOUR: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(23).default(9)),
  XREGION_REPLY_HOURS_DIAMOND: hours(4),
  XREGION_REPLY_HOURS_GOLD: hours(8),
  XREGION_REPLY_HOURS_SILVER: hours(24),
  XREGION_REPLY_HOURS_OTHER: hours(24),
  XREGION_REMINDER_LEAD_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(24 * 60).default(60)),
  ...visitConfigSchema,
  ...calendarConfigSchema,
  ...careConfigSchema,
  ...planConfigSchema,
  REPORT_MONTHLY_TIME: z.preprocess(emptyAsUndefined, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00').default('09:00')),
  // At most 12: four sections of 12 (approvals take two blocks each) stay under the Home's 100 blocks.
  HOME_PAGE_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(12).default(8)),
  HOME_REFRESH_WINDOW_MINUTES: minutes(480),
  HOME_REFRESH_COALESCE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(60_000).default(5000)),
  TICKET_API_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  LISTENER_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1000).default(32)),
  SHUTDOWN_DRAIN_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(120_000).default(5000)),
  TICKET_SLA_REMINDER_MINUTES: minutesList('30,10'),
  TICKET_SLA_OVERDUE_REPEAT_MINUTES: minutes(30),
  TICKET_UNCLAIMED_MINUTES: minutes(15),
  TICKET_STALE_CLAIM_MINUTES: minutes(60),
  TICKET_STALE_CLAIM_ANSWER_MINUTES: minutes(15),
  LIVE_TRACKING_AAA: z.preprocess(emptyAsUndefined, z.enum(['yes', 'no']).default('no')),
  LIVE_TRACKING_INFORM_MINUTES: minutes(30),
  PII_RETENTION_MONTHS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(600).default(36)),
  SUPERVISOR_MENTION: z.preprocess(emptyAsUndefined, z.string().trim().regex(/^S[A-Z0-9]{2,}$/, 'must be a Slack user group id like S0123ABCD').optional()),
  // Read only to refuse the embedded Postgres in production (see productionProblem).
  NODE_ENV: optionalString,
  EMBEDDED_PG_IN_PRODUCTION: z.preprocess(emptyAsUndefined, z.enum(['yes', 'no']).default('no')),
}).refine((e) => e.APPROVAL_EXPIRE_AFTER_MINUTES > e.APPROVAL_REMIND_AFTER_MINUTES, {
  path: ['APPROVAL_EXPIRE_AFTER_MINUTES'],
  message: 'must be longer than APPROVAL_REMIND_AFTER_MINUTES (the reminder comes before the expiry)',
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
  /** A Slack user group (S…) that tickets' alerts in a supervisors' channel mention; unset: the region's supervisors. */
  supervisorMention?: string;
  /** Live tracking (介入制): diamond customers' tickets always, AAA customers' when includeAAA; the manager is reminded after informMinutes without news. */
  liveTracking: { includeAAA: boolean; informMinutes: number };
};

export type Config = {
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl: string;
    /** Minimum gap between two messages to one channel (Slack allows about one a second). */
    channelIntervalMillis: number;
    /** How long a listener waits for users.info (language, time zone) before using the defaults. */
    profileWaitMillis: number;
    /** First wait before retrying a 5xx or network failure; doubles with each attempt. */
    retryBackoffMillis: number;
  };
  /** The durable outbox of messages owed to Slack (src/slack/outbox). */
  outbox: { pollMillis: number; leaseMillis: number; backoffMillis: number; giveUpAfterMillis: number; stopGraceMillis: number };
  databaseUrl?: string;
  /** `dataDirExplicit`: EMBEDDED_PG_DIR was set (a default folder may move where the server user can reach it). */
  embeddedPostgres: { dataDir: string; dataDirExplicit: boolean; port: number };
  seedDemoDirectory: 'auto' | 'yes' | 'no';
  port: number;
  /** Idle keep-alive connections are held this long; above the load balancer's idle timeout. */
  httpKeepAliveSeconds: number;
  timezone: string;
  locale: 'zh-CN' | 'en';
  adminSlackIds: string[];
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  approvals: {
    /** An undecided request reminds the supervisors after this long… */
    remindAfterMinutes: number;
    /** …and expires after this long (always longer). */
    expireAfterMinutes: number;
  };
  retention: {
    /** The largest offer value (yuan) each grade may make without approval. */
    authorityByGrade: Record<'junior' | 'mid' | 'senior' | 'star', number>;
    /** Offers above this value need two approvers. */
    twoApproversAbove: number;
    offers: Offer[];
    /** Local hour (the manager's time zone) at which a follow-up reminder arrives. */
    followUpHour: number;
  };
  xregion: {
    /** Hours the home region has to reply, by the member's card tier; `other` for everyone else. */
    replyHours: { diamond: number; gold: number; silver: number; other: number };
    /** How long before the reply deadline the handler is reminded. */
    reminderLeadMinutes: number;
  };
  visits: VisitSettings;
  /** Working hours of a working day (the work calendar says which days are). */
  workingHours: WorkingHours;
  care: CareSettings;
  /** Club activity plans: working days to answer, and to report after the event. */
  plans: PlanSettings;
  reports: {
    /** Local time (BOT_TIMEZONE) on the 1st of each month when the monthly report is posted. */
    monthlyTime: string;
  };
  home: {
    /** Items per section of the App Home before a "more…" button. */
    pageSize: number;
    /** Only Home tabs opened this recently are refreshed when something on them changes. */
    refreshWindowMinutes: number;
    /** A Home is republished at most once per this long, however many changes it shows. */
    coalesceMillis: number;
  };
  tickets: TicketSettings;
  /** Personal data (PIPL): closed records are anonymised after retentionMonths. */
  privacy: { retentionMonths: number };
  /** Bearer token for GET /metrics; unset: /metrics is open to anyone who reaches the port. */
  metricsToken?: string;
  /** After SIGTERM, how long /readyz says 503 while everything is still served (load balancers notice). */
  shutdownDrainMillis: number;
  /** Listeners working past their ack at once; the rest wait (they are acked already). */
  listenerConcurrency: number;
};

/** The secrets that may be given as a file's content instead: NAME_FILE=/path. */
export const secretVariables = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'TICKET_API_TOKEN', 'DATABASE_URL'] as const;

/** Every environment variable loadConfig reads (README's configuration table and .env.example list them all). */
export const configVariables: readonly string[] = [...Object.keys(configSchema.shape), ...secretVariables.map((name) => `${name}_FILE`)];

export class ConfigError extends Error {}

/**
 * Parses the environment; throws ConfigError whose message has one line per wrong
 * variable ("Configuration error: PORT must be …."), all of them at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const secrets = readSecretFiles(env);
  const merged = { ...env, ...secrets.values };
  const parsed = configSchema.safeParse(merged);
  const problems = new Map(secrets.problems);
  for (const issue of parsed.error?.issues ?? []) {
    const variable = String(issue.path[0] ?? 'environment');
    if (!problems.has(variable)) problems.set(variable, issue.message);
  }
  const refusal = productionProblem(merged);
  if (refusal && !problems.has('DATABASE_URL')) problems.set('DATABASE_URL', refusal);
  if (problems.size > 0 || !parsed.success) {
    throw new ConfigError([...problems].map(([variable, message]) => `Configuration error: ${variable} ${message.replace(/\.$/, '')}.`).join('\n'));
  }
  const e = parsed.data;
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
      channelIntervalMillis: e.SLACK_CHANNEL_INTERVAL_MS,
      profileWaitMillis: e.SLACK_PROFILE_WAIT_MS,
      retryBackoffMillis: e.SLACK_RETRY_BACKOFF_MS,
    },
    outbox: {
      pollMillis: e.OUTBOX_POLL_MS,
      leaseMillis: e.OUTBOX_LEASE_SECONDS * 1000,
      backoffMillis: e.OUTBOX_RETRY_BACKOFF_MS,
      giveUpAfterMillis: e.OUTBOX_GIVE_UP_AFTER_MINUTES * 60_000,
      stopGraceMillis: e.OUTBOX_STOP_GRACE_MS,
    },
    databaseUrl: e.DATABASE_URL,
    embeddedPostgres: { dataDir: e.EMBEDDED_PG_DIR ?? '.data/postgres', dataDirExplicit: e.EMBEDDED_PG_DIR !== undefined, port: e.EMBEDDED_PG_PORT },
    seedDemoDirectory: e.SEED_DEMO_DIRECTORY,
    port: e.PORT,
    httpKeepAliveSeconds: e.HTTP_KEEP_ALIVE_SECONDS,
    timezone: e.BOT_TIMEZONE,
    locale: e.BOT_LOCALE,
    adminSlackIds: e.ADMIN_SLACK_IDS,
    logLevel: e.LOG_LEVEL,
    approvals: { remindAfterMinutes: e.APPROVAL_REMIND_AFTER_MINUTES, expireAfterMinutes: e.APPROVAL_EXPIRE_AFTER_MINUTES },
    retention: {
      authorityByGrade: e.RETENTION_AUTHORITY,
      twoApproversAbove: e.RETENTION_TWO_APPROVERS_ABOVE,
      offers: e.RETENTION_OFFERS,
      followUpHour: e.RETENTION_FOLLOW_UP_HOUR,
    },
    xregion: {
      replyHours: {
        diamond: e.XREGION_REPLY_HOURS_DIAMOND,
        gold: e.XREGION_REPLY_HOURS_GOLD,
        silver: e.XREGION_REPLY_HOURS_SILVER,
        other: e.XREGION_REPLY_HOURS_OTHER,
      },
      reminderLeadMinutes: e.XREGION_REMINDER_LEAD_MINUTES,
    },
    visits: visitSettingsFrom(e, e.BOT_TIMEZONE),
    workingHours: e.WORK_HOURS,
    care: careSettingsFrom(e),
    plans: planSettingsFrom(e),
    reports: { monthlyTime: e.REPORT_MONTHLY_TIME },
    home: { pageSize: e.HOME_PAGE_SIZE, refreshWindowMinutes: e.HOME_REFRESH_WINDOW_MINUTES, coalesceMillis: e.HOME_REFRESH_COALESCE_MS },
    tickets: {
      apiToken: e.TICKET_API_TOKEN,
      reminderMinutesLeft: [...new Set(e.TICKET_SLA_REMINDER_MINUTES)].sort((a, b) => b - a),
      overdueRepeatMinutes: e.TICKET_SLA_OVERDUE_REPEAT_MINUTES,
      unclaimedMinutes: e.TICKET_UNCLAIMED_MINUTES,
      staleClaimMinutes: e.TICKET_STALE_CLAIM_MINUTES,
      staleClaimAnswerMinutes: e.TICKET_STALE_CLAIM_ANSWER_MINUTES,
      supervisorMention: e.SUPERVISOR_MENTION,
      liveTracking: { includeAAA: e.LIVE_TRACKING_AAA === 'yes', informMinutes: e.LIVE_TRACKING_INFORM_MINUTES },
    },
    privacy: { retentionMonths: e.PII_RETENTION_MONTHS },
    metricsToken: e.METRICS_TOKEN,
    shutdownDrainMillis: e.SHUTDOWN_DRAIN_MS,
    listenerConcurrency: e.LISTENER_CONCURRENCY,
  };
}

/**
 * NAME_FILE=/path gives NAME the file's content (surrounding whitespace, e.g. the final
 * newline `echo` leaves, removed). Setting both NAME and NAME_FILE is a mistake, not a
 * precedence question.
 */
function readSecretFiles(env: NodeJS.ProcessEnv): { values: Record<string, string>; problems: [string, string][] } {
  const values: Record<string, string> = {};
  const problems: [string, string][] = [];
  for (const name of secretVariables) {
    const file = env[`${name}_FILE`]?.trim();
    if (!file) continue;
    if (env[name]) {
      problems.push([`${name}_FILE`, `cannot be used together with ${name}; set only one of them`]);
      continue;
    }
    let content: string;
    try {
      content = readFileSync(file, 'utf8').trim();
    } catch (error) {
      problems.push([`${name}_FILE`, `names a file that cannot be read (${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
      continue;
    }
    if (!content) problems.push([`${name}_FILE`, `names an empty file (${file})`]);
    else values[name] = content;
  }
  return { values, problems };
}

// The embedded Postgres is a convenience for trying the bot and for tests (binaries from
// an npm package, data in a local folder, no backups); a production bot must be pointed
// at a real server, unless its operator says otherwise in so many words.
function productionProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_ENV !== 'production' || env.DATABASE_URL || env.EMBEDDED_PG_IN_PRODUCTION === 'yes') return undefined;
  return 'is not set while NODE_ENV=production: the embedded Postgres is only for trying the bot and for tests; set DATABASE_URL (or DATABASE_URL_FILE) to your Postgres server, or EMBEDDED_PG_IN_PRODUCTION=yes to run on the embedded one anyway';
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
