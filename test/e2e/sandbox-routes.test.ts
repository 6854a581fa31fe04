// The sandbox's routes in-process (no browser): what the page sends is read with zod and a
// bad request is refused with its reason before anything reaches the bot; a modal's
// response_action is played as Slack plays it (errors back to the page, the view updated);
// the clock moves forward and fires what fell due; the page sees only its viewer's
// ephemeral messages and modals; the workspace outlives a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { testConfig } from '../support/test-config.ts';
import { createLogger } from '../../src/logger.ts';

let database: TestDatabase;
let sandbox: RunningSandbox;
let base: string;
let folder: string;

const start = async () => {
  // The sandbox replaces the Slack settings; these are only what loadConfig needs.
  const config = testConfig({ databaseUrl: database.url, slackApiUrl: 'http://127.0.0.1:9/api/' });
  sandbox = await startSandbox({ config, logger: createLogger('silent'), workspaceFile: join(folder, 'workspace.json') });
  base = `http://127.0.0.1:${sandbox.bot.port}/sandbox`;
};
beforeAll(async () => {
  database = await createTestDatabase();
  folder = await mkdtemp(join(tmpdir(), 'keyaccount-sandbox-routes-'));
  await start();
});
afterAll(async () => {
  await sandbox?.stop();
  await database?.drop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${base}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
};
const state = async (user: string) => (await (await fetch(`${base}/state?user=${user}`)).json()) as Record<string, any>;
const waitFor = async <T>(read: () => Promise<T | undefined>): Promise<T> => {
  for (let i = 0; i < 100; i++) {
    const found = await read();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('never came');
};

describe('the sandbox routes', () => {
  it('refuse what the page must not send, with the reason, before the bot sees it', async () => {
    expect(await post('command', { user: 'U0DEMOAM1', channel: 'DU0DEMOAM1', text: '/nope' })).toEqual({
      status: 400,
      json: { ok: false, error: '/nope is not a command of this app (/am, /visit, /ticket, /xregion, /retain, /plan)' },
    });
    expect((await post('command', { user: 'someone', channel: 'DU0DEMOAM1', text: '/am help' })).json.error).toBe('user must be a Slack user id');
    expect((await post('clock', { move: 'back' })).status).toBe(400);
    expect((await post('submit', { user: 'U0DEMOAM1', viewId: 'V404', values: {} })).json).toEqual({ ok: false, error: 'that view is no longer open' });
    expect(sandbox.bot.ctx.clock.now().getTime()).toBeLessThan(Date.now() + 60_000);
  });

  it('play a modal as Slack does: field errors back to the page, then the view updated, seen by its opener only', async () => {
    expect((await post('command', { user: 'U0DEMOAM1', channel: 'DU0DEMOAM1', text: '/visit' })).json).toEqual({ ok: true });
    const view = await waitFor(async () => (await state('U0DEMOAM1')).modal ?? undefined);
    expect(view.callback_id).toBe('visit.form');
    expect((await state('U0DEMOAM2')).modal).toBeNull();

    const empty = await post('submit', { user: 'U0DEMOAM1', viewId: view.id, values: {} });
    expect(Object.keys(empty.json.errors)).toEqual(expect.arrayContaining(['customer', 'kind', 'summary']));

    const { options } = (await post('suggest', { user: 'U0DEMOAM1', viewId: view.id, actionId: 'visit.customer', value: 'zhou' })).json;
    expect(options.map((o: { value: string }) => o.value)).toEqual(['C0004']);
    const saved = await post('submit', {
      user: 'U0DEMOAM1',
      viewId: view.id,
      values: {
        customer: { 'visit.customer': { type: 'external_select', selected_option: options[0] } },
        kind: { 'visit.kind': { type: 'static_select', selected_option: { value: 'phone' } } },
        summary: { 'visit.summary': { type: 'plain_text_input', value: '电话沟通' } },
        // Slack sends every input, the untouched ones with their initial value.
        occurred_at: { 'visit.occurred_at': { type: 'datetimepicker', selected_date_time: view.blocks.find((b: any) => b.block_id === 'occurred_at').element.initial_date_time } },
      },
    });
    expect(saved.json).toEqual({ ok: true });
    const confirmation = (await state('U0DEMOAM1')).modal;
    expect(confirmation.id).toBe(view.id);
    expect(JSON.stringify(confirmation.blocks)).toContain('周文华');
    expect((await post('close', { user: 'U0DEMOAM1', viewId: view.id })).json).toEqual({ ok: true });
    expect((await state('U0DEMOAM1')).modal).toBeNull();
  });

  it('shows an ephemeral answer to its one reader', async () => {
    await post('command', { user: 'U0DEMOAM1', channel: 'C0DEMOBJTKT', text: '/am help' });
    const mine = await waitFor(async () => (await state('U0DEMOAM1')).messages.find((m: any) => m.channel === 'C0DEMOBJTKT' && m.ephemeral));
    expect(mine.blocks.length).toBeGreaterThan(0);
    expect((await state('U0DEMOAM2')).messages.filter((m: any) => m.channel === 'C0DEMOBJTKT')).toEqual([]);
  });

  it('moves the clock forward and fires what fell due at once', async () => {
    const before = sandbox.bot.ctx.clock.now().getTime();
    const moved = await post('clock', { move: 'plus1Hour' });
    expect(Date.parse(moved.json.now) - before).toBeGreaterThanOrEqual(3_600_000);
    const next = await post('clock', { move: 'nextMonth' });
    const now = new Date(next.json.now);
    // The 1st at REPORT_MONTHLY_TIME (09:00 in Asia/Shanghai): each region's monthly report is due and posted.
    expect(now.getUTCDate() === 1 && now.getUTCHours() >= 1).toBe(true);
    const report = await waitFor(async () => (await state('U0DEMOSUP1')).messages.find((m: any) => m.channel === 'C0DEMOBJSUP' && m.files.length > 0));
    expect(report.files.map((f: { name: string }) => f.name).join()).toMatch(/\.png.*\.csv|\.csv.*\.png/);
  });

  it('keeps the workspace across a restart, as the database keeps its data, and hands out no timestamp twice', async () => {
    // What the clock move set off has all been posted (the reports go out through the outbox).
    await sandbox.bot.ctx.outbox.idle();
    const before = (await state('U0DEMOSUP1')).messages;
    expect(before.length).toBeGreaterThan(0);
    await sandbox.stop();
    await start();
    const after = await state('U0DEMOSUP1');
    expect(after.messages).toEqual(before);
    await post('command', { user: 'U0DEMOSUP1', channel: 'C0DEMOBJSUP', text: '/am help' });
    const answer = await waitFor(async () => (await state('U0DEMOSUP1')).messages.find((m: any) => !before.some((b: any) => b.ts === m.ts)));
    expect(before.map((m: any) => m.ts)).not.toContain(answer.ts);
  });
});
