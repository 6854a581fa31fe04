// Modal and Home tab view objects (docs.slack.dev/reference/views).
import { allowOnly, checkBoolean, checkString, type Checker, describe, isObject } from './check.ts';
import { checkBlockList } from './blocks.ts';
import { checkText } from './composition.ts';

const MODAL_KEYS = [
  'type', 'title', 'blocks', 'close', 'submit', 'private_metadata', 'callback_id',
  'clear_on_close', 'notify_on_close', 'external_id', 'submit_disabled',
];
const HOME_KEYS = ['type', 'blocks', 'private_metadata', 'callback_id', 'external_id'];
const MAX_VIEW_BYTES = 250_000;

export function checkView(c: Checker, path: string, view: unknown): void {
  if (!isObject(view)) {
    c.add(path, `view must be an object (got ${describe(view)})`);
    return;
  }
  if (view.type !== 'modal' && view.type !== 'home') {
    c.add(`${path}/type`, `view type must be modal or home (got ${JSON.stringify(view.type)})`);
    return;
  }
  const surface = view.type;
  if (surface === 'home') {
    // Call these out by name: they are the usual mistake when a modal builder is reused for the Home tab.
    for (const key of ['submit', 'close', 'title'] as const) {
      if (view[key] !== undefined) c.add(`${path}/${key}`, `home tab views cannot have ${key}`);
    }
    allowOnly(c, path, view, [...HOME_KEYS, 'submit', 'close', 'title'], 'home view');
  } else {
    allowOnly(c, path, view, MODAL_KEYS, 'modal view');
    checkText(c, `${path}/title`, view.title, { kind: 'plain_text', max: 24, required: true });
    checkText(c, `${path}/submit`, view.submit, { kind: 'plain_text', max: 24 });
    checkText(c, `${path}/close`, view.close, { kind: 'plain_text', max: 24 });
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) c.add(`${path}/submit`, 'submit is required when the modal has input blocks');
    for (const key of ['clear_on_close', 'notify_on_close', 'submit_disabled']) checkBoolean(c, `${path}/${key}`, view[key]);
  }
  checkString(c, `${path}/callback_id`, view.callback_id, { min: 0, max: 255 });
  checkString(c, `${path}/external_id`, view.external_id, { min: 0, max: 255 });
  checkString(c, `${path}/private_metadata`, view.private_metadata, { min: 0, max: 3000 });
  if (view.blocks === undefined) c.add(`${path}/blocks`, 'is required');
  else checkBlockList(c, `${path}/blocks`, view.blocks, surface);
  const bytes = Buffer.byteLength(JSON.stringify(view), 'utf8');
  if (bytes > MAX_VIEW_BYTES) c.add(path, `view is ${bytes} bytes; Slack rejects views over ${MAX_VIEW_BYTES} (view_too_large)`);
}
