// Interactive and image elements. Each element type lists the properties Slack
// knows (anything else is rejected) plus its own rules; properties shared by
// many element types are checked once in FIELD_CHECKS.
import {
  allowOnly,
  checkArray,
  checkBoolean,
  checkEnum,
  checkInteger,
  checkString,
  type Checker,
  isObject,
  type Json,
  requireObject,
} from './check.ts';
import {
  checkConfirm,
  checkConversationFilter,
  checkDispatchConfig,
  checkInitialOptions,
  checkOption,
  checkOptionGroups,
  checkOptions,
  checkText,
} from './composition.ts';

type Check = (c: Checker, path: string, el: Json) => void;

interface Spec {
  keys: readonly string[];
  check?: Check;
}

const SELECT = ['type', 'action_id', 'confirm', 'focus_on_load', 'placeholder'];
const MULTI = [...SELECT, 'max_selected_items'];
const TEXT_INPUT = ['type', 'action_id', 'initial_value', 'dispatch_action_config', 'focus_on_load', 'placeholder'];

const checkStringList: Check = (c, path, el) => {
  for (const key of ['initial_users', 'initial_conversations', 'initial_channels']) {
    const list = checkArray(c, `${path}/${key}`, el[key], { min: 0, max: 100 }) ?? [];
    list.forEach((id, i) => checkString(c, `${path}/${key}/${i}`, id, { max: 255 }));
  }
};

/** Static selects take options or option_groups, never both, and the initial option(s) must be offered. */
const checkStaticSelect: Check = (c, path, el) => {
  let offered: Json[] = [];
  if (el.options !== undefined && el.option_groups !== undefined) {
    c.add(path, 'must not have both options and option_groups');
  } else if (el.option_groups !== undefined) {
    offered = checkOptionGroups(c, `${path}/option_groups`, el.option_groups);
  } else {
    offered = checkOptions(c, `${path}/options`, el.options, 100, { textKind: 'plain_text' });
  }
  for (const key of ['initial_option', 'initial_options'] as const) {
    if (el[key] === undefined) continue;
    if (key === 'initial_options') checkArray(c, `${path}/${key}`, el[key], { max: 100 });
    checkInitialOptions(c, `${path}/${key}`, el[key], offered);
  }
};

const checkExternalInitial: Check = (c, path, el) => {
  if (el.initial_option !== undefined) checkOption(c, `${path}/initial_option`, el.initial_option, { textKind: 'plain_text' });
  const list = checkArray(c, `${path}/initial_options`, el.initial_options, { max: 100 }) ?? [];
  list.forEach((o, i) => checkOption(c, `${path}/initial_options/${i}`, o, { textKind: 'plain_text' }));
};

/** Checkboxes and radio buttons may use mrkdwn option text, unlike selects. */
const checkChoice: Check = (c, path, el) => {
  const offered = checkOptions(c, `${path}/options`, el.options, 10, { textKind: 'any' });
  if (el.initial_options !== undefined) checkArray(c, `${path}/initial_options`, el.initial_options, { max: 10 });
  checkInitialOptions(c, `${path}/initial_options`, el.initial_options, offered);
  checkInitialOptions(c, `${path}/initial_option`, el.initial_option, offered);
};

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const NUMBER = /^-?\d+(\.\d+)?$/;

const checkNumberInput: Check = (c, path, el) => {
  if (typeof el.is_decimal_allowed !== 'boolean') {
    c.add(`${path}/is_decimal_allowed`, 'is required and must be a boolean');
  }
  const values: Record<string, number> = {};
  for (const key of ['initial_value', 'min_value', 'max_value']) {
    const v = el[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !NUMBER.test(v)) {
      c.add(`${path}/${key}`, `must be a numeric string (got ${JSON.stringify(v)})`);
    } else if (el.is_decimal_allowed !== true && v.includes('.')) {
      c.add(`${path}/${key}`, `must be an integer when is_decimal_allowed is false (got ${v})`);
    } else {
      values[key] = Number(v);
    }
  }
  if (values.min_value !== undefined && values.max_value !== undefined && values.min_value > values.max_value) {
    c.add(`${path}/min_value`, 'must not be greater than max_value');
  }
};

const checkPlainTextInput: Check = (c, path, el) => {
  checkInteger(c, `${path}/min_length`, el.min_length, 0, 3000);
  checkInteger(c, `${path}/max_length`, el.max_length, 1, 3000);
  if (typeof el.min_length === 'number' && typeof el.max_length === 'number' && el.min_length > el.max_length) {
    c.add(`${path}/min_length`, 'must not be greater than max_length');
  }
  checkString(c, `${path}/initial_value`, el.initial_value, { min: 0, max: 3000 });
};

export const checkImageElement: Check = (c, path, el) => {
  checkString(c, `${path}/alt_text`, el.alt_text, { max: 2000, required: true });
  checkImageSource(c, path, el);
};

