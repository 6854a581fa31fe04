// The Block Kit validator must accept what Slack accepts and name what Slack would refuse.
import { describe, expect, it } from 'vitest';
import { validateBlocks, validateView } from '../../src/sandbox/slack-stand-in/block-kit.ts';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string, extra: object = {}) => ({ type: 'section', text: mrkdwn(text), ...extra });
const options = (n: number) => Array.from({ length: n }, (_, i) => ({ text: plain(`Option ${i}`), value: `v${i}` }));
const modal = (extra: object = {}) => ({ type: 'modal', title: plain('Title'), blocks: [section('hi')], ...extra });
const input = (element: object, extra: object = {}) => ({ type: 'input', block_id: 'in', label: plain('Label'), element, ...extra });

/** Asserts exactly one violation mentioning each fragment. */
function expectOne(violations: string[], ...fragments: string[]): void {
  expect(violations, violations.join('\n')).toHaveLength(1);
  for (const f of fragments) expect(violations[0]).toContain(f);
}

describe('valid Block Kit', () => {
  it('accepts a realistic message using most block and element types', () => {
    const blocks = [
      { type: 'header', text: plain('Weekly report'.padEnd(150, '.')) },
      section('*bold*', { block_id: 's1', accessory: { type: 'button', text: plain('x'.repeat(75)), action_id: 'b', value: 'v'.repeat(2000), style: 'primary' } }),
      { type: 'section', fields: Array.from({ length: 10 }, (_, i) => mrkdwn(`f${i}`.padEnd(2000, 'x'))) },
      { type: 'divider' },
      { type: 'context', elements: [plain('a'), mrkdwn('b'), { type: 'image', image_url: 'https://x/i.png', alt_text: 'i' }] },
      {
        type: 'actions',
        block_id: 'acts',
        elements: [
          { type: 'button', text: plain('Go'), action_id: 'go', confirm: { title: plain('Sure?'), text: mrkdwn('Really'), confirm: plain('Yes'), deny: plain('No') } },
          { type: 'static_select', action_id: 'sel', options: options(100), initial_option: { text: plain('Option 3'), value: 'v3' } },
          { type: 'overflow', action_id: 'more', options: options(5) },
          { type: 'datepicker', action_id: 'd', initial_date: '2026-02-28' },
          { type: 'timepicker', action_id: 't', initial_time: '23:59', timezone: 'Asia/Shanghai' },
          { type: 'datetimepicker', action_id: 'dt', initial_date_time: 1_700_000_000 },
          { type: 'external_select', action_id: 'ext', min_query_length: 0 },
          { type: 'users_select', action_id: 'u' },
          { type: 'conversations_select', action_id: 'c', filter: { include: ['public', 'im'], exclude_bot_users: true } },
          { type: 'channels_select', action_id: 'ch' },
          { type: 'checkboxes', action_id: 'cb', options: options(10), initial_options: options(2) },
          { type: 'radio_buttons', action_id: 'r', options: options(3) },
        ],
      },
      { type: 'image', image_url: 'https://x/y.png', alt_text: 'chart', title: plain('Chart') },
      { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'hi' }] }] },
      { type: 'markdown', text: '**hello**' },
    ];
    expect(validateBlocks(blocks, 'message')).toEqual([]);
  });

  it('accepts 50 blocks in a message and 100 in a modal or home tab', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => section(`b${i}`));
    expect(validateBlocks(fifty, 'message')).toEqual([]);
    expect(validateBlocks([...fifty, ...fifty], 'modal')).toEqual([]);
    expect(validateBlocks([...fifty, ...fifty], 'home')).toEqual([]);
  });

  it('counts characters as code points, so 3000 emoji fit a 3000 character text', () => {
    expect(validateBlocks([section('😀'.repeat(3000))], 'message')).toEqual([]);
    expectOne(validateBlocks([section('😀'.repeat(3001))], 'message'), '/blocks/0/text/text', 'at most 3000');
  });

  it('accepts a modal with every input element and a submit button', () => {
    const view = modal({
      submit: plain('Save'),
      close: plain('Cancel'),
      callback_id: 'cb'.padEnd(255, 'x'),
      private_metadata: 'm'.repeat(3000),
      blocks: [
        input({ type: 'plain_text_input', action_id: 'a', min_length: 0, max_length: 3000, multiline: true, focus_on_load: true }, { block_id: 'b1' }),
        input({ type: 'number_input', action_id: 'a', is_decimal_allowed: false, min_value: '1', max_value: '10', initial_value: '3' }, { block_id: 'b2' }),
        input({ type: 'email_text_input', action_id: 'a' }, { block_id: 'b3' }),
        input({ type: 'url_text_input', action_id: 'a' }, { block_id: 'b4' }),
        input({ type: 'multi_static_select', action_id: 'a', options: options(3), initial_options: options(2), max_selected_items: 2 }, { block_id: 'b5' }),
        input({ type: 'file_input', action_id: 'a', filetypes: ['csv'], max_files: 1 }, { block_id: 'b6', optional: true, hint: plain('CSV') }),
        input({ type: 'datetimepicker', action_id: 'a' }, { block_id: 'b7' }),
        input({ type: 'radio_buttons', action_id: 'a', options: options(2), initial_option: options(2)[1] }, { block_id: 'b8' }),
        input({ type: 'static_select', action_id: 'a', option_groups: [{ label: plain('G'), options: options(2) }] }, { block_id: 'b9', dispatch_action: true }),
      ],
    });
    expect(validateView(view)).toEqual([]);
  });

  it('accepts a home tab', () => {
    expect(validateView({ type: 'home', blocks: [section('Home')], callback_id: 'home' })).toEqual([]);
  });
});

