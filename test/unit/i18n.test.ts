import { describe, expect, it } from 'vitest';
import { pickLocale, t } from '../../src/i18n/catalog.ts';

describe('message catalog', () => {
  it('fills placeholders and speaks both languages', () => {
    expect(t('en', 'error.unknown_region', { region: 'XX', known: 'BJ, SH' })).toBe('There is no region `XX`. Known regions: BJ, SH.');
    expect(t('zh-CN', 'error.unknown_region', { region: 'XX', known: 'BJ、SH' })).toBe('没有区域 `XX`。已有区域：BJ、SH。');
  });

  it('picks our language from a Slack locale, else the default', () => {
    expect(pickLocale('zh-CN', 'en')).toBe('zh-CN');
    expect(pickLocale('zh-TW', 'en')).toBe('zh-CN');
    expect(pickLocale('en-GB', 'zh-CN')).toBe('en');
    expect(pickLocale('ja-JP', 'zh-CN')).toBe('zh-CN');
    expect(pickLocale(undefined, 'en')).toBe('en');
  });
});

describe('every message', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('exists in both languages with the same placeholders', async () => {
    const { catalogs } = await import('../../src/i18n/catalog.ts');
    expect(Object.keys(catalogs['zh-CN']).sort()).toEqual(Object.keys(catalogs.en).sort());
    for (const [key, english] of Object.entries(catalogs.en)) {
      expect({ key, placeholders: placeholders(catalogs['zh-CN'][key]!) }).toEqual({ key, placeholders: placeholders(english) });
      expect(catalogs['zh-CN'][key]!.trim(), key).not.toBe('');
    }
  });
});
