// "Open a ticket from this" on a message someone wrote: the new-ticket modal comes
// prefilled (the message as the description, the customer guessed from a code, a name
// or its pinyin in it — to confirm), and the ticket's thread links back to the message
// through Slack's permalink.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortcutIds, ticketIds } from '../../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../../support/test-bot.ts';
import { externalSelect, plainText, radio, staticSelect } from '../../../src/sandbox/slack-stand-in/view-state.ts';
import { introducePeople, people, ticketMessage, until } from '../../support/tickets.ts';

const fieldOps = 'C0FIELDOPS';

describe('a ticket from a message', () => {
  let t: TestBot;
  let triggers = 0;

  beforeAll(async () => {
    t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
    introducePeople(t.slack);
  });
  afterAll(() => t.stop());

  /** The shortcut on a message just written in #field-ops; resolves with the modal it opened. */
  async function shortcutOn(text: string, userId: string = people.am1) {
    const message = t.slack.postAsUser(fieldOps, 'U0CUSTOMERREP', text);
    const triggerId = `trigger-from-message-${++triggers}`;
    const responseUrl = t.slack.responseUrl({ userId });
    const response = await t.driver.messageShortcut({ userId, callbackId: shortcutIds.ticketFromMessage, message, channelId: fieldOps, triggerId, responseUrl });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    return { message, triggerId, responseUrl };
  }
  const openedView = async (triggerId: string) => (await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === triggerId)).response.view;
  const customerInput = (view: any) => view.blocks.find((b: any) => b.block_id === 'customer').element;
  const descriptionInput = (view: any) => view.blocks.find((b: any) => b.block_id === 'description').element;

  it('prefills the description and the customer named by its code, and links the ticket’s thread back to the message', async () => {
    const text = 'C0001 专线从早上8点中断 & 客户很着急 <请尽快>';
    // Slack carries &, < and > as entities in message text.
    const { message, triggerId } = await shortcutOn(text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;'));
    const view = await openedView(triggerId);
    expect(view.callback_id).toBe(ticketIds.newView);
    expect(customerInput(view).initial_option).toEqual({ text: expect.objectContaining({ text: 'C0001 北京星辰科技有限公司' }), value: 'C0001' });
    expect(descriptionInput(view).initial_value).toBe(text);
    expect(JSON.parse(view.private_metadata)).toEqual({ source: { channelId: fieldOps, messageTs: message.ts } });

    const submitted = await t.driver.viewSubmission({
      userId: people.am1,
      view,
      values: {
        customer: { [ticketIds.customerSearch]: externalSelect('C0001', 'C0001 北京星辰科技有限公司') },
        service: { service: staticSelect('internet_line') },
        scope: { scope: radio('within_province') },
        description: { description: plainText(text) },
      },
    });
    expect(submitted.text, 'the modal closed').toBe('');
    const ticket = await t.bot.db.ticket.findFirstOrThrow({ where: { customerCode: 'C0001' } });
    expect(ticket.description).toBe(text);
    const opening = await t.bot.db.auditEntry.findFirstOrThrow({ where: { subject: `ticket:${ticket.id}`, action: 'ticket.opened' } });
    expect((opening.detail as any).sourceMessage).toEqual({ channelId: fieldOps, messageTs: message.ts });

    await t.bot.ctx.outbox.idle();
    const posted = await ticketMessage(t, ticket.number);
    const permalink = `https://fake-workspace.slack.com/archives/${fieldOps}/p${message.ts.replace('.', '')}`;
    await until(t, 'the link back in the thread', () => t.slack.messages().some((m) => m.thread_ts === posted.ts && String(m.text).includes(permalink)));
    expect(t.slack.callsTo('chat.getPermalink').map((c) => c.args)).toEqual([expect.objectContaining({ channel: fieldOps, message_ts: message.ts })]);
  });

  it('guesses the customer from a name written in Chinese, and from its pinyin', async () => {
    const byName = await shortcutOn('周文华 反映手机没有信号');
    expect(customerInput(await openedView(byName.triggerId)).initial_option.value).toBe('C0004');
    const byPinyin = await shortcutOn('Zhou Wenhua called: no signal at home since yesterday');
    expect(customerInput(await openedView(byPinyin.triggerId)).initial_option.value).toBe('C0004');
  });

  it('leaves the customer to pick when the message names none', async () => {
    const { triggerId } = await shortcutOn('Line down somewhere downtown, please check');
    const view = await openedView(triggerId);
    expect(customerInput(view).initial_option).toBeUndefined();
    expect(descriptionInput(view).initial_value).toBe('Line down somewhere downtown, please check');
  });

  it('tells someone the directory does not know why, privately, and opens nothing', async () => {
    const opens = t.slack.callsTo('views.open').length;
    const { responseUrl } = await shortcutOn('C0001 down', 'U0STRANGER');
    const answer = (await t.slack.waitFor((c) => c.method === 'response_url' && c.responseUrl === responseUrl)).args;
    expect(answer.response_type).toBe('ephemeral');
    expect(t.slack.callsTo('views.open')).toHaveLength(opens);
    t.slack.assertNoRejections();
  });
});
