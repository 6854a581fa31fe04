// The sandbox page: who you are, where you are (Home, the app's DM, a region channel),
// what the stand-in Slack holds for you, and the clock control. Every change the bot makes
// arrives as a server-sent event; the page then refetches its state and redraws, keeping
// an open modal's inputs untouched unless the bot changed that modal.
import { h, renderBlocks, textNode } from './blocks.js';
import { mrkdwn } from './mrkdwn.js';

const labels = {
  en: {
    person: 'Person', language: 'Language', botClock: 'Bot clock', home: 'Home', messages: 'keyaccount (app)', channels: 'Channels', send: 'Send',
    next0900: 'next 09:00', nextMonth: '1st of next month', cancel: 'Cancel', onlyYou: 'Only visible to you', edited: '(edited)', replies: (n) => `${n} ${n === 1 ? 'reply' : 'replies'}`,
    tickets: 'tickets', cross_region: 'cross-region', supervisors: 'supervisors', emptyChannel: 'No messages yet.', emptyHome: 'Opening the Home tab…',
    composer: 'Message, or a command such as /am help', roles: { account_manager: 'account manager', field_engineer: 'field engineer', supervisor: 'supervisor', admin: 'admin' },
  },
  'zh-CN': {
    person: '身份', language: '语言', botClock: '机器人时钟', home: '主页', messages: 'keyaccount（应用）', channels: '频道', send: '发送',
    next0900: '下一个 09:00', nextMonth: '下月 1 日', cancel: '取消', onlyYou: '仅你可见', edited: '（已编辑）', replies: (n) => `${n} 条回复`,
    tickets: '工单', cross_region: '跨区', supervisors: '主管', emptyChannel: '还没有消息。', emptyHome: '正在打开主页…',
    composer: '输入消息，或命令如 /am help', roles: { account_manager: '客户经理', field_engineer: '装维工程师', supervisor: '主管', admin: '管理员' },
  },
};

const page = {
  state: null,
  user: localStorage.getItem('sandbox.user'),
  target: localStorage.getItem('sandbox.target') ?? 'home',
  modalKey: null,
  homeRequested: null,
};
const $ = (id) => document.getElementById(id);
const L = () => labels[page.state?.viewer?.locale ?? 'zh-CN'];

