import { describe, expect, it } from 'vitest';
import { pickLocale, t, tPlain, type MessageKey } from '../../src/i18n/catalog.ts';
import { messageTexts, type Message } from '../../src/i18n/define-messages.ts';

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

// Every placeholder of a message, in every plural form, and the counts that choose the form.
const placeholders = (message: Message) => [...new Set([...messageTexts(message).join(' ').matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('every message', () => {

  it('exists in both languages with the same placeholders', async () => {
    const { catalogs } = await import('../../src/i18n/catalog.ts');
    expect(Object.keys(catalogs['zh-CN']).sort()).toEqual(Object.keys(catalogs.en).sort());
    for (const [key, english] of Object.entries(catalogs.en)) {
      expect({ key, placeholders: placeholders(catalogs['zh-CN'][key]!) }).toEqual({ key, placeholders: placeholders(english) });
      for (const text of messageTexts(catalogs['zh-CN'][key]!)) expect(text.trim(), key).not.toBe('');
    }
  });
});

// A number followed (within three words) by a noun in the plural: "1 items", "1 more affected customers"
// (not "1 of your customers", nor a verb: "{region} has …").
const notNouns = new Set(['is', 'was', 'has', 'stays', 'this', 'its', 'as', 'us', 'of']);
function pluralNounsAfter(text: string, digit: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(new RegExp(`(?<![\\d.])${digit}(?:[ -][a-z]+){1,3}`, 'g'))) {
    const words = match[0].split(/[ -]/).slice(1);
    if (notNouns.has(words[0]!)) continue;
    const noun = words.find((word) => word.endsWith('s') && !notNouns.has(word));
    if (noun) found.push(`${digit} … ${noun}`);
  }
  return found;
}
const countWord = /\{(\w+)\}(?:[ -][a-z]+){1,3}/g;
const takesACount = (text: string) =>
  [...text.matchAll(countWord)].some((match) => pluralNounsAfter(match[0].replace(/^\{\w+\}/, '1'), '1').length > 0);

describe('English counts', () => {
  it('every en message that counts something has plural forms', async () => {
    const { catalogs } = await import('../../src/i18n/catalog.ts');
    const plainCounting = Object.entries(catalogs.en)
      .filter(([, message]) => typeof message === 'string' && takesACount(message))
      .map(([key]) => key);
    expect(plainCounting).toEqual([]);
  });

  it('reads "1 item", "1 day" for one and "2 items", "2 days" for two', async () => {
    const { catalogs, tPlain } = await import('../../src/i18n/catalog.ts');
    const counted = Object.entries(catalogs.en).filter(([, message]) => typeof message !== 'string');
    expect(counted.length).toBeGreaterThan(20);
    for (const [key, message] of counted) {
      const names = placeholders(message);
      const all = (n: number) => Object.fromEntries(names.map((name) => [name, n]));
      const one = tPlain('en', key as MessageKey, all(1));
      const two = tPlain('en', key as MessageKey, all(2));
      expect({ key, one: pluralNounsAfter(one, '1') }).toEqual({ key, one: [] });
      expect({ key, two: pluralNounsAfter(two, '2').length > 0 }).toEqual({ key, two: true });
      expect(tPlain('zh-CN', key as MessageKey, all(1)), key).not.toMatch(/\{\w+\}/);
    }
  });

  it('chooses the form from the count, in either language', () => {
    expect(tPlain('en', 'digest.text', { date: '2026-11-30', count: 1 })).toBe('Good morning! Your follow-ups for 2026-11-30: 1 item.');
    expect(tPlain('en', 'digest.text', { date: '2026-11-30', count: 3 })).toBe('Good morning! Your follow-ups for 2026-11-30: 3 items.');
    expect(tPlain('en', 'digest.state.days_left', { days: 1 })).toBe('(1 day left)');
    expect(tPlain('en', 'digest.state.days_left', { days: 0.5 })).toBe('(0.5 days left)');
    expect(t('en', 'home.follow_up_overdue', { customer: 'A & B', code: 'C1', days: 1, reason: 'cadence' })).toBe('*A &amp; B* (C1) — overdue by 1 day · cadence');
    expect(tPlain('zh-CN', 'digest.text', { date: '2026-11-30', count: 1 })).toContain('1 项');
  });
});
