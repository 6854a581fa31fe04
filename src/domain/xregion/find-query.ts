// What `/xregion find …` is looking for, read from its words: a request number, a
// period (one day, a month, or FROM TO), a region, or else a member (number or name;
// four or more digits are also looked for inside member numbers).
// Pure; whether a word names a region is decided with the list of region codes.
import { isLocalDate } from '../local-time.ts';
import { requestNumberPattern } from './request-number.ts';

export type FindQuery =
  | { kind: 'number'; number: string }
  | { kind: 'period'; from: string; to: string }
  | { kind: 'region'; code: string }
  | { kind: 'member'; text: string; digits: string | null };

const month = /^(\d{4})-(\d{2})$/;
export const findQueryMax = 200;
/** Fewer digits than this match too many numbers to mean one. */
export const partialNumberMinDigits = 4;

/** The digits of a (partial) member number as typed: spaces, dashes and a +86 ignored. */
function numberDigits(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return /^\d+$/.test(digits) && digits.length >= partialNumberMinDigits ? digits : null;
}

export function parseFindQuery(words: string[], regions: { code: string; name: string }[]): FindQuery | null {
  const text = words.join(' ').trim();
  // No number, name or period is this long: a pasted paragraph is answered with the usage.
  if (!text || text.length > findQueryMax) return null;
  if (words.length === 1 && requestNumberPattern.test(text)) return { kind: 'number', number: text.toUpperCase() };
  if (words.length === 2 && isLocalDate(words[0]!) && isLocalDate(words[1]!)) return { kind: 'period', from: words[0]!, to: words[1]! };
  if (words.length === 1 && isLocalDate(text)) return { kind: 'period', from: text, to: text };
  const m = words.length === 1 ? month.exec(text) : null;
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return { kind: 'period', from: `${text}-01`, to: `${text}-${String(last).padStart(2, '0')}` };
  }
  const region = regions.find((r) => r.code.toUpperCase() === text.toUpperCase() || r.name === text);
  if (region) return { kind: 'region', code: region.code };
  return { kind: 'member', text, digits: numberDigits(text) };
}