describe('Block Kit violations', () => {
  it('rejects 51 blocks in a message and 101 in a modal', () => {
    expectOne(validateBlocks(Array.from({ length: 51 }, (_, i) => section(`b${i}`)), 'message'), 'at most 50 blocks (got 51)');
    expectOne(validateBlocks(Array.from({ length: 101 }, (_, i) => section(`b${i}`)), 'modal'), 'at most 100 blocks (got 101)');
  });

  it('rejects duplicate block_ids and over-long ids', () => {
    expectOne(validateBlocks([section('a', { block_id: 'x' }), section('b', { block_id: 'x' })], 'message'), '/blocks/1/block_id', "duplicate block_id 'x'");
    expectOne(validateBlocks([section('a', { block_id: 'x'.repeat(256) })], 'message'), 'at most 255');
    const buttons = [1, 2].map(() => ({ type: 'button', text: plain('b'), action_id: 'same' }));
    expectOne(validateBlocks([{ type: 'actions', elements: buttons }], 'message'), "duplicate action_id 'same'");
    expectOne(validateBlocks([{ type: 'actions', elements: [{ type: 'button', text: plain('b'), action_id: 'a'.repeat(256) }] }], 'message'), 'action_id');
  });

  it('rejects button text over 75, value over 2000 and unknown styles', () => {
    const button = (extra: object) => [section('s', { accessory: { type: 'button', text: plain('ok'), action_id: 'b', ...extra } })];
    expectOne(validateBlocks(button({ text: plain('x'.repeat(76)) }), 'message'), '/blocks/0/accessory/text/text', 'at most 75 characters (got 76)');
    expectOne(validateBlocks(button({ value: 'v'.repeat(2001) }), 'message'), 'value', 'at most 2000');
    expectOne(validateBlocks(button({ style: 'secondary' }), 'message'), 'style', 'primary, danger');
    expectOne(validateBlocks(button({ text: mrkdwn('*b*') }), 'message'), 'plain_text');
  });

  it('rejects unknown properties, blocks and elements, including emoji on mrkdwn', () => {
    expectOne(validateBlocks([section('s', { colour: 'red' })], 'message'), "unknown property 'colour'");
    expectOne(validateBlocks([{ type: 'section', text: { type: 'mrkdwn', text: 'x', emoji: true } }], 'message'), "unknown property 'emoji'", 'mrkdwn');
    expectOne(validateBlocks([{ type: 'header', text: { type: 'plain_text', text: 'x', verbatim: true } }], 'message'), "'verbatim'");
    expectOne(validateBlocks([{ type: 'carousel' }], 'message'), 'unknown block type "carousel"');
    expectOne(validateBlocks([section('s', { accessory: { type: 'slider', action_id: 'x' } })], 'message'), 'unknown element type');
    expectOne(validateBlocks([section('s', { accessory: { type: 'static_select', action_id: 's', options: [{ text: plain('a'), value: 'a', url: 'https://x' }] } })], 'message'), "unknown property 'url'");
  });

  it('rejects empty or over-long text, missing section content, long headers and fields', () => {
    expectOne(validateBlocks([section('')], 'message'), 'must not be empty');
    expectOne(validateBlocks([{ type: 'section' }], 'message'), 'text or fields');
    expectOne(validateBlocks([{ type: 'header', text: plain('h'.repeat(151)) }], 'message'), 'at most 150');
    expectOne(validateBlocks([{ type: 'header', text: mrkdwn('h') }], 'message'), 'plain_text');
    expectOne(validateBlocks([{ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('f')) }], 'message'), 'at most 10 items');
    expectOne(validateBlocks([{ type: 'section', fields: [mrkdwn('f'.repeat(2001))] }], 'message'), '/blocks/0/fields/0/text', 'at most 2000');
    expectOne(validateBlocks([{ type: 'context', elements: Array.from({ length: 11 }, () => plain('c')) }], 'message'), 'at most 10 items');
    const buttons = Array.from({ length: 26 }, (_, i) => ({ type: 'button', text: plain('b'), action_id: `b${i}` }));
    expectOne(validateBlocks([{ type: 'actions', elements: buttons }], 'message'), 'at most 25 items');
  });

  it('rejects elements placed where Slack does not allow them', () => {
    expectOne(validateBlocks([{ type: 'context', elements: [{ type: 'button', text: plain('b'), action_id: 'b' }] }], 'message'), 'not allowed in a context block');
    expectOne(validateBlocks([section('s', { accessory: { type: 'datetimepicker', action_id: 'd' } })], 'message'), 'not allowed in a section accessory');
    expectOne(validateBlocks([input({ type: 'button', text: plain('b'), action_id: 'b' })], 'modal'), 'not allowed in an input block');
    expectOne(validateBlocks([{ type: 'actions', elements: [{ type: 'plain_text_input', action_id: 'p' }] }], 'message'), 'not allowed in an actions block');
  });

  it('rejects 101 select options, long option text/value and initial options that are not offered', () => {
    const select = (extra: object) => [section('s', { accessory: { type: 'static_select', action_id: 's', options: options(3), ...extra } })];
    expectOne(validateBlocks(select({ options: options(101) }), 'message'), 'options', 'at most 100 items (got 101)');
    expectOne(validateBlocks(select({ options: [{ text: plain('t'.repeat(76)), value: 'v' }] }), 'message'), '/options/0/text/text', 'at most 75');
    expectOne(validateBlocks(select({ options: [{ text: plain('t'), value: 'v'.repeat(151) }] }), 'message'), '/options/0/value', 'at most 150');
    expect(validateBlocks(select({ options: [{ text: plain('t'), value: 'v'.repeat(150) }] }), 'message')).toEqual([]);
    expectOne(validateBlocks(select({ initial_option: { text: plain('Nope'), value: 'v9' } }), 'message'), 'initial_option', '"v9" does not match');
    expectOne(validateBlocks(select({ initial_option: { text: plain('Renamed'), value: 'v1' } }), 'message'), 'does not match');
    expectOne(validateBlocks(select({ option_groups: [{ label: plain('g'), options: options(1) }] }), 'message'), 'both options and option_groups');
    const multi = [section('s', { accessory: { type: 'multi_static_select', action_id: 'm', options: options(2), initial_options: [options(2)[0], options(5)[4]] } })];
    expectOne(validateBlocks(multi, 'message'), 'initial_options/1');
  });

  it('limits checkboxes and radio buttons to 10 options and overflow to 1–5', () => {
    expectOne(validateBlocks([section('s', { accessory: { type: 'checkboxes', action_id: 'c', options: options(11) } })], 'message'), 'at most 10 items');
    expectOne(validateBlocks([section('s', { accessory: { type: 'radio_buttons', action_id: 'r', options: options(11) } })], 'message'), 'at most 10 items');
    expectOne(validateBlocks([section('s', { accessory: { type: 'overflow', action_id: 'o', options: options(6) } })], 'message'), 'at most 5 items');
    expectOne(validateBlocks([section('s', { accessory: { type: 'overflow', action_id: 'o', options: [] } })], 'message'), 'at least 1');
  });

  it('enforces confirm dialog limits', () => {
    const confirm = { title: plain('t'.repeat(101)), text: plain('x'.repeat(301)), confirm: plain('c'.repeat(31)), deny: plain('d') };
    const v = validateBlocks([section('s', { accessory: { type: 'button', text: plain('b'), action_id: 'b', confirm } })], 'message');
    expect(v).toHaveLength(3);
    expect(v.join('\n')).toMatch(/confirm\/title\/text: must be at most 100/);
    expect(v.join('\n')).toMatch(/confirm\/text\/text: must be at most 300/);
    expect(v.join('\n')).toMatch(/confirm\/confirm\/text: must be at most 30/);
  });

  it('enforces input element formats and ranges', () => {
    const one = (element: object) => validateBlocks([input(element)], 'modal');
    expectOne(one({ type: 'number_input', action_id: 'n' }), 'is_decimal_allowed', 'required');
    expectOne(one({ type: 'number_input', action_id: 'n', is_decimal_allowed: false, initial_value: '1.5' }), 'must be an integer');
    expectOne(one({ type: 'plain_text_input', action_id: 'p', max_length: 3001 }), 'max_length', 'between 1 and 3000');
    expectOne(one({ type: 'plain_text_input', action_id: 'p', min_length: 10, max_length: 5 }), 'min_length');
    expectOne(one({ type: 'datepicker', action_id: 'd', initial_date: '2026-02-30' }), 'YYYY-MM-DD');
    expectOne(one({ type: 'datepicker', action_id: 'd', initial_date: '31/01/2026' }), 'YYYY-MM-DD');
    expectOne(one({ type: 'timepicker', action_id: 't', initial_time: '24:00' }), 'HH:mm');
    expectOne(one({ type: 'timepicker', action_id: 't', initial_time: '9:30' }), 'HH:mm');
    expectOne(one({ type: 'datetimepicker', action_id: 't', initial_date_time: 1_700_000_000_000 }), '10 digits');
    expectOne(validateBlocks([input({ type: 'plain_text_input', action_id: 'p' }, { label: plain('l'.repeat(2001)) })], 'modal'), 'label/text', 'at most 2000');
    expectOne(validateBlocks([{ type: 'input', label: plain('l') }], 'modal'), 'requires an element');
    expectOne(validateBlocks([input({ type: 'file_input', action_id: 'f' }, { dispatch_action: true })], 'modal'), 'file_input');
  });

  it('requires alt_text and one image source on images', () => {
    expectOne(validateBlocks([{ type: 'image', image_url: 'https://x/y.png' }], 'message'), 'alt_text', 'required');
    expectOne(validateBlocks([{ type: 'image', alt_text: 'a' }], 'message'), 'image_url or slack_file');
  });

  it('allows focus_on_load on one element only', () => {
    const el = (id: string) => ({ type: 'plain_text_input', action_id: id, focus_on_load: true });
    expectOne(validateBlocks([input(el('a'), { block_id: 'x' }), input(el('b'), { block_id: 'y' })], 'modal'), 'focus_on_load');
  });
});

