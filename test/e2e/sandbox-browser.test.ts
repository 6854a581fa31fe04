// The sandbox in a real browser: `npm start` with no Slack tokens serves /sandbox, and
// headless Chromium (Debian's `chromium`) drives it as a new user would — an account
// manager logs a visit through the modal, a field engineer claims a ticket in the
// channel (the message changes in place), the clock moves past half the SLA and the ping
// arrives, a supervisor approves from the Home tab; then the monthly report with its chart
// and CSV. Each step leaves a screenshot in
// test/artifacts/sandbox/ (git-ignored). One browser; one page per flow.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusOf } from '../support/bot-process.ts';
import { freePort } from '../support/free-port.ts';

const chromiumPath = '/usr/bin/chromium';
const artifacts = join(process.cwd(), 'test/artifacts/sandbox');
const ticketToken = 'sandbox-browser-test-token';
const engineer = 'U0DEMOENG1';
const supervisor = 'U0DEMOSUP1';
const manager = 'U0DEMOAM1';

let bot: ChildProcess | undefined;
let output = '';
let port: number;
let dataRoot: string;
let browser: Browser;
let ticketNumber: string;

const base = () => `http://127.0.0.1:${port}`;

describe.skipIf(!existsSync(chromiumPath))(`the sandbox in Chromium (skipped without ${chromiumPath}: apt-get install -y chromium)`, () => {
  beforeAll(async () => {
    await mkdir(artifacts, { recursive: true });
    dataRoot = await mkdtemp(join(tmpdir(), 'keyaccount-sandbox-'));
    // As root, Postgres runs as the postgres user, who must be able to enter the folder.
    await chmod(dataRoot, 0o755);
    port = await freePort();
    // `npm start` runs dist/: compiled from the sources under test, not from the last install.
    const build = spawnSync('npm', ['run', '--silent', 'build'], { encoding: 'utf8' });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    // What a new user runs: the compiled bot, no Slack credentials, no .env.
    bot = spawn('npm', ['start'], {
      env: {
        PATH: process.env.PATH!,
        HOME: process.env.HOME ?? '/tmp',
        DOTENV_CONFIG_PATH: '/nonexistent',
        PORT: String(port),
        EMBEDDED_PG_DIR: join(dataRoot, 'pg'),
        EMBEDDED_PG_PORT: '0',
        TICKET_API_TOKEN: ticketToken,
        SHUTDOWN_DRAIN_MS: '0',
        npm_config_update_notifier: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    bot.stdout!.on('data', (chunk) => (output += chunk));
    bot.stderr!.on('data', (chunk) => (output += chunk));
    for (let i = 0; i < 900 && !output.includes('/sandbox'); i++) {
      if (bot.exitCode !== null) throw new Error(`npm start exited (${bot.exitCode}):\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await statusOf(port, '/sandbox'), output).toBe(200);
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await writeFile(join(artifacts, 'npm-start.log'), output);
    await browser?.close();
    if (bot && bot.exitCode === null) {
      const exited = new Promise((resolve) => bot!.once('exit', resolve));
      bot.kill('SIGTERM');
      await exited;
    }
    if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
  }, 60_000);

  it('says in one line that it serves the sandbox, and marks the page as one', async () => {
    const lines = output.split('\n').filter((line) => line.includes('/sandbox'));
    expect(lines).toEqual([`Sandbox: no Slack here — try the bot in your browser at http://localhost:${port}/sandbox (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect to Slack).`]);
    const page = await openAs(manager, 'home');
    await expect.poll(() => page.locator('.sandbox-badge').innerText()).toContain('SANDBOX');
    await page.close();
  });

  it('an account manager logs a visit through the modal and sees the confirmation', async () => {
    const page = await openAs(manager, 'dm');
    await page.fill('#composer-input', '/visit');
    await page.click('#composer button[type=submit]');
    await page.waitForSelector('.dialog.modal[data-callback-id="visit.form"]');
    // Saved empty: each missing field says so under itself, as Slack shows a modal's errors.
    await page.click('#modal-submit');
    await page.waitForSelector('[data-block-id=customer] .input-error');
    await shot(page, '1-visit-form-errors');
    await page.fill('[data-block-id=customer] input', 'zhou');
    await page.click('.suggestion:has-text("周文华")');
    await page.selectOption('[data-block-id=kind] select', 'on_site');
    // A field's error goes once the field is changed; the others stay until then.
    expect(await page.locator('[data-block-id=kind] .input-error').count()).toBe(0);
    expect(await page.locator('[data-block-id=summary] .input-error').count()).toBe(1);
    await page.fill('[data-block-id=summary] textarea', '上门拜访，了解家庭宽带升级需求 <b>不是标签</b>');
    await shot(page, '2-visit-form-filled');
    await page.click('#modal-submit');
    const confirmation = page.locator('.dialog.modal:not([data-callback-id="visit.form"])');
    await confirmation.waitFor();
    expect(await confirmation.innerText()).toContain('周文华 (C0004)');
    await shot(page, '3-visit-saved');
    await page.close();
  });

  it('a field engineer claims a ticket from the channel and the message updates in place', async () => {
    const opened = await fetch(`${base()}/api/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ticketToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customerCode: 'C0001', serviceType: 'internet_line', scope: 'within_province', description: '专线中断 <script>alert(1)</script>', contactPhone: '13800138000' }),
    });
    expect(opened.status).toBe(201);
    ticketNumber = ((await opened.json()) as { number: string }).number;

    const page = await openAs(engineer, 'C0DEMOBJTKT');
    const ticket = page.locator('#pane-body > .message', { hasText: ticketNumber });
    await ticket.waitFor();
    const ts = await ticket.getAttribute('data-ts');
    expect(await ticket.innerText()).toContain('<script>alert(1)</script>');
    await shot(page, '4-ticket-in-channel');
    await ticket.locator('[data-action-id="ticket.claim"]').click();
    // The same message (same ts), edited: claimed by the engineer, with the next steps' buttons.
    const same = page.locator(`#pane-body > .message[data-ts="${ts}"]`);
    await same.locator('.edited').waitFor();
    expect(await same.innerText()).toContain('@张伟');
    expect(await same.locator('[data-action-id="ticket.claim"]').count()).toBe(0);
    expect(await page.locator('#pane-body > .message:not(.ephemeral)', { hasText: ticketNumber }).count()).toBe(1);
    await shot(page, '5-ticket-claimed');
    await page.close();
  });

  it('the clock moved past half the SLA brings the ping', async () => {
    const page = await openAs(engineer, 'dm');
    const ping = page.locator('#pane-body .message', { hasText: '已过半' });
    expect(await ping.count()).toBe(0);
    await page.click('[data-move=plus1Hour]');
    await ping.filter({ hasText: ticketNumber }).first().waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('#clock-offset').innerText()).toContain('+1 h');
    await shot(page, '6-half-time-ping');
    await page.close();
  });

  it('a supervisor approves from the Home tab', async () => {
    const asEngineer = await openAs(engineer, 'C0DEMOBJTKT');
    await asEngineer.fill('#composer-input', `/ticket pause ${ticketNumber} 客户机房今晚无法进入`);
    await asEngineer.click('#composer button[type=submit]');
    await asEngineer.locator('#pane-body .message.ephemeral', { hasText: ticketNumber }).last().waitFor();
    await asEngineer.close();

    const page = await openAs(supervisor, 'home');
    const request = page.locator('.home .block', { hasText: ticketNumber });
    await request.first().waitFor({ timeout: 15_000 });
    await shot(page, '7-home-pending-approval');
    await page.locator('.home [data-action-id="approval.approve"]').first().click();
    const confirm = page.locator('.confirm-dialog');
    if (await confirm.isVisible().catch(() => false)) await confirm.locator('.btn.primary').click();
    // The Home is republished without the request (coalesced: within HOME_REFRESH_COALESCE_MS).
    await expect.poll(() => page.locator('.home [data-action-id="approval.approve"]').count(), { timeout: 15_000 }).toBe(0);
    await shot(page, '8-home-approved');
    await page.close();
  });

  it('the 1st of next month brings the monthly report, its chart and CSV opening in the page', async () => {
    const page = await openAs(supervisor, 'C0DEMOBJSUP');
    await page.click('[data-move=nextMonth]');
    const chart = page.locator('#pane-body .file img').first();
    await chart.waitFor({ timeout: 15_000 });
    expect(await chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await chart.scrollIntoViewIfNeeded();
    await shot(page, '9-monthly-report');
    const csv = page.locator('#pane-body .file a', { hasText: 'CSV' }).first();
    const answer = await page.request.get(new URL((await csv.getAttribute('href'))!, base()).toString());
    expect(answer.headers()['content-type']).toContain('text/csv');
    expect(await answer.text()).toContain('王晓梅');
    await page.close();
  });
});

/** A fresh page as `user`, on `target` (home, dm or a channel id). */
async function openAs(user: string, target: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.on('pageerror', (error) => {
    output += `\n[page error] ${error.message}`;
  });
  await page.addInitScript(
    ([u, t]) => {
      localStorage.setItem('sandbox.user', u!);
      localStorage.setItem('sandbox.target', t!);
    },
    [user, target],
  );
  await page.goto(`${base()}/sandbox`);
  await page.waitForSelector('#person option', { state: 'attached' });
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}
