// Block Kit as the Slack client draws it, for messages, modals and the Home tab: section
// (text, fields, accessory), context, divider, header, image, actions, input, and the
// elements the bot uses (buttons with styles and confirm dialogs, static/external/users
// selects, multi-selects, date/time/datetime pickers, text and number inputs, radio
// buttons, checkboxes, overflow menus). Interactive elements call ctx.act(...) the way
// Slack sends a block_actions payload; inputs register a reader so a submission can
// send view.state.values exactly as Slack would.
import { escapePlain, mrkdwn, zonedParts } from './mrkdwn.js';

const h = (tag, attrs = {}, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) el.append(child);
  return el;
};
export { h };

/** A text object (plain_text or mrkdwn) as a DOM node. */
export function textNode(text, ctx, tag = 'span') {
  if (!text) return h(tag);
  const el = h(tag, { class: text.type === 'mrkdwn' ? 'mrkdwn' : 'plain' });
  if (text.type === 'mrkdwn') el.innerHTML = mrkdwn(text.text, ctx);
  else el.textContent = text.text;
  return el;
}
const plain = (text) => (text ? String(text.text ?? '') : '');

/** A confirm dialog (Slack's confirm object) before an action; resolves true to go on. */
function confirmFirst(confirm, ctx) {
  if (!confirm) return Promise.resolve(true);
  return new Promise((resolve) => {
    const close = (answer) => {
      overlay.remove();
      resolve(answer);
    };
    const overlay = h(
      'div',
      { class: 'overlay confirm-overlay' },
      h(
        'div',
        { class: 'dialog confirm-dialog', role: 'dialog' },
        h('div', { class: 'dialog-title' }, plain(confirm.title)),
        h('div', { class: 'dialog-body' }, textNode(confirm.text, ctx, 'div')),
        h(
          'div',
          { class: 'dialog-buttons' },
          h('button', { class: 'btn', onclick: () => close(false) }, plain(confirm.deny) || 'Cancel'),
          h('button', { class: `btn ${confirm.style === 'danger' ? 'danger' : 'primary'}`, onclick: () => close(true) }, plain(confirm.confirm) || 'OK'),
        ),
      ),
    );
    document.body.append(overlay);
  });
}

function allOptions(element) {
  return [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((g) => g.options ?? [])];
}
const optionEntry = (o) => ({ text: o.text, value: o.value });

// Date and time in the viewer's zone, for the pickers Slack draws in the user's zone.
function localInput(seconds, timeZone) {
  const p = zonedParts(new Date(seconds * 1000), timeZone);
  const pad = (n) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
function secondsFromLocal(value, timeZone) {
  const [date, time] = value.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wall - shown;
  }
  return Math.floor(guess / 1000);
}

/**
 * One element. `where` is { blockId, inInput, dispatch }: inside an input block an element
 * only holds its value (unless dispatch_action), elsewhere a change is an action.
 */
