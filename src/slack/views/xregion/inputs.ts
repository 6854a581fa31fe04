// Input blocks shared by the cross-region modals. Block ids are the form's field names
// in snake case, so field issues map straight onto them.
import type { InputBlock, PlainTextOption } from '@slack/types';
import { t, type Locale, type MessageKey } from '../../../i18n/catalog.ts';

export function textInput(
  locale: Locale,
  blockId: string,
  label: MessageKey,
  options: { multiline?: boolean; optional?: boolean; hint?: MessageKey; initial?: string | null; maxLength?: number; actionId?: string; dispatch?: boolean } = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: t(locale, label) },
    optional: options.optional ?? false,
    ...(options.hint ? { hint: { type: 'plain_text', text: t(locale, options.hint) } } : {}),
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

export function option(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text }, value };
}

export function staticSelectInput(locale: Locale, blockId: string, label: MessageKey, options: PlainTextOption[], initial?: string | null): InputBlock {
  const chosen = options.find((o) => o.value === initial);
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: t(locale, label) },
    element: {
      type: 'static_select',
      action_id: blockId,
      placeholder: { type: 'plain_text', text: t(locale, 'xregion.form.choose') },
      options,
      ...(chosen ? { initial_option: chosen } : {}),
    },
  };
}

export const plain = (text: string) => ({ type: 'plain_text' as const, text });