async function post(path, body) {
  const res = await fetch(`/sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json().catch(() => ({ ok: false, error: `HTTP ${res.status}` }));
  if (!json.ok || json.refused) showError(json.error ?? json.refused);
  return json;
}
function showError(message) {
  $('composer-error').textContent = message ?? '';
}

function channelName(channel) {
  return `${channel.region.toLowerCase()}-${L()[channel.kind]}`;
}
function mentionContext() {
  const s = page.state;
  return {
    users: new Map(s.people.map((p) => [p.id, p.name]).concat([[s.botUserId, 'keyaccount']])),
    channels: new Map(s.channels.map((c) => [c.id, channelName(c)])),
    timeZone: s.viewer?.timeZone ?? s.botTimeZone,
    locale: s.viewer?.locale ?? 'zh-CN',
    now: new Date(s.now),
  };
}

async function refresh() {
  const query = page.user ? `?user=${encodeURIComponent(page.user)}` : '';
  const res = await fetch(`/sandbox/state${query}`);
  page.state = await res.json();
  if (page.state.viewer && page.user !== page.state.viewer.id) page.user = page.state.viewer.id;
  draw();
}
let refreshing;
function refreshSoon() {
  clearTimeout(refreshing);
  refreshing = setTimeout(refresh, 40);
}

function draw() {
  const s = page.state;
  const l = L();
  document.documentElement.lang = s.viewer?.locale === 'en' ? 'en' : 'zh-CN';
  for (const el of document.querySelectorAll('[data-label]')) if (typeof l[el.dataset.label] === 'string') el.textContent = l[el.dataset.label];
  $('composer-input').placeholder = l.composer;
  drawPeople();
  $('language').value = s.viewer?.locale ?? 'zh-CN';
  const ctx = mentionContext();
  $('clock-now').textContent = new Intl.DateTimeFormat(ctx.locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: ctx.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(s.now));
  const minutes = Math.round(s.clockOffsetMillis / 60_000);
  const [days, hours] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60)];
  const offset = [days ? `${days} d` : '', days || hours ? `${hours} h` : '', `${minutes % 60} min`].filter(Boolean).join(' ');
  $('clock-offset').textContent = minutes > 0 ? `(+${offset})` : '';
  drawChannels();
  drawPane(ctx);
  drawModal(ctx);
  const rejections = s.rejections ?? [];
  $('rejections').hidden = rejections.length === 0;
  $('rejections').textContent = rejections.map((r) => `Slack refused ${r.method}: ${r.error}\n  ${r.violations.join('\n  ')}`).join('\n');
}

function drawPeople() {
  const select = $('person');
  const s = page.state;
  const key = s.people.map((p) => p.id).join() + s.viewer?.locale;
  if (select.dataset.key !== key) {
    select.dataset.key = key;
    const groups = new Map();
    for (const p of s.people) groups.set(p.regionName ?? '—', [...(groups.get(p.regionName ?? '—') ?? []), p]);
    select.replaceChildren(
      ...[...groups].map(([region, people]) => h('optgroup', { label: region }, people.map((p) => h('option', { value: p.id }, `${p.name} · ${L().roles[p.role] ?? p.role}`)))),
    );
  }
  select.value = page.user ?? '';
}

function drawChannels() {
  const s = page.state;
  const list = $('channel-list');
  list.replaceChildren(
    ...s.channels.map((c) => {
      const item = h('div', { class: 'nav-item', 'data-target': c.id, 'data-channel': channelName(c) }, `# ${channelName(c)}`);
      item.addEventListener('click', () => go(c.id));
      return item;
    }),
  );
  for (const el of document.querySelectorAll('.nav-item')) el.classList.toggle('active', el.dataset.target === page.target);
}

function go(target) {
  page.target = target;
  localStorage.setItem('sandbox.target', target);
  showError('');
  draw();
}

function conversationId() {
  if (page.target === 'dm') return page.state.dmChannel;
  if (page.target === 'home') return null;
  return page.target;
}

function drawPane(ctx) {
  const s = page.state;
  const body = $('pane-body');
  const title = $('pane-title');
  $('composer').hidden = page.target === 'home';
  if (page.target === 'home') {
    title.textContent = L().home;
    if (page.homeRequested !== `${page.user}/${s.viewer?.locale}`) {
      page.homeRequested = `${page.user}/${s.viewer?.locale}`;
      void post('home', { user: page.user });
    }
    const key = `home:${s.home?.id}:${s.home?.hash}`;
    if (body.dataset.key === key) return;
    body.dataset.key = key;
    body.replaceChildren(s.home ? h('div', { class: 'home' }, renderBlocks(s.home.blocks, blockContext(ctx, { viewId: s.home.id }))) : h('div', { class: 'empty-pane' }, L().emptyHome));
    return;
  }
  const channel = conversationId();
  const known = s.channels.find((c) => c.id === channel);
  title.textContent = known ? `# ${channelName(known)}` : L().messages;
  const messages = s.messages.filter((m) => m.channel === channel);
  const key = `conv:${channel}:${JSON.stringify(messages)}:${ctx.locale}`;
  if (body.dataset.key === key) return;
  const atBottom = body.scrollHeight - body.scrollTop - body.clientHeight < 40;
  body.dataset.key = key;
  const top = messages.filter((m) => !m.threadTs || !messages.some((p) => p.ts === m.threadTs));
  body.replaceChildren(
    ...(top.length === 0 ? [h('div', { class: 'empty-pane' }, L().emptyChannel)] : []),
    ...top.map((m) => {
      const replies = messages.filter((r) => r.threadTs === m.ts);
      const node = messageNode(m, ctx);
      if (replies.length > 0) {
        node.querySelector('.message-body').append(
          h('div', { class: 'thread' }, h('div', { class: 'thread-count' }, L().replies(replies.length)), replies.map((r) => messageNode(r, ctx))),
        );
      }
      return node;
    }),
  );
  if (atBottom || !body.dataset.scrolled) body.scrollTop = body.scrollHeight;
  body.dataset.scrolled = '1';
}