function element(el, ctx, where) {
  const fire = (extra) => ctx.act({ actionId: el.action_id, blockId: where.blockId, type: el.type, ...extra });
  const dispatches = !where.inInput || where.dispatch;
  const read = (get) => where.inInput && ctx.register?.(where.blockId, el.action_id, get);
  switch (el.type) {
    case 'button': {
      const button = h('button', {
        class: `btn ${el.style ?? ''}`,
        'data-action-id': el.action_id,
        onclick: async () => {
          if (!(await confirmFirst(el.confirm, ctx))) return;
          if (el.url) ctx.openUrl?.(el.url);
          fire({ value: el.value });
        },
      }, plain(el.text));
      return button;
    }
    case 'static_select':
    case 'users_select':
    case 'conversations_select':
    case 'channels_select': {
      const select = h('select', { class: 'select', 'data-action-id': el.action_id });
      const placeholder = h('option', { value: '' }, plain(el.placeholder) || '…');
      select.append(placeholder);
      if (el.type === 'users_select') {
        for (const person of ctx.people ?? []) select.append(h('option', { value: person.id, selected: el.initial_user === person.id }, person.name));
      } else if (el.option_groups) {
        for (const group of el.option_groups) {
          select.append(h('optgroup', { label: plain(group.label) }, (group.options ?? []).map((o) => h('option', { value: o.value, selected: el.initial_option?.value === o.value }, plain(o.text)))));
        }
      } else {
        for (const o of el.options ?? []) select.append(h('option', { value: o.value, selected: el.initial_option?.value === o.value }, plain(o.text)));
      }
      const selected = () => allOptions(el).find((o) => o.value === select.value);
      if (el.type === 'users_select') {
        read(() => ({ type: el.type, selected_user: select.value || null }));
        if (dispatches) select.addEventListener('change', () => select.value && fire({ selectedUser: select.value }));
      } else {
        read(() => ({ type: el.type, selected_option: selected() ? optionEntry(selected()) : null }));
        if (dispatches) select.addEventListener('change', () => selected() && fire({ selectedOption: optionEntry(selected()) }));
      }
      return select;
    }
    case 'multi_static_select': {
      const box = h('div', { class: 'checks multi', 'data-action-id': el.action_id });
      const initial = new Set((el.initial_options ?? []).map((o) => o.value));
      const inputs = allOptions(el).map((o) => {
        const input = h('input', { type: 'checkbox', value: o.value, checked: initial.has(o.value) });
        box.append(h('label', { class: 'check' }, input, ' ', plain(o.text)));
        return [input, o];
      });
      read(() => ({ type: el.type, selected_options: inputs.filter(([i]) => i.checked).map(([, o]) => optionEntry(o)) }));
      return box;
    }
    case 'external_select':
    case 'multi_external_select':
      return externalSelect(el, ctx, where, fire, read);
    case 'datepicker': {
      const input = h('input', { type: 'date', class: 'input', value: el.initial_date ?? '', 'data-action-id': el.action_id });
      read(() => ({ type: el.type, selected_date: input.value || null }));
      if (dispatches) input.addEventListener('change', () => input.value && fire({ selectedDate: input.value }));
      return input;
    }
    case 'timepicker': {
      const input = h('input', { type: 'time', class: 'input', value: el.initial_time ?? '', 'data-action-id': el.action_id });
      read(() => ({ type: el.type, selected_time: input.value || null, ...(el.timezone ? { timezone: el.timezone } : {}) }));
      if (dispatches) input.addEventListener('change', () => input.value && fire({ selectedTime: input.value }));
      return input;
    }
    case 'datetimepicker': {
      const input = h('input', { type: 'datetime-local', class: 'input', 'data-action-id': el.action_id, value: el.initial_date_time ? localInput(el.initial_date_time, ctx.timeZone) : '' });
      read(() => ({ type: el.type, selected_date_time: input.value ? secondsFromLocal(input.value, ctx.timeZone) : null }));
      return input;
    }
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input': {
      const attrs = { class: 'input', placeholder: plain(el.placeholder), 'data-action-id': el.action_id, maxlength: el.max_length };
      const input = el.multiline ? h('textarea', { ...attrs, rows: 4 }) : h('input', { ...attrs, type: el.type === 'number_input' ? 'number' : 'text' });
      input.value = el.initial_value ?? '';
      read(() => ({ type: el.type, value: input.value === '' ? null : input.value }));
      return input;
    }
    case 'radio_buttons':
    case 'checkboxes': {
      const box = h('div', { class: 'checks', 'data-action-id': el.action_id });
      const name = `${where.blockId}.${el.action_id}.${Math.random()}`;
      const initial = new Set([el.initial_option, ...(el.initial_options ?? [])].filter(Boolean).map((o) => o.value));
      const inputs = (el.options ?? []).map((o) => {
        const input = h('input', { type: el.type === 'radio_buttons' ? 'radio' : 'checkbox', name, value: o.value, checked: initial.has(o.value) });
        if (dispatches) input.addEventListener('change', () => fire(el.type === 'radio_buttons' ? { selectedOption: optionEntry(o) } : { selectedOptions: inputs.filter(([i]) => i.checked).map(([, x]) => optionEntry(x)) }));
        box.append(h('label', { class: 'check' }, input, ' ', textNode(o.text, ctx), o.description ? h('div', { class: 'hint' }, plain(o.description)) : null));
        return [input, o];
      });
      read(() =>
        el.type === 'radio_buttons'
          ? { type: el.type, selected_option: inputs.find(([i]) => i.checked) ? optionEntry(inputs.find(([i]) => i.checked)[1]) : null }
          : { type: el.type, selected_options: inputs.filter(([i]) => i.checked).map(([, o]) => optionEntry(o)) },
      );
      return box;
    }
    case 'overflow': {
      const menu = h('select', { class: 'select overflow', 'data-action-id': el.action_id, title: '…' }, h('option', { value: '' }, '⋯'), (el.options ?? []).map((o) => h('option', { value: o.value }, plain(o.text))));
      menu.addEventListener('change', () => {
        const o = el.options.find((x) => x.value === menu.value);
        menu.value = '';
        if (o) fire({ selectedOption: optionEntry(o) });
      });
      return menu;
    }
    case 'image':
      return h('img', { class: 'accessory-image', src: el.image_url, alt: el.alt_text ?? '' });
    default:
      return h('span', { class: 'unsupported' }, `[${el.type}]`);
  }
}

