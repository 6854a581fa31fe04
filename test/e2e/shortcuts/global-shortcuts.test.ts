// The global shortcuts (⚡ menu, also on phones) open the same modals as the commands,
// on the shortcut's own trigger; someone the directory does not know hears why on their
// Home (a global shortcut carries no response_url).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionIds, shortcutIds, ticketIds, visitIds, xregionIds } from '../../../src/slack/ids.ts';
import { startTestBot, type TestBot } from '../../support/test-bot.ts';
import { introducePeople, people, until } from '../../support/tickets.ts';

describe('global shortcuts', () => {
  let t: TestBot;

  beforeAll(async () => {
    t = await startTestBot({ now: '2026-11-23T02:00:00Z' });
    introducePeople(t.slack);
  });
  afterAll(() => t.stop());

  const opened = async (userId: string, callbackId: string, triggerId: string) => {
    const response = await t.driver.shortcut({ userId, callbackId, triggerId });
    expect(response.status).toBe(200);
    // The ack carries nothing: the modal is the answer.
    expect(response.text).toBe('');
    const call = await t.slack.waitFor((c) => c.method === 'views.open' && c.args.trigger_id === triggerId);
    expect(call.ok).toBe(true);
    return call.args.view;
  };

  it.each([
    ['Log a visit', shortcutIds.logVisit, people.am1, visitIds.form],
    ['Open a fault ticket', shortcutIds.openTicket, people.am1, ticketIds.newView],
    ['Cross-region request', shortcutIds.crossRegion, people.am1, xregionIds.acceptanceForm],
    ['Record retention', shortcutIds.recordRetention, people.am1, retentionIds.recordView],
  ])('“%s” opens its modal on the shortcut’s trigger', async (_name, callbackId, userId, viewCallbackId) => {
    const view = await opened(userId, callbackId, `trigger-${callbackId}`);
    expect(view.callback_id).toBe(viewCallbackId);
  });

  it('tells someone the directory does not know why, on their Home, and opens nothing', async () => {
    const before = t.slack.callsTo('views.open').length;
    const response = await t.driver.shortcut({ userId: 'U0STRANGER', callbackId: shortcutIds.openTicket, triggerId: 'trigger-stranger' });
    expect(response.status).toBe(200);
    await until(t, 'the refusal on the Home', () => t.slack.callsTo('views.publish').some((c) => c.args.user_id === 'U0STRANGER'));
    expect(t.slack.callsTo('views.open').length).toBe(before);
    const home = t.slack.callsTo('views.publish').find((c) => c.args.user_id === 'U0STRANGER')!;
    expect(JSON.stringify(home.args.view.blocks)).toMatch(/not (yet )?(registered|in the directory)|administrator|admin/i);
  });
});
