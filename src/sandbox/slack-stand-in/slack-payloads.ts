// Shapes of what Slack sends to an app: interaction payloads and the view
// object inside them. When the test hands over the message or view the bot
// produced, the payload is derived from it (block ids, element types, option
// texts) the way Slack would, and a test that names an action or input the
// bot never rendered fails loudly instead of exercising a fantasy payload.

export interface Identity {
  teamId: string;
  teamDomain: string;
  apiAppId: string;
  botUserId: string;
  botId: string;
  token: string;
}

type Block = Record<string, any>;
type Element = Record<string, any>;

/** Every element with an action_id in the blocks, with its block_id. */
export function elementsOf(blocks: unknown): { blockId: string; element: Element }[] {
  if (!Array.isArray(blocks)) return [];
  const found: { blockId: string; element: Element }[] = [];
  for (const block of blocks as Block[]) {
    const candidates: unknown[] = [...(Array.isArray(block.elements) ? block.elements : []), block.accessory, block.element];
    for (const el of candidates) {
      if (el && typeof el === 'object' && typeof (el as Element).action_id === 'string') {
        found.push({ blockId: String(block.block_id ?? ''), element: el as Element });
      }
    }
  }
  return found;
}

function allOptions(element: Element): Element[] {
  const groups: Element[] = Array.isArray(element.option_groups) ? element.option_groups : [];
  return [...(element.options ?? []), ...groups.flatMap((g) => g.options ?? [])];
}

/** Replaces a selected option given by value with the element's real option object, as Slack sends it. */
function realOption(element: Element, selected: Element | null, where: string): Element | null {
  const options = allOptions(element);
  if (!selected || options.length === 0) return selected;
  const match = options.find((o) => o.value === selected.value);
  if (!match) {
    throw new Error(`${where}: value ${JSON.stringify(selected.value)} is not among the element's options (${options.map((o) => o.value).join(', ')})`);
  }
  return { text: match.text, value: match.value, ...(match.description ? { description: match.description } : {}) };
}

export function withRealOptions(entry: Element, element: Element, where: string): Element {
  const out = { ...entry };
  if ('selected_option' in out) out.selected_option = realOption(element, out.selected_option, where);
  if (Array.isArray(out.selected_options)) out.selected_options = out.selected_options.map((o: Element) => realOption(element, o, where));
  return out;
}

/** Checks state values against the view's input elements, like Slack only ever reports rendered inputs. */
export function stateFor(values: Record<string, Record<string, any>>, blocks: unknown): Record<string, Record<string, any>> {
  if (!Array.isArray(blocks)) return values;
  const elements = elementsOf(blocks);
  const out: Record<string, Record<string, any>> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    out[blockId] = {};
    for (const [actionId, entry] of Object.entries(actions)) {
      const where = `state.values.${blockId}.${actionId}`;
      const hit = elements.find((e) => e.blockId === blockId && e.element.action_id === actionId);
      if (!hit) {
        const known = elements.map((e) => `${e.blockId}.${e.element.action_id}`).join(', ') || 'none';
        throw new Error(`${where}: the view has no element with that block_id/action_id (it has: ${known})`);
      }
      if (entry?.type && entry.type !== hit.element.type) {
        throw new Error(`${where}: entry is a ${entry.type} but the view renders a ${hit.element.type}`);
      }
      out[blockId]![actionId] = withRealOptions(entry, hit.element, where);
    }
  }
  return out;
}

/** A view object as it appears inside payloads, filled in from whatever the test knows about it. */
export function payloadView(id: Identity, view: Block = {}, overrides: Block = {}): Block {
  const viewId = overrides.id ?? view.id ?? 'V0TESTVIEW1';
  return {
    id: viewId,
    team_id: id.teamId,
    type: view.type ?? 'modal',
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    state: { values: view.state?.values ?? {} },
    hash: view.hash ?? '1700000000.testhash',
    title: view.title ?? { type: 'plain_text', text: 'Test', emoji: true },
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    close: view.close ?? null,
    submit: view.submit ?? null,
    previous_view_id: view.previous_view_id ?? null,
    root_view_id: view.root_view_id ?? viewId,
    app_id: id.apiAppId,
    external_id: view.external_id ?? '',
    app_installed_team_id: id.teamId,
    bot_id: id.botId,
    ...overrides,
  };
}

export function userOf(id: Identity, userId: string, userName?: string): Block {
  const name = userName ?? userId.toLowerCase();
  return { id: userId, username: name, name, team_id: id.teamId };
}

export function envelope(id: Identity, type: string, userId: string, userName?: string): Block {
  return {
    type,
    user: userOf(id, userId, userName),
    api_app_id: id.apiAppId,
    token: id.token,
    team: { id: id.teamId, domain: id.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
  };
}

/** Slack-looking trigger ids ("<digits>.<digits>.<hex>"), unique per driver. */
export function triggerIdFactory(): () => string {
  let n = 0;
  return () => `${1_700_000_000_000 + ++n}.${Math.floor(Math.random() * 1e9)}.${Math.random().toString(16).slice(2).padEnd(12, '0')}`;
}

export function channelName(channelId: string): string {
  return channelId.startsWith('D') ? 'directmessage' : channelId.startsWith('G') ? 'privategroup' : 'general';
}
