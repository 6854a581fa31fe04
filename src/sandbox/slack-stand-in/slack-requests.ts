// Sends requests to a Bolt HTTP receiver exactly as Slack does: the same
// encodings (form-encoded slash commands, form-encoded payload=<JSON>
// interactions, JSON events) and the v0 HMAC signature over the raw body.
import { createHmac } from 'node:crypto';
import {
  channelName,
  elementsOf,
  envelope,
  type Identity,
  payloadView,
  stateFor,
  triggerIdFactory,
  withRealOptions,
} from './slack-payloads.ts';

export * from './view-state.ts';

export interface SlackResponse {
  status: number;
  text: string;
  /** Parsed body, or undefined when the body is empty or not JSON. */
  json: any;
}

/** Per-request overrides to test the receiver's defences. */
export interface SendOptions {
  /** Seconds; e.g. now - 6 * 60 for a stale request. */
  timestamp?: number;
  /** Sent instead of the computed signature. */
  signature?: string;
  headers?: Record<string, string>;
}

export interface SlackDriverOptions {
  baseUrl: string;
  signingSecret: string;
  teamId?: string;
  /** Default '/slack/events'. */
  path?: string;
  teamDomain?: string;
  apiAppId?: string;
  botUserId?: string;
  botId?: string;
  /** Where slash commands and message actions get their response_url when the test names none (e.g. () => fake.responseUrl()). */
  responseUrl?: () => string;
  /** Makes event ids unique across driver instances (the sandbox: a bot that remembers the event ids it saw, restarted). */
  eventIdPrefix?: string;
  /** Socket Mode instead of HTTP: each request goes out as an envelope of this type (e.g. FakeSocketMode.transport). */
  envelopes?: (type: 'slash_commands' | 'interactive' | 'events_api', payload: object) => Promise<SlackResponse>;
}

export interface CommandInput {
  command: string;
  text?: string;
  userId: string;
  channelId?: string;
  channelName?: string;
  responseUrl?: string;
  triggerId?: string;
  userName?: string;
}

export interface SelectedOptionInput {
  value: string;
  text?: string | { type: 'plain_text' | 'mrkdwn'; text: string; emoji?: boolean };
}

export interface BlockActionInput {
  userId: string;
  actionId: string;
  blockId?: string;
  /** Element type; taken from the message/view when they contain the element, else inferred. */
  type?: string;
  value?: string;
  selectedOption?: SelectedOptionInput;
  selectedOptions?: SelectedOptionInput[];
  selectedDate?: string;
  selectedTime?: string;
  selectedUser?: string;
  selectedConversation?: string;
  selectedChannel?: string;
  channelId?: string;
  messageTs?: string;
  /** The message holding the element (e.g. fake.messageIn(...) or its blocks). */
  message?: any;
  /** The view holding the element (e.g. fake.openViews()[0]); makes this a view interaction. */
  view?: any;
  /** view.state.values at the time of the click. */
  state?: Record<string, Record<string, any>>;
  responseUrl?: string;
  triggerId?: string;
  userName?: string;
}

export interface ViewSubmissionInput {
  userId: string;
  /** Required unless view carries a callback_id. */
  callbackId?: string;
  values: Record<string, Record<string, any>>;
  privateMetadata?: string;
  viewId?: string;
  /** The view being submitted (e.g. fake.openViews()[0]); values are then checked against its inputs. */
  view?: any;
  triggerId?: string;
  responseUrls?: any[];
  userName?: string;
}

export interface ShortcutInput {
  userId: string;
  callbackId: string;
  triggerId?: string;
  userName?: string;
}

export interface MessageShortcutInput extends ShortcutInput {
  /** The message the shortcut was used on (e.g. fake.messageIn(...)): its text, ts, user. */
  message: { ts: string; text?: string; user?: string; channel?: string; thread_ts?: string; blocks?: unknown[] };
  channelId?: string;
  responseUrl?: string;
}

export interface BlockSuggestionInput {
  userId: string;
  actionId: string;
  blockId?: string;
  value: string;
  viewCallbackId?: string;
  viewId?: string;
  view?: any;
  userName?: string;
}

