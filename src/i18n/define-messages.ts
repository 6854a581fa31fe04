// Each product area keeps its texts in one file, both languages side by side; the
// type makes a missing translation a compile error rather than a blank message.
// A text that counts something ("1 item", "2 items") is a Plural: its forms are chosen
// by one number parameter through Intl.PluralRules of the reader's language. English
// needs "one" and "other"; Chinese has no plural, so a plain string (its "other") is enough.
export type Locale = 'zh-CN' | 'en';
export const locales: readonly Locale[] = ['zh-CN', 'en'];

export type PluralForms = { readonly [category in Exclude<Intl.LDMLPluralRule, 'other'>]?: Message } & { readonly other: Message };
/** Forms chosen by the number `count` names; a form may itself count a second parameter. */
export type Plural = { readonly plural: string; readonly forms: PluralForms };
export type Message = string | Plural;

/** A message whose form follows the number in params[count]: plural('days', { one: '{days} day', other: '{days} days' }). */
export function plural(count: string, forms: PluralForms): Plural {
  return { plural: count, forms };
}

/** Every text a message can come out as (all its forms). */
export function messageTexts(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message.forms).flatMap((form) => messageTexts(form as Message));
}

export function defineMessages<const E extends Record<string, Message>>(
  en: E,
  zhCN: { [K in keyof E]: Message },
): { en: E; 'zh-CN': { [K in keyof E]: Message } } {
  return { en, 'zh-CN': zhCN };
}
