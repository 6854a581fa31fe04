// Composition objects: text, option, option group, confirm dialog, dispatch
// config, conversation filter. Limits: docs.slack.dev/reference/block-kit/composition-objects.
import {
  allowOnly,
  checkArray,
  checkBoolean,
  checkEnum,
  checkString,
  type Checker,
  describe,
  isObject,
  type Json,
  requireObject,
} from './check.ts';

export type TextKind = 'plain_text' | 'any';

interface TextRule {
  kind: TextKind;
  max?: number;
  required?: boolean;
}

const TEXT_MAX = 3000;

export function checkText(c: Checker, path: string, v: unknown, rule: TextRule): void {
  if (v === undefined) {
    if (rule.required) c.add(path, 'text object is required');
    return;
  }
  if (!isObject(v)) {
    c.add(path, `must be a text object (got ${describe(v)})`);
    return;
  }
  if (v.type !== 'plain_text' && v.type !== 'mrkdwn') {
    c.add(`${path}/type`, `text object type must be plain_text or mrkdwn (got ${JSON.stringify(v.type)})`);
    return;
  }
  if (rule.kind === 'plain_text' && v.type !== 'plain_text') {
    c.add(`${path}/type`, 'must be a plain_text text object (got mrkdwn)');
  }
  // emoji is plain_text only and verbatim mrkdwn only; Slack rejects the crossed-over pair.
  if (v.type === 'plain_text') {
    allowOnly(c, path, v, ['type', 'text', 'emoji'], 'plain_text text object');
    checkBoolean(c, `${path}/emoji`, v.emoji);
  } else {
    allowOnly(c, path, v, ['type', 'text', 'verbatim'], 'mrkdwn text object');
    checkBoolean(c, `${path}/verbatim`, v.verbatim);
  }
  checkString(c, `${path}/text`, v.text, { max: Math.min(rule.max ?? TEXT_MAX, TEXT_MAX), required: true });
}

interface OptionRule {
  textKind: TextKind;
  allowUrl?: boolean;
}

export function checkOption(c: Checker, path: string, v: unknown, rule: OptionRule): void {
  if (!requireObject(c, path, v, 'option')) return;
  allowOnly(c, path, v, rule.allowUrl ? ['text', 'value', 'description', 'url'] : ['text', 'value', 'description'], 'option object');
  checkText(c, `${path}/text`, v.text, { kind: rule.textKind, max: 75, required: true });
  checkString(c, `${path}/value`, v.value, { max: 150, required: true });
  checkText(c, `${path}/description`, v.description, { kind: rule.textKind, max: 75 });
  if (rule.allowUrl) checkString(c, `${path}/url`, v.url, { max: 3000 });
}

export function checkOptions(c: Checker, path: string, v: unknown, max: number, rule: OptionRule, min = 1): Json[] {
  const list = checkArray(c, path, v, { min, max, required: true }) ?? [];
  list.forEach((o, i) => checkOption(c, `${path}/${i}`, o, rule));
  return list.filter(isObject);
}

/** Returns every option across the groups so initial_option(s) can be matched against them. */
export function checkOptionGroups(c: Checker, path: string, v: unknown): Json[] {
  const groups = checkArray(c, path, v, { max: 100, required: true }) ?? [];
  const all: Json[] = [];
  groups.forEach((g, i) => {
    const gp = `${path}/${i}`;
    if (!requireObject(c, gp, g, 'option group')) return;
    allowOnly(c, gp, g, ['label', 'options'], 'option group');
    checkText(c, `${gp}/label`, g.label, { kind: 'plain_text', max: 75, required: true });
    all.push(...checkOptions(c, `${gp}/options`, g.options, 100, { textKind: 'plain_text' }));
  });
  return all;
}

function optionKey(o: unknown): string | undefined {
  if (!isObject(o) || !isObject(o.text)) return undefined;
  return JSON.stringify([o.value, o.text.text]);
}

/** Slack requires initial options to be identical (text and value) to one of the offered options. */
export function checkInitialOptions(c: Checker, path: string, initial: unknown, options: Json[]): void {
  const offered = new Set(options.map(optionKey));
  const check = (o: unknown, p: string): void => {
    if (!offered.has(optionKey(o))) {
      const value = isObject(o) ? JSON.stringify(o.value) : describe(o);
      c.add(p, `initial option with value ${value} does not match any of the options`);
    }
  };
  if (Array.isArray(initial)) initial.forEach((o, i) => check(o, `${path}/${i}`));
  else if (initial !== undefined) check(initial, path);
}

export function checkConfirm(c: Checker, path: string, v: unknown): void {
  if (!requireObject(c, path, v, 'confirm dialog')) return;
  allowOnly(c, path, v, ['title', 'text', 'confirm', 'deny', 'style'], 'confirmation dialog object');
  checkText(c, `${path}/title`, v.title, { kind: 'plain_text', max: 100, required: true });
  checkText(c, `${path}/text`, v.text, { kind: 'any', max: 300, required: true });
  checkText(c, `${path}/confirm`, v.confirm, { kind: 'plain_text', max: 30, required: true });
  checkText(c, `${path}/deny`, v.deny, { kind: 'plain_text', max: 30, required: true });
  checkEnum(c, `${path}/style`, v.style, ['primary', 'danger']);
}

export function checkDispatchConfig(c: Checker, path: string, v: unknown): void {
  if (!requireObject(c, path, v, 'dispatch_action_config')) return;
  allowOnly(c, path, v, ['trigger_actions_on'], 'dispatch_action_config');
  const triggers = checkArray(c, `${path}/trigger_actions_on`, v.trigger_actions_on, { max: 2, required: true }) ?? [];
  triggers.forEach((t, i) => checkEnum(c, `${path}/trigger_actions_on/${i}`, t, ['on_enter_pressed', 'on_character_entered']));
}

export function checkConversationFilter(c: Checker, path: string, v: unknown): void {
  if (!requireObject(c, path, v, 'filter')) return;
  allowOnly(c, path, v, ['include', 'exclude_external_shared_channels', 'exclude_bot_users'], 'conversation filter');
  const include = checkArray(c, `${path}/include`, v.include, { max: 4 }) ?? [];
  include.forEach((t, i) => checkEnum(c, `${path}/include/${i}`, t, ['im', 'mpim', 'private', 'public']));
  checkBoolean(c, `${path}/exclude_external_shared_channels`, v.exclude_external_shared_channels);
  checkBoolean(c, `${path}/exclude_bot_users`, v.exclude_bot_users);
}