/** Images come from exactly one of image_url or slack_file. */
export function checkImageSource(c: Checker, path: string, el: Json): void {
  if ((el.image_url === undefined) === (el.slack_file === undefined)) {
    c.add(path, 'requires exactly one of image_url or slack_file');
    return;
  }
  checkString(c, `${path}/image_url`, el.image_url, { max: 3000 });
  if (el.slack_file !== undefined && requireObject(c, `${path}/slack_file`, el.slack_file, 'slack_file')) {
    allowOnly(c, `${path}/slack_file`, el.slack_file, ['url', 'id'], 'slack_file object');
    if ((el.slack_file.url === undefined) === (el.slack_file.id === undefined)) {
      c.add(`${path}/slack_file`, 'requires exactly one of url or id');
    }
  }
}

const SPECS: Record<string, Spec> = {
  button: {
    keys: ['type', 'text', 'action_id', 'url', 'value', 'style', 'confirm', 'accessibility_label'],
    check: (c, path, el) => {
      checkText(c, `${path}/text`, el.text, { kind: 'plain_text', max: 75, required: true });
      checkString(c, `${path}/value`, el.value, { max: 2000 });
      checkString(c, `${path}/url`, el.url, { max: 3000 });
      checkEnum(c, `${path}/style`, el.style, ['primary', 'danger']);
      checkString(c, `${path}/accessibility_label`, el.accessibility_label, { max: 75 });
    },
  },
  workflow_button: {
    keys: ['type', 'text', 'workflow', 'action_id', 'style', 'accessibility_label'],
    check: (c, path, el) => {
      checkText(c, `${path}/text`, el.text, { kind: 'plain_text', max: 75, required: true });
      requireObject(c, `${path}/workflow`, el.workflow, 'workflow');
      checkEnum(c, `${path}/style`, el.style, ['primary', 'danger']);
      checkString(c, `${path}/accessibility_label`, el.accessibility_label, { max: 75 });
    },
  },
  checkboxes: { keys: ['type', 'action_id', 'options', 'initial_options', 'confirm', 'focus_on_load'], check: checkChoice },
  radio_buttons: { keys: ['type', 'action_id', 'options', 'initial_option', 'confirm', 'focus_on_load'], check: checkChoice },
  overflow: {
    keys: ['type', 'action_id', 'options', 'confirm'],
    check: (c, path, el) => void checkOptions(c, `${path}/options`, el.options, 5, { textKind: 'plain_text', allowUrl: true }),
  },
  datepicker: {
    keys: [...SELECT, 'initial_date'],
    check: (c, path, el) => {
      if (el.initial_date !== undefined && !(typeof el.initial_date === 'string' && isRealDate(el.initial_date))) {
        c.add(`${path}/initial_date`, `must be a date formatted YYYY-MM-DD (got ${JSON.stringify(el.initial_date)})`);
      }
    },
  },
  timepicker: {
    keys: [...SELECT, 'initial_time', 'timezone'],
    check: (c, path, el) => {
      if (el.initial_time !== undefined && !(typeof el.initial_time === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(el.initial_time))) {
        c.add(`${path}/initial_time`, `must be a time formatted HH:mm (got ${JSON.stringify(el.initial_time)})`);
      }
      if (el.timezone !== undefined && !(typeof el.timezone === 'string' && isTimeZone(el.timezone))) {
        c.add(`${path}/timezone`, `must be an IANA time zone (got ${JSON.stringify(el.timezone)})`);
      }
    },
  },
  datetimepicker: {
    keys: ['type', 'action_id', 'initial_date_time', 'confirm', 'focus_on_load'],
    check: (c, path, el) => {
      const v = el.initial_date_time;
      if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && String(v).length === 10)) {
        c.add(`${path}/initial_date_time`, `must be a UNIX timestamp in seconds (10 digits) (got ${JSON.stringify(v)})`);
      }
    },
  },
  plain_text_input: { keys: [...TEXT_INPUT, 'multiline', 'min_length', 'max_length'], check: checkPlainTextInput },
  email_text_input: { keys: TEXT_INPUT, check: (c, p, el) => void checkString(c, `${p}/initial_value`, el.initial_value, { min: 0, max: 3000 }) },
  url_text_input: { keys: TEXT_INPUT, check: (c, p, el) => void checkString(c, `${p}/initial_value`, el.initial_value, { min: 0, max: 3000 }) },
  number_input: { keys: [...TEXT_INPUT, 'is_decimal_allowed', 'min_value', 'max_value'], check: checkNumberInput },
  rich_text_input: {
    keys: TEXT_INPUT,
    check: (c, p, el) => {
      if (el.initial_value !== undefined && !(isObject(el.initial_value) && el.initial_value.type === 'rich_text')) {
        c.add(`${p}/initial_value`, 'must be a rich_text block');
      }
    },
  },
  file_input: {
    keys: ['type', 'action_id', 'filetypes', 'max_files'],
    check: (c, path, el) => {
      const types = checkArray(c, `${path}/filetypes`, el.filetypes, { min: 0, max: 100 }) ?? [];
      types.forEach((t, i) => checkString(c, `${path}/filetypes/${i}`, t, { max: 50 }));
      checkInteger(c, `${path}/max_files`, el.max_files, 1, 10);
    },
  },
  image: { keys: ['type', 'alt_text', 'image_url', 'slack_file'], check: checkImageElement },
  static_select: { keys: [...SELECT, 'options', 'option_groups', 'initial_option'], check: checkStaticSelect },
  multi_static_select: { keys: [...MULTI, 'options', 'option_groups', 'initial_options'], check: checkStaticSelect },
  external_select: { keys: [...SELECT, 'initial_option', 'min_query_length'], check: checkExternalInitial },
  multi_external_select: { keys: [...MULTI, 'initial_options', 'min_query_length'], check: checkExternalInitial },
  users_select: { keys: [...SELECT, 'initial_user'] },
  multi_users_select: { keys: [...MULTI, 'initial_users'], check: checkStringList },
  conversations_select: {
    keys: [...SELECT, 'initial_conversation', 'default_to_current_conversation', 'response_url_enabled', 'filter'],
  },
  multi_conversations_select: {
    keys: [...MULTI, 'initial_conversations', 'default_to_current_conversation', 'filter'],
    check: checkStringList,
  },
  channels_select: { keys: [...SELECT, 'initial_channel', 'response_url_enabled'] },
  multi_channels_select: { keys: [...MULTI, 'initial_channels'], check: checkStringList },
};

