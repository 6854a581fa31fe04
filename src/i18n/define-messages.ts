// Each product area keeps its texts in one file, both languages side by side; the
// type makes a missing translation a compile error rather than a blank message.
export type Locale = 'zh-CN' | 'en';
export const locales: readonly Locale[] = ['zh-CN', 'en'];

export function defineMessages<const E extends Record<string, string>>(
  en: E,
  zhCN: { [K in keyof E]: string },
): { en: E; 'zh-CN': { [K in keyof E]: string } } {
  return { en, 'zh-CN': zhCN };
}
