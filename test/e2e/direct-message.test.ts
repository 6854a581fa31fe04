// The Messages tab: a person who writes to the bot gets the help in their language, and
// nothing else in a direct message (the bot's own answers, edits) is answered.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
  t.slack.setUser('U0WRITER', { locale: 'en-US', tz: 'Europe/London', name: 'Wendy Writer' });
  t.slack.setUser('U0DEMOAM1', { locale: 'zh-CN', tz: 'Asia/Shanghai', name: '王晓梅' });
});
afterAll(() => t.stop());
beforeEach(() => t.slack.reset());

let ts = 0;
function directMessage(user: string, extra: Record<string, unknown> = {}) {
  return t.driver.event({ type: 'message', channel_type: 'im', channel: `D${user}`, user, text: 'hello?', ts: `1700000100.${String(++ts).padStart(6, '0')}`, ...extra });
}

const postsTo = (channel: string) => t.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

describe('a direct message to the bot', () => {
  it('is answered with the help, in the writer’s language', async () => {
    expect((await directMessage('U0WRITER')).status).toBe(200);
    const en = await t.slack.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === 'DU0WRITER', 10_000);
    expect(JSON.stringify(en.args.blocks)).toContain('Key-account service bot');
    expect(JSON.stringify(en.args.blocks)).toContain('/ticket claim');

    expect((await directMessage('U0DEMOAM1')).status).toBe(200);
    const zh = await t.slack.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === 'DU0DEMOAM1', 10_000);
    expect(JSON.stringify(zh.args.blocks)).toContain('大客户服务机器人');
    t.slack.assertNoRejections();
  });

  it('leaves the bot’s own messages, edits and deletions unanswered', async () => {
    await directMessage('U0WRITER', { bot_id: 'B0FAKEBOT1', user: 'U0FAKEBOT1' });
    await directMessage('U0WRITER', { subtype: 'message_changed', message: { text: 'edited', user: 'U0WRITER' } });
    await directMessage('U0WRITER', { subtype: 'message_deleted', previous_message: { text: 'gone' } });
    // Then one a person typed: once its answer is there, the others had their chance.
    await directMessage('U0WRITER');
    await t.slack.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === 'DU0WRITER', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(postsTo('DU0WRITER')).toHaveLength(1);
  });
});
