// /visit list and /visit history through the real receiver, on visits logged by the
// domain at chosen instants.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { logVisit } from '../../src/domain/visits/log-visit.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;

async function log(actorId: string, customerCode: string, at: string, summary: string) {
  t.clock.set(at);
  await logVisit(t.bot.ctx, {
    actorId,
    fields: { customerCode, kind: 'phone', occurredAt: new Date(at), summary },
    timeZone: 'Asia/Shanghai',
    source: 'quick',
    policy: t.bot.ctx.config.visits.policy,
  });
}

beforeAll(async () => {
  t = await startTestBot({ now: '2026-11-01T02:00:00Z' });
  t.slack.setUser('U0DEMOAM1', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Wang Xiaomei' });
  t.slack.setUser('U0DEMOAM2', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Li Qiang' });
  t.slack.setUser('U0DEMOSUP1', { locale: 'en-US', tz: 'Asia/Shanghai', name: 'Zhao Min' });
  // Twelve visits to C0001, one a day from 1 to 12 November, then a few others.
  for (let day = 1; day <= 12; day++) {
    await log('U0DEMOAM1', 'C0001', `2026-11-${String(day).padStart(2, '0')}T02:00:00Z`, `Call number ${day}`);
  }
  await log('U0DEMOAM1', 'C0004', '2026-11-20T03:00:00Z', 'Birthday plans');
  await log('U0DEMOAM2', 'C0005', '2026-11-21T03:00:00Z', 'Welcome call');
  t.clock.set('2026-11-23T02:00:00Z');
});
afterAll(() => t.stop());
beforeEach(() => t.slack.reset());

async function answerTo(userId: string, text: string) {
  const responseUrl = t.slack.responseUrl();
  await t.driver.command({ command: '/visit', text, userId, responseUrl });
  const answer = await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl);
  t.slack.assertNoRejections();
  return answer.args;
}

const shown = (answer: any) => JSON.stringify(answer.blocks);
/** The summaries shown, in order (the second line of each visit section). */
const summaries = (answer: any) =>
  answer.blocks.filter((b: any) => b.type === 'section').map((b: any) => b.text.text.split('\n')[1]);

describe('/visit history', () => {
  it('pages a customer’s visits, newest first, and pages on with the buttons in place', async () => {
    const first = await answerTo('U0DEMOAM1', 'history C0001');
    expect(shown(first)).toContain('Page 1 of 2 · 12 visits');
    expect(summaries(first)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((n) => `Call number ${n}`));
    expect(shown(first)).toContain('2026-11-12 10:00');
    // AAA: every 14 days after the last call on the 12th.
    expect(shown(first)).toContain('Next contact due *2026-11-26* (regular care for their tier)');
    // The author sees an Edit button on their own visits.
    expect(first.blocks.filter((b: any) => b.accessory?.action_id === 'visit.edit')).toHaveLength(10);

    const responseUrl = t.slack.responseUrl();
    await t.driver.blockAction({ userId: 'U0DEMOAM1', actionId: 'visit.history_older', message: first, responseUrl });
    const second = await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl);
    expect(second.args.replace_original).toBe(true);
    expect(shown(second.args)).toContain('Page 2 of 2');
    expect(summaries(second.args)).toEqual(['Call number 2', 'Call number 1']);
    expect(second.args.blocks.at(-1).elements.map((e: any) => e.action_id)).toEqual(['visit.history_newer']);
  });

  it('finds the customer by name and shows a supervisor the region’s history without edit buttons', async () => {
    const answer = await answerTo('U0DEMOSUP1', 'history 星辰科技');
    expect(shown(answer)).toContain('北京星辰科技有限公司 (C0001)');
    expect(answer.blocks.some((b: any) => b.accessory?.action_id === 'visit.edit')).toBe(false);
  });

  it('refuses another manager’s customer', async () => {
    expect((await answerTo('U0DEMOAM2', 'history C0001')).text).toContain('is not one of the customers you serve');
  });
});

describe('/visit list', () => {
  it('lists my visits of the last 30 days by default, newest first', async () => {
    const answer = await answerTo('U0DEMOAM1', 'list');
    expect(answer.text).toBe('Your visits, 2026-10-25 – 2026-11-23');
    expect(summaries(answer).slice(0, 3)).toEqual(['Birthday plans', 'Call number 12', 'Call number 11']);
    expect(summaries(answer)).toHaveLength(13);
    expect(shown(answer)).not.toContain('Welcome call');
  });

  it('narrows to a period and to a customer', async () => {
    const week = await answerTo('U0DEMOAM1', 'list 2026-11-10..2026-11-12');
    expect(summaries(week)).toEqual(['Call number 12', 'Call number 11', 'Call number 10']);
    const customer = await answerTo('U0DEMOAM1', 'list C0004 7d');
    expect(customer.text).toBe('Visits to 周文华 (C0004), 2026-11-17 – 2026-11-23');
    expect(shown(customer)).toContain('Birthday plans');
    expect((await answerTo('U0DEMOAM1', 'list 2026-13')).text).toContain('`2026-13` is not a period');
  });

  it('lets a supervisor list a manager of their region, but not a manager list a colleague', async () => {
    const bySupervisor = await answerTo('U0DEMOSUP1', 'list <@U0DEMOAM2|li> 2026-11');
    expect(bySupervisor.text).toBe('Visits by 李强, 2026-11-01 – 2026-11-30');
    expect(shown(bySupervisor)).toContain('Welcome call');
    expect((await answerTo('U0DEMOAM2', 'list <@U0DEMOAM1>')).text).toContain('Only supervisors');
    expect((await answerTo('U0DEMOSUP2', 'list <@U0DEMOAM1>')).text).toContain('只有主管');
  });

  it('shows at most 25 visits and says how many more there are', async () => {
    for (let n = 1; n <= 14; n++) await log('U0DEMOAM1', 'C0002', new Date(Date.parse('2026-11-22T00:00:00Z') + n * 60_000).toISOString(), `Extra ${n}`);
    t.clock.set('2026-11-23T02:00:00Z');
    const answer = await answerTo('U0DEMOAM1', 'list mine');
    expect(summaries(answer)).toHaveLength(25);
    expect(shown(answer)).toContain('Showing the newest 25 of 27');
  });
});