function messageNode(m, ctx) {
  const s = page.state;
  const person = m.user ? s.people.find((p) => p.id === m.user) : null;
  const name = person ? person.name : 'keyaccount';
  const content = m.blocks?.length ? renderBlocks(m.blocks, blockContext(ctx, { channel: m.channel, ts: m.ts })) : textNode({ type: 'mrkdwn', text: m.text }, ctx, 'div');
  return h(
    'div',
    { class: `message${m.ephemeral ? ' ephemeral' : ''}`, 'data-ts': m.ts, id: `m-${m.channel}-${m.ts.replace('.', '')}` },
    h('div', { class: `avatar${person ? ' person' : ''}` }, person ? person.name.slice(0, 1) : 'KA'),
    h(
      'div',
      { class: 'message-body' },
      h('div', { class: 'message-meta' }, h('span', { class: 'name' }, name), person ? null : h('span', { class: 'app-tag' }, 'APP'), m.ephemeral ? h('span', { class: 'only-you' }, L().onlyYou) : null),
      content,
      ...(m.attachments ?? []).map((a) => h('div', { class: 'attachment', style: a.color ? `border-color:${a.color.startsWith('#') ? a.color : `#${a.color}`}` : null }, a.blocks ? renderBlocks(a.blocks, blockContext(ctx, { channel: m.channel, ts: m.ts })) : textNode({ type: 'mrkdwn', text: a.text ?? a.fallback ?? '' }, ctx, 'div'))),
      m.files?.length ? h('div', { class: 'files' }, m.files.map((f) => h('div', { class: 'file' }, h('a', { href: f.url, target: '_blank' }, `📎 ${f.title}`), /\.(png|svg)$/i.test(f.name) ? h('img', { src: f.url, alt: f.title }) : null))) : null,
      m.edited ? h('span', { class: 'edited' }, L().edited) : null,
    ),
  );
}

/** Where a click goes: a message's block_actions, or a view's (modal or Home). */
function blockContext(ctx, where, extra = {}) {
  return {
    ...ctx,
    people: page.state.people,
    ...extra,
    act: async (action) => {
      showError('');
      const state = where.viewId && extra.readState ? extra.readState() : undefined;
      const body = { user: page.user, actionId: action.actionId, blockId: action.blockId, ...pick(action), ...(state ? { state } : {}) };
      await post('action', where.viewId ? { ...body, viewId: where.viewId } : { ...body, channel: where.channel, ts: where.ts });
    },
    suggest: (q) => post('suggest', { user: page.user, viewId: where.viewId, ...q }),
    openUrl: (url) => {
      const archive = /slack\.com\/archives\/([A-Z0-9]+)\/p(\d{10})(\d{6})/.exec(url);
      if (!archive) return window.open(url, '_blank', 'noopener');
      go(archive[1]);
      const node = document.getElementById(`m-${archive[1]}-${archive[2]}${archive[3]}`);
      if (node) {
        node.scrollIntoView({ block: 'center' });
        node.classList.add('highlight');
        setTimeout(() => node.classList.remove('highlight'), 1500);
      }
    },
  };
}
function pick(action) {
  const out = {};
  for (const key of ['value', 'selectedOption', 'selectedOptions', 'selectedDate', 'selectedTime', 'selectedUser']) if (action[key] !== undefined) out[key] = action[key];
  if (out.selectedOption) out.selectedOption = { value: out.selectedOption.value };
  if (out.selectedOptions) out.selectedOptions = out.selectedOptions.map((o) => ({ value: o.value }));
  return out;
}

/** Slack keeps what was typed and shows each field's error under it: mark the fields in place. */
function showFieldErrors(errors) {
  for (const block of document.querySelectorAll('#modal-root .input-block')) {
    block.querySelector('.input-error')?.remove();
    const message = errors[block.dataset.blockId];
    block.classList.toggle('has-error', Boolean(message));
    if (message) block.insertBefore(h('div', { class: 'input-error', role: 'alert' }, message), block.querySelector(':scope > .hint'));
  }
  document.querySelector('#modal-root .has-error')?.scrollIntoView({ block: 'nearest' });
}

function drawModal(ctx) {
  const s = page.state;
  const root = $('modal-root');
  const view = s.modal;
  const key = view ? `${view.id}:${view.hash}:${ctx.locale}` : null;
  if (key === page.modalKey) return;
  page.modalKey = key;
  if (!view) return root.replaceChildren();
  const readers = [];
  const readState = () => {
    const values = {};
    for (const r of readers) (values[r.blockId] ??= {})[r.actionId] = r.get();
    return values;
  };
  const bctx = blockContext(ctx, { viewId: view.id }, { register: (blockId, actionId, get) => readers.push({ blockId, actionId, get }), readState });
  const problem = h('div', { class: 'dialog-error', role: 'alert' });
  const close = () => post('close', { user: page.user, viewId: view.id });
  const submit = async () => {
    problem.textContent = '';
    const answer = await post('submit', { user: page.user, viewId: view.id, values: readState() });
    if (answer.errors) showFieldErrors(answer.errors);
    else if (!answer.ok) problem.textContent = answer.error ?? '';
  };
  root.replaceChildren(
    h(
      'div',
      { class: 'overlay' },
      h(
        'div',
        { class: 'dialog modal', role: 'dialog', 'data-callback-id': view.callback_id },
        h('div', { class: 'dialog-title' }, h('span', {}, view.title?.text ?? ''), h('button', { class: 'dialog-close', title: '×', onclick: close }, '×')),
        h('div', { class: 'dialog-body' }, renderBlocks(view.blocks, bctx)),
        problem,
        h(
          'div',
          { class: 'dialog-buttons' },
          h('button', { class: 'btn', onclick: close }, view.close?.text ?? L().cancel),
          view.submit ? h('button', { class: 'btn primary', id: 'modal-submit', onclick: submit }, view.submit.text) : null,
        ),
      ),
    ),
  );
}

function wire() {
  $('person').addEventListener('change', (event) => {
    page.user = event.target.value;
    localStorage.setItem('sandbox.user', page.user);
    page.modalKey = undefined;
    void refresh();
  });
  $('language').addEventListener('change', async (event) => {
    await post('language', { user: page.user, locale: event.target.value });
    page.homeRequested = null;
    void refresh();
  });
  $('nav-home').addEventListener('click', () => go('home'));
  $('nav-dm').addEventListener('click', () => go('dm'));
  for (const button of document.querySelectorAll('[data-move]')) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await post('clock', { move: button.dataset.move });
      } finally {
        button.disabled = false;
        void refresh();
      }
    });
  }
  $('composer').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $('composer-input');
    const text = input.value.trim();
    if (!text) return;
    showError('');
    const channel = conversationId();
    const answer = await post(text.startsWith('/') ? 'command' : 'message', { user: page.user, channel, text });
    if (answer.ok && !answer.refused) input.value = '';
  });
  document.addEventListener('click', (event) => {
    const mention = event.target.closest?.('.mention.channel');
    if (mention) go(mention.dataset.channel);
  });
  // As in Slack, a field's error goes away once the field is changed.
  for (const type of ['input', 'change']) {
    $('modal-root').addEventListener(type, (event) => {
      const block = event.target.closest?.('.input-block');
      if (!block) return;
      block.classList.remove('has-error');
      block.querySelector(':scope > .input-error')?.remove();
    });
  }
  const events = new EventSource('/sandbox/events');
  events.onmessage = refreshSoon;
  // After a restart of the bot the stream reconnects by itself; what changed meanwhile is fetched.
  events.onopen = refreshSoon;
}

wire();
void refresh();
// For the page's own tests and curious readers: the same renderer, callable from the console.
window.sandboxMrkdwn = (text) => mrkdwn(text, mentionContext());