/** Properties shared by several element types, checked wherever the type allows them. */
const FIELD_CHECKS: Record<string, (c: Checker, path: string, v: unknown) => void> = {
  action_id: (c, p, v) => void checkString(c, p, v, { max: 255 }),
  confirm: checkConfirm,
  placeholder: (c, p, v) => checkText(c, p, v, { kind: 'plain_text', max: 150 }),
  focus_on_load: (c, p, v) => {
    checkBoolean(c, p, v);
    if (v === true) c.focusOnLoad.push(p);
  },
  max_selected_items: (c, p, v) => checkInteger(c, p, v, 1),
  min_query_length: (c, p, v) => checkInteger(c, p, v, 0),
  dispatch_action_config: checkDispatchConfig,
  filter: checkConversationFilter,
  multiline: checkBoolean,
  response_url_enabled: checkBoolean,
  default_to_current_conversation: checkBoolean,
  initial_user: (c, p, v) => void checkString(c, p, v, { max: 255 }),
  initial_conversation: (c, p, v) => void checkString(c, p, v, { max: 255 }),
  initial_channel: (c, p, v) => void checkString(c, p, v, { max: 255 }),
};

const SELECTS = [
  'static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select',
  'multi_static_select', 'multi_external_select', 'multi_users_select', 'multi_conversations_select', 'multi_channels_select',
];

// Placement follows the @slack/types unions (SectionBlockAccessory, ActionsBlockElement, InputBlockElement).
export const SECTION_ACCESSORY: ReadonlySet<string> = new Set([
  'button', 'checkboxes', 'datepicker', 'image', ...SELECTS, 'overflow', 'radio_buttons', 'timepicker', 'workflow_button',
]);
export const ACTIONS_ELEMENTS: ReadonlySet<string> = new Set([
  'button', 'checkboxes', 'datepicker', 'datetimepicker', ...SELECTS, 'overflow', 'radio_buttons', 'timepicker',
  'workflow_button', 'rich_text_input',
]);
export const INPUT_ELEMENTS: ReadonlySet<string> = new Set([
  'checkboxes', 'datepicker', 'datetimepicker', 'email_text_input', 'file_input', ...SELECTS, 'number_input',
  'plain_text_input', 'radio_buttons', 'rich_text_input', 'timepicker', 'url_text_input',
]);

/** Validates an element allowed at this position; returns it when it is at least an object with a known type. */
export function checkElement(c: Checker, path: string, v: unknown, allowed: ReadonlySet<string>, where: string): Json | undefined {
  if (!requireObject(c, path, v, 'element')) return undefined;
  const type = v.type;
  const spec = typeof type === 'string' ? SPECS[type] : undefined;
  if (!spec) {
    c.add(`${path}/type`, `unknown element type ${JSON.stringify(type)}`);
    return undefined;
  }
  if (!allowed.has(type as string)) {
    c.add(`${path}/type`, `element type '${String(type)}' is not allowed in ${where} (allowed: ${[...allowed].join(', ')})`);
  }
  allowOnly(c, path, v, spec.keys, `${String(type)} element`);
  for (const key of spec.keys) {
    const check = FIELD_CHECKS[key];
    if (check && v[key] !== undefined) check(c, `${path}/${key}`, v[key]);
  }
  spec.check?.(c, path, v);
  return v;
}
