// Layout blocks and the block list itself (counts, unique block_id).
import {
  allowOnly,
  checkArray,
  checkBoolean,
  checkEnum,
  checkString,
  charLength,
  type Checker,
  isObject,
  type Json,
  requireObject,
} from './check.ts';
import { checkText } from './composition.ts';
import {
  ACTIONS_ELEMENTS,
  checkElement,
  checkImageElement,
  INPUT_ELEMENTS,
  SECTION_ACCESSORY,
} from './elements.ts';

export type Surface = 'message' | 'modal' | 'home';

type Check = (c: Checker, path: string, block: Json) => void;

interface Spec {
  keys: readonly string[];
  check: Check;
}

const MARKDOWN_BUDGET = 12_000;
const CONTEXT_ELEMENTS: ReadonlySet<string> = new Set(['image']);

const SPECS: Record<string, Spec> = {
  section: {
    keys: ['type', 'block_id', 'text', 'fields', 'accessory', 'expand'],
    check: (c, path, b) => {
      if (b.text === undefined && b.fields === undefined) c.add(path, 'section requires text or fields');
      checkText(c, `${path}/text`, b.text, { kind: 'any', max: 3000 });
      const fields = checkArray(c, `${path}/fields`, b.fields, { max: 10 }) ?? [];
      fields.forEach((f, i) => checkText(c, `${path}/fields/${i}`, f, { kind: 'any', max: 2000, required: true }));
      if (b.accessory !== undefined) checkElement(c, `${path}/accessory`, b.accessory, SECTION_ACCESSORY, 'a section accessory');
      checkBoolean(c, `${path}/expand`, b.expand);
    },
  },
  header: {
    keys: ['type', 'block_id', 'text'],
    check: (c, path, b) => checkText(c, `${path}/text`, b.text, { kind: 'plain_text', max: 150, required: true }),
  },
  divider: { keys: ['type', 'block_id'], check: () => {} },
  context: {
    keys: ['type', 'block_id', 'elements'],
    check: (c, path, b) => {
      const elements = checkArray(c, `${path}/elements`, b.elements, { max: 10, required: true }) ?? [];
      elements.forEach((e, i) => {
        const p = `${path}/elements/${i}`;
        if (isObject(e) && (e.type === 'plain_text' || e.type === 'mrkdwn')) checkText(c, p, e, { kind: 'any' });
        else checkElement(c, p, e, CONTEXT_ELEMENTS, 'a context block (text objects and images only)');
      });
    },
  },
  actions: {
    keys: ['type', 'block_id', 'elements'],
    check: (c, path, b) => {
      const elements = checkArray(c, `${path}/elements`, b.elements, { max: 25, required: true }) ?? [];
      const seen = new Set<string>();
      elements.forEach((e, i) => {
        const el = checkElement(c, `${path}/elements/${i}`, e, ACTIONS_ELEMENTS, 'an actions block');
        const id = el?.action_id;
        if (typeof id !== 'string') return;
        if (seen.has(id)) c.add(`${path}/elements/${i}/action_id`, `duplicate action_id '${id}' within the block`);
        seen.add(id);
      });
    },
  },
  input: {
    keys: ['type', 'block_id', 'label', 'element', 'dispatch_action', 'hint', 'optional'],
    check: (c, path, b) => {
      checkText(c, `${path}/label`, b.label, { kind: 'plain_text', max: 2000, required: true });
      checkText(c, `${path}/hint`, b.hint, { kind: 'plain_text', max: 2000 });
      checkBoolean(c, `${path}/dispatch_action`, b.dispatch_action);
      checkBoolean(c, `${path}/optional`, b.optional);
      if (b.element === undefined) {
        c.add(`${path}/element`, 'input block requires an element');
        return;
      }
      const el = checkElement(c, `${path}/element`, b.element, INPUT_ELEMENTS, 'an input block');
      if (el?.type === 'file_input' && b.dispatch_action === true) {
        c.add(`${path}/dispatch_action`, 'dispatch_action is not supported with file_input');
      }
    },
  },
  image: {
    keys: ['type', 'block_id', 'image_url', 'slack_file', 'alt_text', 'title'],
    check: (c, path, b) => {
      checkImageElement(c, path, b);
      checkText(c, `${path}/title`, b.title, { kind: 'plain_text', max: 2000 });
    },
  },
  markdown: {
    keys: ['type', 'block_id', 'text'],
    check: (c, path, b) => {
      if (!checkString(c, `${path}/text`, b.text, { max: MARKDOWN_BUDGET, required: true })) return;
      c.markdownChars += charLength(b.text as string);
      if (c.markdownChars > MARKDOWN_BUDGET) {
        c.add(`${path}/text`, `markdown blocks exceed ${MARKDOWN_BUDGET} characters in total (now ${c.markdownChars})`);
      }
    },
  },
  // Rich text has a deep grammar of its own; Slack renders what bots send, so only its outline is checked.
  rich_text: {
    keys: ['type', 'block_id', 'elements'],
    check: (c, path, b) => void checkArray(c, `${path}/elements`, b.elements, { min: 0, max: 1000, required: true }),
  },
  file: {
    keys: ['type', 'block_id', 'external_id', 'source'],
    check: (c, path, b) => {
      checkString(c, `${path}/external_id`, b.external_id, { max: 255, required: true });
      if (b.source === undefined) c.add(`${path}/source`, 'is required');
      checkEnum(c, `${path}/source`, b.source, ['remote']);
    },
  },
  video: {
    keys: [
      'type', 'block_id', 'alt_text', 'author_name', 'description', 'provider_icon_url', 'provider_name',
      'title', 'title_url', 'thumbnail_url', 'video_url',
    ],
    check: (c, path, b) => {
      checkString(c, `${path}/alt_text`, b.alt_text, { max: 2000, required: true });
      checkText(c, `${path}/title`, b.title, { kind: 'plain_text', max: 200, required: true });
      checkText(c, `${path}/description`, b.description, { kind: 'plain_text', max: 200 });
      checkString(c, `${path}/thumbnail_url`, b.thumbnail_url, { max: 3000, required: true });
      checkString(c, `${path}/video_url`, b.video_url, { max: 3000, required: true });
      checkString(c, `${path}/author_name`, b.author_name, { max: 50 });
      checkString(c, `${path}/provider_name`, b.provider_name, { max: 50 });
    },
  },
};

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

