// The real bot process, killed and stopped mid-burst: every ticket the fault system got
// a 201 for reaches its region's channel exactly once, with its Claim button, after a
// restart on the same data — also the one whose post Slack took just before the crash
// (found again by its metadata, not posted twice).
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketIds } from '../../src/slack/ids.ts';
import { startFakeSlack, type FakeSlack } from '../../src/sandbox/slack-stand-in/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { freePort } from '../support/free-port.ts';

const token = 'crash-test-token-0123456789';
const ticketChannel = 'C0DEMOBJTKT';
let slack: FakeSlack;
let database: TestDatabase;
let port: number;

beforeAll(async () => {
  slack = await startFakeSlack();
  database = await createTestDatabase();
  port = await freePort();
});
afterAll(async () => {
  await slack.close();
  await database.drop();
});

type Bot = { child: ChildProcess; exit: Promise<number | null>; output: () => string };

async function startBotProcess(): Promise<Bot> {
  // One process (node with tsx's loader), so SIGKILL kills the bot itself, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? '/tmp',
      DOTENV_CONFIG_PATH: '/nonexistent',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-crash-test',
      SLACK_SIGNING_SECRET: 'crash-secret',
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: database.url,
      SEED_DEMO_DIRECTORY: 'yes',
      PORT: String(port),
      TICKET_API_TOKEN: token,
      // Paced like Slack (a gap between two posts to a channel), so a burst is still going out when the process dies.
      SLACK_CHANNEL_INTERVAL_MS: '400',
      // A killed process's leases run out quickly, so the restart takes its work over in seconds.
      OUTBOX_LEASE_SECONDS: '2',
      OUTBOX_RETRY_BACKOFF_MS: '200',
      OUTBOX_STOP_GRACE_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let i = 0; i < 600; i++) {
    if (output.includes('bot ready')) return { child, exit, output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the bot never became ready:\n${output}`);
}

async function openTickets(count: number, prefix: string): Promise<string[]> {
  const codes = ['C0001', 'C0002', 'C0003', 'C0005'];
  const answers = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      fetch(`http://127.0.0.1:${port}/api/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ customerCode: codes[i % codes.length], serviceType: 'data_line', scope: 'within_province', description: `Burst ${prefix} ${i}`, externalRef: `${prefix}-${i}` }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { number: string } })),
    ),
  );
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
  return answers.map((a) => a.body.number);
}

/** The ticket's channel messages that Slack holds (accepted, whether or not the bot saw the OK). */
function postsOf(number: string) {
  return slack.messages().filter((m) => m.channel === ticketChannel && !m.thread_ts && m.blocks?.[0]?.type === 'header' && m.blocks[0].text.text.startsWith(number));
}

async function everyTicketPosted(numbers: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tickets = await database.db.ticket.findMany({ where: { number: { in: numbers } }, select: { messageTs: true } });
    if (tickets.length === numbers.length && tickets.every((t) => t.messageTs)) return;
    if (Date.now() > deadline) throw new Error(`not every ticket was posted: ${JSON.stringify(tickets)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function expectPostedOnceWithClaim(numbers: string[]): Promise<void> {
  for (const number of numbers) {
    const posts = postsOf(number);
    expect(posts, number).toHaveLength(1);
    const buttons = (posts[0]!.blocks ?? []).filter((b) => b.type === 'actions').flatMap((b) => b.elements.map((e: { action_id: string }) => e.action_id));
    expect(buttons, number).toContain(ticketIds.claim);
    const ticket = await database.db.ticket.findUniqueOrThrow({ where: { number } });
    expect(ticket.messageTs, number).toBe(posts[0]!.ts);
  }
}

describe('the bot process', () => {
  it('posts every confirmed ticket once after SIGKILL mid-burst, and after SIGTERM mid-burst', async () => {
    const first = await startBotProcess();
    const killed = await openTickets(6, 'KILL');
    first.child.kill('SIGKILL');
    await first.exit;

    const second = await startBotProcess();
    await everyTicketPosted(killed);
    await expectPostedOnceWithClaim(killed);

    const stopped = await openTickets(5, 'TERM');
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);

    const third = await startBotProcess();
    await everyTicketPosted(stopped);
    await expectPostedOnceWithClaim([...killed, ...stopped]);
    third.child.kill('SIGTERM');
    expect(await third.exit).toBe(0);
  }, 180_000);

  it('does not post twice when it died between Slack taking the post and recording it', async () => {
    const first = await startBotProcess();
    slack.loseAnswers('chat.postMessage', 1, 'hang', ticketChannel);
    const [number] = await openTickets(1, 'HANG');
    // Slack has the message; the bot is still waiting for the answer when it dies.
    await slack.waitFor((c) => c.lostAnswer === 'hang', 20_000);
    expect(postsOf(number!)).toHaveLength(1);
    first.child.kill('SIGKILL');
    await first.exit;

    const second = await startBotProcess();
    await everyTicketPosted([number!]);
    await expectPostedOnceWithClaim([number!]);
    expect(slack.callsTo('conversations.history').length).toBeGreaterThan(0);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  }, 120_000);
});
