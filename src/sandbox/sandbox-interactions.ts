// Slack's part of every interaction: a typed command, a message, a click, a submitted or
// closed modal, a search in an external select, opening the Home tab. Each becomes the
// signed request Slack would send into the bot's real receiver (the driver in
// slack-stand-in/); what Slack itself does with the answer is played here too — an ack
// carrying a message shows it to the user, a modal's response_action (errors, update,
// push, clear) acts on the modal stack, an empty ack closes the modal.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Routes } from '../http/server.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { BadInput, pageInput, pageRoute } from './sandbox-input.ts';
import type { FakeSlack } from './slack-stand-in/server.ts';
import type { SlackDriver, SlackResponse } from './slack-stand-in/slack-requests.ts';
import { dmChannelFor } from './slack-stand-in/state.ts';

export type InteractionDeps = {
  slack: FakeSlack;
  driver: SlackDriver;
  botToken: string;
  /** A fresh trigger id, remembered as this user's (their modals are theirs to see). */
  trigger(user: string): string;
  notify(): void;
};

/** The slash commands the app declares (manifest.yml): Slack refuses any other. */
function declaredCommands(): Set<string> {
  const manifest = readFileSync(path.join(PROJECT_ROOT, 'manifest.yml'), 'utf8');
  return new Set([...manifest.matchAll(/^\s*-\s*command:\s*(\/\S+)/gm)].map((m) => m[1]!));
}

const refused = (answer: SlackResponse) => (answer.status === 200 ? undefined : `the bot answered HTTP ${answer.status}`);

export function interactionRoutes(deps: InteractionDeps): Routes {
  const { slack, driver, trigger, notify } = deps;
  const commands = declaredCommands();
  const standIn = async (method: string, args: Record<string, unknown>) => {
    const res = await fetch(`${slack.apiUrl}${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deps.botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    return (await res.json()) as { ok: boolean; error?: string };
  };
  /** Slack shows the message an ack carries to the one user (or the channel, for in_channel). */
  const showAckMessage = (answer: SlackResponse, user: string, channel: string) => {
    const json = answer.json;
    if (!json || typeof json !== 'object' || (!json.text && !json.blocks)) return;
    slack.state.messages.push({
      channel,
      ts: slack.state.nextTs(),
      text: json.text ?? '',
      blocks: json.blocks,
      ephemeralTo: json.response_type === 'in_channel' ? undefined : user,
      via: 'ack',
      edits: 0,
    });
    notify();
  };
  const openView = (viewId: string) => {
    const view = slack.state.views.get(viewId);
    if (!view) throw new BadInput('that view is no longer open');
    return view;
  };

  const routes: Routes = new Map();
  routes.set(
    'POST /sandbox/command',
    pageRoute(pageInput.command, async ({ user, channel, text }) => {
      const [, command, rest] = /^(\/\S+)\s*([\s\S]*)$/.exec(text.trim()) ?? [];
      if (!command || !commands.has(command)) throw new BadInput(`${command ?? text} is not a command of this app (${[...commands].join(', ')})`);
      const answer = await driver.command({
        command,
        text: rest ?? '',
        userId: user,
        channelId: channel,
        responseUrl: slack.responseUrl({ channel, userId: user }),
        triggerId: trigger(user),
      });
      showAckMessage(answer, user, channel);
      return { refused: refused(answer) };
    }),
  );

  routes.set(
    'POST /sandbox/message',
    pageRoute(pageInput.message, async ({ user, channel, text, threadTs }) => {
      const ts = slack.state.nextTs();
      slack.state.messages.push({ channel, ts, text, thread_ts: threadTs, user, via: 'user', edits: 0 });
      notify();
      const im = channel === dmChannelFor(user);
      const answer = await driver.event({ type: 'message', channel, channel_type: im ? 'im' : 'channel', user, text, ts, ...(threadTs ? { thread_ts: threadTs } : {}) });
      return { refused: refused(answer) };
    }),
  );

  routes.set(
    'POST /sandbox/action',
    pageRoute(pageInput.action, async (input) => {
      const common = {
        userId: input.user,
        actionId: input.actionId,
        blockId: input.blockId,
        value: input.value,
        selectedOption: input.selectedOption,
        selectedOptions: input.selectedOptions,
        selectedDate: input.selectedDate,
        selectedTime: input.selectedTime,
        selectedUser: input.selectedUser,
        state: input.state,
        triggerId: trigger(input.user),
      };
      if (input.viewId) return { refused: refused(await driver.blockAction({ ...common, view: openView(input.viewId) })) };
      const message = slack.messages().find((m) => m.channel === input.channel && m.ts === input.ts);
      if (!message) throw new BadInput('that message is gone');
      const responseUrl = slack.responseUrl({ channel: message.channel, messageTs: message.ts, userId: input.user });
      return { refused: refused(await driver.blockAction({ ...common, message, channelId: message.channel, responseUrl })) };
    }),
  );

  routes.set(
    'POST /sandbox/submit',
    pageRoute(pageInput.submit, async ({ user, viewId, values }) => {
      const view = openView(viewId);
      const answer = await driver.viewSubmission({ userId: user, view, values, triggerId: trigger(user) });
      if (answer.status !== 200) return { refused: refused(answer) };
      const action = answer.json?.response_action;
      if (action === 'errors') return { errors: answer.json.errors ?? {} };
      if (action === 'update' || action === 'push') {
        const args = action === 'update' ? { view_id: viewId, view: answer.json.view } : { trigger_id: trigger(user), view: answer.json.view };
        const done = await standIn(`views.${action}`, args);
        if (!done.ok) return { refused: `views.${action}: ${done.error}` };
      } else {
        slack.closeView(action === 'clear' ? (view.root_view_id ?? viewId) : viewId);
      }
      notify();
      return {};
    }),
  );

  routes.set(
    'POST /sandbox/close',
    pageRoute(pageInput.close, async ({ viewId }) => {
      const view = slack.state.views.get(viewId);
      if (view) slack.closeView(view.clear_on_close ? (view.root_view_id ?? viewId) : viewId);
      notify();
      return {};
    }),
  );

  routes.set(
    'POST /sandbox/suggest',
    pageRoute(pageInput.suggest, async ({ user, viewId, actionId, blockId, value }) => {
      const answer = await driver.blockSuggestion({ userId: user, actionId, blockId, value, view: openView(viewId) });
      return { options: answer.json?.options ?? [], optionGroups: answer.json?.option_groups ?? null, refused: refused(answer) };
    }),
  );

  routes.set(
    'POST /sandbox/home',
    pageRoute(pageInput.home, async ({ user }) => {
      const home = slack.homeViewOf(user);
      const answer = await driver.event({ type: 'app_home_opened', user, channel: dmChannelFor(user), tab: 'home', ...(home ? { view: home } : {}) });
      return { refused: refused(answer) };
    }),
  );
  return routes;
}
