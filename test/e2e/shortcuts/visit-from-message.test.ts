// "Log as a visit" on a message: the visit form comes with the message's text and link as
// the summary and the customer guessed from it (when the person serves them); saved, the
// text and link are in the customer's visit history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortcutIds, visitIds } from '../../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../../support/test-bot.ts';
import { datetimepicker, externalSelect, plainText, staticSelect } from '../../../src/sandbox/slack-stand-in/view-state.ts';
import { introducePeople, people } from '../../support/tickets.ts';

describe('a visit from a message', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
    introducePeople(t.slack);
  });
  afterAll(() => t.stop());

  async function shortcutOn(text: string, userId: string, triggerId: string) {
    const message = t.slack.postAsUser('C0FIELDOPS', 'U0CUSTOMERREP', text);
    const responseUrl = t.slack.responseUrl({ userId });
    expect((await t.driver.messageShortcut({ userId, callbackId: shortcutIds.visitFromMessage, message, channelId: 'C0FIELDOPS', triggerId, responseUrl })).status).toBe(200);
    return { message, responseUrl };
  }

  it('prefills the summary with the message and its link, the customer guessed; saved, both are in the visit', async () => {
    const { message } = await shortcutOn('周文华 来电：想把家庭宽带升级到千兆', people.am1, 'trigger-visit-msg-1');
    const view = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-visit-msg-1')).response.view;
    expect(view.callback_id).toBe(visitIds.form);
    const link = `https://slack.com/archives/C0FIELDOPS/p${message.ts.replace('.', '')}`;
    const summary = view.blocks.find((b: any) => b.block_id === 'summary').element.initial_value;
    expect(summary).toBe(`周文华 来电：想把家庭宽带升级到千兆\n${link}`);
    expect(view.blocks.find((b: any) => b.block_id === 'customer').element.initial_option.value).toBe('C0004');

    const response = await t.driver.viewSubmission({
      userId: people.am1,
      view,
      values: {
        customer: { 'visit.customer': externalSelect('C0004', 'C0004 周文华') },
        kind: { 'visit.kind': staticSelect('phone') },
        occurred_at: { 'visit.occurred_at': datetimepicker(Math.floor(Date.parse('2026-11-23T01:30:00Z') / 1000)) },
        summary: { 'visit.summary': plainText(summary) },
      },
    });
    expect(response.json.response_action).toBe('update');
    const visit = await t.bot.db.visit.findFirstOrThrow({ where: { customerCode: 'C0004' } });
    expect(visit.summary).toContain(link);
  });

  it('leaves the customer out when it is not one the person serves', async () => {
    // C0003 belongs to another manager's book.
    await shortcutOn('C0003 asked about roaming', people.am1, 'trigger-visit-msg-2');
    const view = (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === 'trigger-visit-msg-2')).response.view;
    expect(view.blocks.find((b: any) => b.block_id === 'customer').element.initial_option).toBeUndefined();
  });

  it('tells someone the directory does not know why, privately', async () => {
    const { responseUrl } = await shortcutOn('C0004 called', 'U0STRANGER', 'trigger-visit-msg-3');
    const answer = (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
    expect(answer.text).toMatch(/not registered/);
    t.slack.assertNoRejections();
  });
});