describe('view violations', () => {
  it('limits modal title to 24 characters and requires it', () => {
    expect(validateView(modal({ title: plain('t'.repeat(24)) }))).toEqual([]);
    expectOne(validateView(modal({ title: plain('t'.repeat(25)) })), '/view/title/text', 'at most 24 characters (got 25)');
    expectOne(validateView({ type: 'modal', blocks: [] }), '/view/title', 'required');
  });

  it('requires submit when the modal has input blocks, and limits submit/close', () => {
    expectOne(validateView(modal({ blocks: [input({ type: 'plain_text_input', action_id: 'p' })] })), '/view/submit', 'input blocks');
    expectOne(validateView(modal({ submit: plain('s'.repeat(25)) })), '/view/submit/text', 'at most 24');
    expectOne(validateView(modal({ close: plain('c'.repeat(25)) })), '/view/close/text');
  });

  it('limits private_metadata to 3000 and callback_id to 255', () => {
    expectOne(validateView(modal({ private_metadata: 'm'.repeat(3001) })), '/view/private_metadata', 'at most 3000 characters (got 3001)');
    expectOne(validateView(modal({ callback_id: 'c'.repeat(256) })), '/view/callback_id');
  });

  it('rejects submit/close/title on a home tab, unknown view types and properties Slack adds itself', () => {
    expectOne(validateView({ type: 'home', blocks: [], submit: plain('Go') }), 'home tab views cannot have submit');
    expectOne(validateView({ type: 'workflow_step', blocks: [] }), 'modal or home');
    // Echoing back the view object Slack sent (with id/hash/state) is a classic views.update mistake.
    expectOne(validateView(modal({ id: 'V1' })), "unknown property 'id'");
  });

  it('rejects views over 250,000 bytes', () => {
    const blocks = Array.from({ length: 100 }, (_, i) => section('é'.repeat(1300), { block_id: `b${i}` }));
    const violations = validateView(modal({ blocks }));
    expectOne(violations, 'view_too_large');
  });
});
