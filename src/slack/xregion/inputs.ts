// Input blocks shared by the cross-region modals. Block ids are the form's field names
// in snake case, so field issues map straight onto them.
import type { InputBlock, PlainTextOption } from '@slack/types';
import { tPlain, type Locale, type MessageKey, type PlainText } from '../../i18n/catalog.ts';
import { plainText } from '../kit/text.ts';

export function textInput(
  locale: Locale,
  blockId: string,
  label: MessageKey,
  options: { multiline?: boolean; optional?: boolean; hint?: MessageKey; initial?: string | null; maxLength?: number; actionId?: string; dispatch?: boolean } = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plainText(tPlain(locale, label), 2000),
    optional: options.optional ?? false,
    ...(options.hint ? { hint: plainText(tPlain(locale, options.hint), 2000) } : {}),
    ...(options.dispatch ? { dispatch_action: true } : {}),
    element: {
      type: 'plain_text_input',
      action_id: options.actionId ?? blockId,
      multiline: options.multiline ?? false,
      ...(options.maxLength ? { max_length: options.maxLength } : {}),
      ...(options.initial ? { initial_value: options.initial } : {}),
      ...(options.dispatch ? { dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] } } : {}),
    },
  } as InputBlock;
}

export function option(text: PlainText, value: string): PlainTextOption {
  return { text: plainText(text, 75), value };
}

export function staticSelectInput(locale: Locale, blockId: string, label: MessageKey, options: PlainTextOption[], initial?: string | null): InputBlock {
  const chosen = options.find((o) => o.value === initial);
  return {
    type: 'input',
    block_id: blockId,
    label: plainText(tPlain(locale, label), 2000),
    element: {
      type: 'static_select',
      action_id: blockId,
      placeholder: plainText(tPlain(locale, 'xregion.form.choose'), 150),
      options,
      ...(chosen ? { initial_option: chosen } : {}),
    },
  };
}

/** A plain_text object (labels, titles, buttons): shown as typed. */
export const plain = (text: PlainText, limit = 2000) => plainText(text, limit);
