// The router in front of Bolt: a real Bolt App fed payloads through processEvent, as its
// receiver does. Each payload reaches the one listener registered for its id, and Bolt
// itself holds one listener per kind however many are registered.
import { App, type Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { routedApp } from '../../src/slack/edge/listener-router.ts';

const quietReceiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };

function boltApp(): App {
  return new App({ token: 'xoxb-router-test', botId: 'B0ROUTER', botUserId: 'U0ROUTER', receiver: quietReceiver, logLevel: 'error' as never });
}

const payloads = {
  command: (command: string) => ({ command, text: 'help', user_id: 'U1', team_id: 'T1', channel_id: 'C1', trigger_id: 'tr', response_url: 'https://hooks.invalid/1' }),
  action: (actionId: string) => ({ type: 'block_actions', user: { id: 'U1' }, team: { id: 'T1' }, trigger_id: 'tr', actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: 'v' }] }),
  view: (callbackId: string, type = 'view_submission') => ({ type, user: { id: 'U1' }, team: { id: 'T1' }, view: { id: 'V1', callback_id: callbackId, state: { values: {} } } }),
  options: (actionId: string) => ({ type: 'block_suggestion', user: { id: 'U1' }, team: { id: 'T1' }, action_id: actionId, block_id: 'b', value: 'be' }),
};

async function deliver(app: App, body: object): Promise<boolean> {
  let acked = false;
  await app.processEvent({ body, ack: async () => void (acked = true) });
  return acked;
}

describe('the listener router', () => {
  it('hands each payload to the listener of its id, wrapped, and keeps Bolt to one listener per kind', async () => {
    const bolt = boltApp();
    const heard: string[] = [];
    const wrapped: string[] = [];
    const app = routedApp(bolt, (listener) => async (args) => {
      wrapped.push('wrapped');
      await listener(args);
    });
    const listener = (name: string) => async ({ ack }: { ack: () => Promise<void> }) => {
      await ack();
      heard.push(name);
    };
    app.command('/am', listener('am'));
    app.command('/ticket', listener('ticket'));
    for (let i = 0; i < 20; i++) app.action(`button.${i}`, listener(`button ${i}`));
    app.action({ action_id: 'object.form' }, listener('object form'));
    app.view('form.a', listener('form a'));
    app.options({ action_id: 'search' }, listener('search'));
    app.options('other-search', listener('other search'));

    expect(await deliver(bolt, payloads.command('/ticket'))).toBe(true);
    expect(await deliver(bolt, payloads.action('button.17'))).toBe(true);
    expect(await deliver(bolt, payloads.action('object.form'))).toBe(true);
    expect(await deliver(bolt, payloads.view('form.a'))).toBe(true);
    expect(await deliver(bolt, payloads.options('search'))).toBe(true);
    expect(await deliver(bolt, payloads.options('other-search'))).toBe(true);
    expect(heard).toEqual(['ticket', 'button 17', 'object form', 'form a', 'search', 'other search']);
    expect(wrapped).toHaveLength(6);
    // Four kinds registered: four listeners in Bolt, not 27.
    expect((bolt as unknown as { listeners: unknown[] }).listeners).toHaveLength(4);
  });

  it('leaves a payload nobody registered unacknowledged, as Bolt does', async () => {
    const bolt = boltApp();
    const app = routedApp(bolt, (listener) => listener);
    app.action('known', async ({ ack }) => ack());
    expect(await deliver(bolt, payloads.action('unknown'))).toBe(false);
    expect(await deliver(bolt, payloads.view('known'))).toBe(false);
  });

  it('passes what it does not route to Bolt as registered, wrapped', async () => {
    const bolt = boltApp();
    let wraps = 0;
    const app = routedApp(bolt, (listener) => {
      wraps++;
      return listener;
    });
    const heard: string[] = [];
    app.view({ callback_id: 'form.a', type: 'view_closed' }, async ({ ack }) => {
      await ack();
      heard.push('closed');
    });
    app.action(/^page\./, async ({ ack }) => {
      await ack();
      heard.push('page');
    });
    expect(await deliver(bolt, payloads.view('form.a', 'view_closed'))).toBe(true);
    expect(await deliver(bolt, payloads.action('page.next'))).toBe(true);
    expect(heard).toEqual(['closed', 'page']);
    expect(wraps).toBe(2);
  });

  it('refuses a second listener for the same id', () => {
    const app = routedApp(boltApp(), (listener) => listener);
    app.action('ticket.claim', async ({ ack }) => ack());
    expect(() => app.action('ticket.claim', async ({ ack }) => ack())).toThrow('two action listeners for ticket.claim');
  });
});
