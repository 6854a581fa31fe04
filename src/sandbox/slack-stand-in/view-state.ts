// Builders for view.state.values entries, shaped like what Slack sends in
// view_submission / block_actions payloads for each element type.
// Use: values: { note_block: { note: plainText('hi') }, when_block: { when: datepicker('2026-01-31') } }

export interface OptionInput {
  value: string;
  text?: string;
}

export type StateValue = Record<string, any> & { type: string };

function option(o: string | OptionInput): { text: { type: 'plain_text'; text: string; emoji: boolean }; value: string } {
  const { value, text } = typeof o === 'string' ? { value: o, text: undefined } : o;
  return { text: { type: 'plain_text', text: text ?? value, emoji: true }, value };
}

/** An empty text input arrives as value: null, not ''. */
export function plainText(value: string | null): StateValue {
  return { type: 'plain_text_input', value: value === '' ? null : value };
}

export function emailInput(value: string | null): StateValue {
  return { type: 'email_text_input', value };
}

export function urlInput(value: string | null): StateValue {
  return { type: 'url_text_input', value };
}

/** Slack sends number inputs as strings. */
export function numberInput(value: number | string | null): StateValue {
  return { type: 'number_input', value: value === null ? null : String(value) };
}

/** text defaults to the value; when the driver knows the view, it substitutes the option's real text. */
export function staticSelect(value: string | null, text?: string): StateValue {
  return { type: 'static_select', selected_option: value === null ? null : option({ value, text }) };
}

export function externalSelect(value: string | null, text?: string): StateValue {
  return { type: 'external_select', selected_option: value === null ? null : option({ value, text }) };
}

export function multiStaticSelect(values: (string | OptionInput)[]): StateValue {
  return { type: 'multi_static_select', selected_options: values.map(option) };
}

export function multiExternalSelect(values: (string | OptionInput)[]): StateValue {
  return { type: 'multi_external_select', selected_options: values.map(option) };
}

export function checkboxes(values: (string | OptionInput)[]): StateValue {
  return { type: 'checkboxes', selected_options: values.map(option) };
}

export function radio(value: string | null, text?: string): StateValue {
  return { type: 'radio_buttons', selected_option: value === null ? null : option({ value, text }) };
}

/** 'YYYY-MM-DD' */
export function datepicker(date: string | null): StateValue {
  return { type: 'datepicker', selected_date: date };
}

/** 'HH:mm'; Slack adds the picker's timezone when the element declares one. */
export function timepicker(time: string | null, timezone?: string): StateValue {
  return { type: 'timepicker', selected_time: time, ...(timezone ? { timezone } : {}) };
}

/** UNIX seconds. */
export function datetimepicker(seconds: number | null): StateValue {
  return { type: 'datetimepicker', selected_date_time: seconds };
}

export function usersSelect(userId: string | null): StateValue {
  return { type: 'users_select', selected_user: userId };
}

export function multiUsersSelect(userIds: string[]): StateValue {
  return { type: 'multi_users_select', selected_users: userIds };
}

export function conversationsSelect(channelId: string | null): StateValue {
  return { type: 'conversations_select', selected_conversation: channelId };
}

export function channelsSelect(channelId: string | null): StateValue {
  return { type: 'channels_select', selected_channel: channelId };
}