export function signSlackRequest(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function option(o: SelectedOptionInput): { text: object; value: string } {
  const text = typeof o.text === 'object' ? o.text : { type: 'plain_text', text: o.text ?? o.value, emoji: true };
  return { text, value: o.value };
}

function inferType(input: BlockActionInput): string {
  if (input.selectedOptions) return 'multi_static_select';
  if (input.selectedOption) return 'static_select';
  if (input.selectedDate !== undefined) return 'datepicker';
  if (input.selectedTime !== undefined) return 'timepicker';
  if (input.selectedUser !== undefined) return 'users_select';
  if (input.selectedConversation !== undefined) return 'conversations_select';
  if (input.selectedChannel !== undefined) return 'channels_select';
  return 'button';
}

export function createSlackDriver(options: SlackDriverOptions) {
  const url = `${options.baseUrl.replace(/\/+$/, '')}${options.path ?? '/slack/events'}`;
  const id: Identity = {
    teamId: options.teamId ?? 'T0FAKE0001',
    teamDomain: options.teamDomain ?? 'fake-workspace',
    apiAppId: options.apiAppId ?? 'A0FAKEAPP1',
    botUserId: options.botUserId ?? 'U0FAKEBOT1',
    botId: options.botId ?? 'B0FAKEBOT1',
    token: 'fake-verification-token',
  };
  const nextTrigger = triggerIdFactory();
  let actionCounter = 0;
  const defaultResponseUrl = () => options.responseUrl?.() ?? 'http://127.0.0.1:9/response/none';

  async function send(body: string, headers: Record<string, string>, opts: SendOptions = {}): Promise<SlackResponse> {
    const has = (name: string) => Object.keys(headers).some((k) => k.toLowerCase() === name);
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const signed: Record<string, string> = {
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...(has('x-slack-request-timestamp') ? {} : { 'x-slack-request-timestamp': String(timestamp) }),
      ...(has('x-slack-signature') ? {} : { 'x-slack-signature': opts.signature ?? signSlackRequest(options.signingSecret, timestamp, body) }),
      ...headers,
      ...opts.headers,
    };
    const res = await fetch(url, { method: 'POST', headers: signed, body });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json };
  }

  const form = (fields: Record<string, string>, opts?: SendOptions) =>
    send(new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' }, opts);
  const interaction = (payload: object, opts?: SendOptions) =>
    options.envelopes ? options.envelopes('interactive', payload) : form({ payload: JSON.stringify(payload) }, opts);

  function command(input: CommandInput, opts?: SendOptions): Promise<SlackResponse> {
    const channelId = input.channelId ?? 'C0TESTCHAN1';
    const fields = {
      token: id.token,
      team_id: id.teamId,
      team_domain: id.teamDomain,
      channel_id: channelId,
      channel_name: input.channelName ?? channelName(channelId),
      user_id: input.userId,
      user_name: input.userName ?? input.userId.toLowerCase(),
      command: input.command,
      text: input.text ?? '',
      api_app_id: id.apiAppId,
      is_enterprise_install: 'false',
      response_url: input.responseUrl ?? defaultResponseUrl(),
      trigger_id: input.triggerId ?? nextTrigger(),
    };
    return options.envelopes ? options.envelopes('slash_commands', fields) : form(fields, opts);
  }

  function blockAction(input: BlockActionInput, opts?: SendOptions): Promise<SlackResponse> {
    const inView = input.view !== undefined;
    const blocks = inView ? input.view.blocks : input.message?.blocks;
    const hit = elementsOf(blocks).find((e) => e.element.action_id === input.actionId && (!input.blockId || e.blockId === input.blockId));
    if (Array.isArray(blocks) && !hit) {
      throw new Error(`blockAction: no element with action_id '${input.actionId}' in the ${inView ? 'view' : 'message'} blocks`);
    }
    const element = hit?.element ?? {};
    const type = input.type ?? element.type ?? inferType(input);
    const where = `blockAction ${input.actionId}`;
    let action: Record<string, any> = {
      type,
      action_id: input.actionId,
      block_id: input.blockId ?? hit?.blockId ?? 'test_block',
      action_ts: `${Math.floor(Date.now() / 1000)}.${String(++actionCounter).padStart(6, '0')}`,
      ...(type === 'button' ? { text: element.text ?? { type: 'plain_text', text: input.actionId, emoji: true } } : {}),
      ...(input.value !== undefined || element.value !== undefined ? { value: input.value ?? element.value } : {}),
      ...(element.style ? { style: element.style } : {}),
      ...(input.selectedOption ? { selected_option: option(input.selectedOption) } : {}),
      ...(input.selectedOptions ? { selected_options: input.selectedOptions.map(option) } : {}),
      ...(input.selectedDate !== undefined ? { selected_date: input.selectedDate } : {}),
      ...(input.selectedTime !== undefined ? { selected_time: input.selectedTime } : {}),
      ...(input.selectedUser !== undefined ? { selected_user: input.selectedUser } : {}),
      ...(input.selectedConversation !== undefined ? { selected_conversation: input.selectedConversation } : {}),
      ...(input.selectedChannel !== undefined ? { selected_channel: input.selectedChannel } : {}),
    };
    if (hit) action = withRealOptions(action, element, where);
    const base = { ...envelope(id, 'block_actions', input.userId, input.userName), trigger_id: input.triggerId ?? nextTrigger() };
    const values = stateFor(input.state ?? {}, blocks);
    if (inView) {
      const view = payloadView(id, input.view, { state: { values } });
      return interaction({ ...base, container: { type: 'view', view_id: view.id }, view, state: { values }, actions: [action] }, opts);
    }
    const channelId = input.channelId ?? input.message?.channel ?? 'C0TESTCHAN1';
    const ts = input.messageTs ?? input.message?.ts ?? '1700000000.000100';
    const { channel: _channel, via: _via, edits: _edits, ephemeralTo, ...shown } = input.message ?? {};
    const message = { type: 'message', user: id.botUserId, bot_id: id.botId, text: '', ...shown, ts };
    return interaction(
      {
        ...base,
        container: { type: 'message', message_ts: ts, channel_id: channelId, is_ephemeral: Boolean(ephemeralTo) },
        channel: { id: channelId, name: channelName(channelId) },
        message,
        state: { values },
        response_url: input.responseUrl ?? defaultResponseUrl(),
        actions: [action],
      },
      opts,
    );
  }

  function viewSubmission(input: ViewSubmissionInput, opts?: SendOptions): Promise<SlackResponse> {
    const callbackId = input.callbackId ?? input.view?.callback_id;
    if (!callbackId) throw new Error('viewSubmission: callbackId is required (or a view with a callback_id)');
    const values = stateFor(input.values, input.view?.blocks);
    const view = payloadView(id, input.view, {
      ...(input.viewId ? { id: input.viewId } : {}),
      callback_id: callbackId,
      private_metadata: input.privateMetadata ?? input.view?.private_metadata ?? '',
      state: { values },
    });
    return interaction(
      {
        ...envelope(id, 'view_submission', input.userId, input.userName),
        trigger_id: input.triggerId ?? nextTrigger(),
        view,
        response_urls: input.responseUrls ?? [],
      },
      opts,
    );
  }

  function blockSuggestion(input: BlockSuggestionInput, opts?: SendOptions): Promise<SlackResponse> {
    const hit = elementsOf(input.view?.blocks).find((e) => e.element.action_id === input.actionId);
    const view = payloadView(id, input.view, {
      ...(input.viewId ? { id: input.viewId } : {}),
      ...(input.viewCallbackId ? { callback_id: input.viewCallbackId } : {}),
    });
    return interaction(
      {
        ...envelope(id, 'block_suggestion', input.userId, input.userName),
        container: { type: 'view', view_id: view.id },
        action_id: input.actionId,
        block_id: input.blockId ?? hit?.blockId ?? 'test_block',
        value: input.value,
        view,
      },
      opts,
    );
  }

  /** A global shortcut (the ⚡ menu): no channel, no response_url. */
  function shortcut(input: ShortcutInput, opts?: SendOptions): Promise<SlackResponse> {
    const { type: _type, api_app_id: _app, ...base } = envelope(id, 'shortcut', input.userId, input.userName);
    return interaction(
      { type: 'shortcut', ...base, callback_id: input.callbackId, trigger_id: input.triggerId ?? nextTrigger(), action_ts: `${Math.floor(Date.now() / 1000)}.${String(++actionCounter).padStart(6, '0')}` },
      opts,
    );
  }

  /** A message shortcut ("More actions" on a message): the message, its channel and a response_url. */
  function messageShortcut(input: MessageShortcutInput, opts?: SendOptions): Promise<SlackResponse> {
    const channelId = input.channelId ?? input.message.channel ?? 'C0TESTCHAN1';
    const { channel: _channel, via: _via, edits: _edits, ephemeralTo: _to, ...shown } = input.message as Record<string, unknown>;
    const { type: _type, api_app_id: _app, ...base } = envelope(id, 'message_action', input.userId, input.userName);
    return interaction(
      {
        type: 'message_action',
        ...base,
        callback_id: input.callbackId,
        trigger_id: input.triggerId ?? nextTrigger(),
        action_ts: `${Math.floor(Date.now() / 1000)}.${String(++actionCounter).padStart(6, '0')}`,
        message_ts: input.message.ts,
        message: { type: 'message', text: '', ...shown },
        channel: { id: channelId, name: channelName(channelId) },
        response_url: input.responseUrl ?? defaultResponseUrl(),
      },
      opts,
    );
  }

  let eventCounter = 0;
  /** Wraps an event in Slack's event_callback envelope. Retries: opts.headers { 'x-slack-retry-num': '1', ... }. */
  function event(evt: any, opts?: SendOptions): Promise<SlackResponse> {
    const now = Math.floor(Date.now() / 1000);
    const n = ++eventCounter;
    const body = {
      token: id.token,
      team_id: id.teamId,
      api_app_id: id.apiAppId,
      event: { event_ts: `${now}.${String(n).padStart(6, '0')}`, ...evt },
      type: 'event_callback',
      event_id: `Ev${options.eventIdPrefix ?? ''}${String(n).padStart(10, '0')}`,
      event_time: now,
      authorizations: [{ enterprise_id: null, team_id: id.teamId, user_id: id.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      event_context: `4-fake-${n}`,
    };
    return options.envelopes ? options.envelopes('events_api', body) : send(JSON.stringify(body), { 'content-type': 'application/json' }, opts);
  }

  /** Sends a body as-is; signs it unless the headers already carry x-slack-signature. */
  function raw(body: string, headers: Record<string, string> = {}, opts?: SendOptions): Promise<SlackResponse> {
    return send(body, headers, opts);
  }

  return { url, command, blockAction, viewSubmission, blockSuggestion, shortcut, messageShortcut, event, raw };
}

export type SlackDriver = ReturnType<typeof createSlackDriver>;
