// The customer a piece of free text (a message someone forwarded, a fault report pasted in
// a channel) is most likely about: a customer code written in it (C0001), else a customer
// whose name appears in it (北京星辰科技有限公司, Li Na), else one whose full pinyin does
// (zhou wenhua). Only a guess: the person confirms it in the form it prefills.
import type { Deps } from '../deps.ts';
import { latinKey } from './name-search-keys.ts';

export type GuessedCustomer = { code: string; name: string };

/** Codes look like the directory's: a letter or two and digits. */
const codePattern = /\b[A-Za-z]{1,3}\d{3,8}\b/g;
/** A pinyin shorter than this matches too much by chance (li, wang). */
const shortestPinyin = 6;
const scanned = 2000;

export async function guessCustomer(deps: Pick<Deps, 'db'>, rawText: string): Promise<GuessedCustomer | null> {
  const text = rawText.slice(0, scanned);
  const codes = [...new Set([...text.matchAll(codePattern)].map((m) => m[0].toUpperCase()))].slice(0, 20);
  if (codes.length > 0) {
    const found = await deps.db.customer.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } });
    // The first code written that the directory knows.
    const byCode = codes.map((code) => found.find((c) => c.code === code)).find(Boolean);
    if (byCode) return byCode;
  }
  const lowered = text.toLowerCase();
  const latin = latinKey(text);
  // The longest name (or pinyin) contained wins: 首都国际物流集团 over 国际.
  const rows = await deps.db.$queryRaw<GuessedCustomer[]>`
    SELECT code, name FROM customers
    WHERE (length(name) >= 2 AND strpos(${lowered}, lower(name)) > 0)
       OR (length(name_pinyin) >= ${shortestPinyin} AND ${latin} <> '' AND strpos(${latin}, name_pinyin) > 0)
    ORDER BY (strpos(${lowered}, lower(name)) > 0) DESC, greatest(length(name), length(name_pinyin)) DESC, code
    LIMIT 1`;
  return rows[0] ?? null;
}