export function checkBlockList(c: Checker, path: string, blocks: unknown, surface: Surface): void {
  if (!Array.isArray(blocks)) {
    c.add(path, `blocks must be an array (got ${blocks === null ? 'null' : typeof blocks})`);
    return;
  }
  const max = MAX_BLOCKS[surface];
  if (blocks.length > max) c.add(path, `a ${surface} may have at most ${max} blocks (got ${blocks.length})`);
  const blockIds = new Map<string, number>();
  blocks.forEach((block, i) => {
    const p = `${path}/${i}`;
    if (!requireObject(c, p, block, 'block')) return;
    const spec = typeof block.type === 'string' ? SPECS[block.type] : undefined;
    if (!spec) {
      c.add(`${p}/type`, `unknown block type ${JSON.stringify(block.type)}`);
      return;
    }
    allowOnly(c, p, block, spec.keys, `${String(block.type)} block`);
    if (block.block_id !== undefined && checkString(c, `${p}/block_id`, block.block_id, { max: 255 })) {
      const id = block.block_id as string;
      const first = blockIds.get(id);
      if (first !== undefined) c.add(`${p}/block_id`, `duplicate block_id '${id}' (also used by block ${first})`);
      else blockIds.set(id, i);
    }
    spec.check(c, p, block);
  });
  if (c.focusOnLoad.length > 1) {
    c.add(path, `focus_on_load may be true on one element only (found ${c.focusOnLoad.join(', ')})`);
  }
}