/** Slack's external select: type to search (block_suggestion), pick from what the bot offers. */
function externalSelect(el, ctx, where, fire, read) {
  const multi = el.type === 'multi_external_select';
  let chosen = multi ? [...(el.initial_options ?? [])] : el.initial_option ? [el.initial_option] : [];
  const box = h('div', { class: 'external-select', 'data-action-id': el.action_id });
  const chips = h('div', { class: 'chips' });
  const search = h('input', { class: 'input', type: 'text', placeholder: plain(el.placeholder) || '…', autocomplete: 'off' });
  const list = h('div', { class: 'suggestions', hidden: true });
  const drawChips = () => {
    chips.replaceChildren(
      ...chosen.map((o) =>
        h('span', { class: 'chip' }, plain(o.text), h('button', { class: 'chip-x', title: '×', onclick: () => ((chosen = chosen.filter((c) => c !== o)), drawChips()) }, '×')),
      ),
    );
    if (!multi) search.value = chosen[0] ? plain(chosen[0].text) : search.value;
  };
  let timer;
  let asked = 0;
  const ask = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const value = search.value;
      if (value.length < (el.min_query_length ?? 1)) return (list.hidden = true);
      const mine = ++asked;
      const answer = await ctx.suggest({ actionId: el.action_id, blockId: where.blockId, value });
      if (mine !== asked) return;
      const groups = answer.optionGroups ?? [{ options: answer.options ?? [] }];
      list.replaceChildren(
        ...groups.flatMap((g) => [
          g.label ? h('div', { class: 'suggestion-group' }, plain(g.label)) : null,
          ...(g.options ?? []).map((o) =>
            h('div', {
              class: 'suggestion',
              onmousedown: (event) => {
                event.preventDefault();
                chosen = multi ? [...chosen.filter((c) => c.value !== o.value), o] : [o];
                list.hidden = true;
                if (multi) search.value = '';
                drawChips();
                if (!where.inInput || where.dispatch) fire({ selectedOption: optionEntry(o) });
              },
            }, plain(o.text)),
          ),
        ].filter(Boolean)),
      );
      if (groups.every((g) => (g.options ?? []).length === 0)) list.replaceChildren(h('div', { class: 'suggestion empty' }, '—'));
      list.hidden = false;
    }, 150);
  };
  search.addEventListener('input', () => {
    if (!multi) chosen = [];
    ask();
  });
  search.addEventListener('focus', ask);
  search.addEventListener('blur', () => setTimeout(() => (list.hidden = true), 100));
  read(() => (multi ? { type: el.type, selected_options: chosen.map(optionEntry) } : { type: el.type, selected_option: chosen[0] ? optionEntry(chosen[0]) : null }));
  drawChips();
  box.append(multi ? chips : '', search, list);
  return box;
}

function block(b, ctx) {
  const blockId = b.block_id ?? '';
  switch (b.type) {
    case 'section': {
      const main = h('div', { class: 'section-main' });
      if (b.text) main.append(textNode(b.text, ctx, 'div'));
      if (b.fields) main.append(h('div', { class: 'fields' }, b.fields.map((f) => textNode(f, ctx, 'div'))));
      return h('div', { class: 'block section', 'data-block-id': blockId }, main, b.accessory ? h('div', { class: 'accessory' }, element(b.accessory, ctx, { blockId })) : null);
    }
    case 'context':
      return h('div', { class: 'block context' }, (b.elements ?? []).map((e) => (e.type === 'image' ? h('img', { class: 'context-image', src: e.image_url, alt: e.alt_text ?? '' }) : textNode(e, ctx))));
    case 'divider':
      return h('hr', { class: 'block divider' });
    case 'header':
      return h('div', { class: 'block header' }, plain(b.text));
    case 'image':
      return h('div', { class: 'block image' }, b.title ? h('div', { class: 'image-title' }, plain(b.title)) : null, h('img', { src: b.image_url, alt: b.alt_text ?? '' }));
    case 'actions':
      return h('div', { class: 'block actions', 'data-block-id': blockId }, (b.elements ?? []).map((e) => element(e, ctx, { blockId })));
    case 'input': {
      const error = ctx.errors?.[blockId];
      return h(
        'div',
        { class: `block input-block${error ? ' has-error' : ''}`, 'data-block-id': blockId },
        h('label', { class: 'input-label' }, plain(b.label), b.optional ? h('span', { class: 'optional' }, ctx.locale === 'en' ? ' (optional)' : '（选填）') : null),
        element(b.element, ctx, { blockId, inInput: true, dispatch: b.dispatch_action }),
        error ? h('div', { class: 'input-error' }, error) : null,
        b.hint ? h('div', { class: 'hint' }, plain(b.hint)) : null,
      );
    }
    case 'rich_text':
      return h('div', { class: 'block rich' }, JSON.stringify(b.elements).slice(0, 200));
    default:
      return h('div', { class: 'block unsupported' }, `[${b.type}]`);
  }
}

export function renderBlocks(blocks, ctx) {
  return h('div', { class: 'blocks' }, (blocks ?? []).map((b) => block(b, ctx)));
}

export { escapePlain };
