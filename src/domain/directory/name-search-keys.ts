// The keys a name is found by besides itself: its full pinyin and its initials (周文华 →
// "zhouwenhua", "zwh"; Li Na → "lina", "ln"), lower-case, letters and digits only, so
// `zhou`, `Zhou Wenhua` and `ZWH` all reach 周文华. pinyin-pro reads each character in
// its context (重庆 chongqing, 银行 yinhang); Latin words are kept as they are written.
//
// Why stored on the row rather than computed while searching: a search is an option
// load Slack waits for (3 s, on every keystroke), and working out the pinyin of a few
// thousand names each time is CPU the bot spends again and again for the same answer.
// Computed once when a name is written (the directory import) and kept beside it
// (customers.name_pinyin / name_initials, with name_keys_of = the name they were made
// from), a search is one query. Pinyin cannot be computed in SQL, so the migration only
// adds the columns; rows written without keys (before this version, or by hand) are
// filled at start-up by refreshCustomerSearchKeys, under the start-up lock.
import { createRequire } from 'node:module';
import type { Deps } from '../deps.ts';

// Loaded when a name is first written, not at start: its dictionary is ~15 MB of a bot's
// memory, and searching needs only queryPinyinKey.
let pinyinPro: typeof import('pinyin-pro') | undefined;
const loadPinyin = () => (pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro'));

export type NameSearchKeys = { pinyin: string; initials: string };

const han = /\p{Script=Han}/u;

/** Lower-case letters and digits of text written in Latin script ("Zhou Wen-hua" → "zhouwenhua"). */
export function latinKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function nameSearchKeys(name: string): NameSearchKeys {
  // One item per Chinese character, runs of anything else kept together; ü is written v.
  const items = loadPinyin().pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words = items.flatMap((item) => (han.test(item) ? [] : item.split(/[^\p{L}\p{N}]+/u))).map(latinKey).filter(Boolean);
  return { pinyin: words.join(''), initials: words.map((word) => word[0]).join('') };
}

/** What a typed search is compared with the keys as: Latin text only (a query in Chinese characters matches names). */
export function queryPinyinKey(query: string): string {
  return han.test(query) ? '' : latinKey(query);
}

const batch = 500;

/** Fills the keys of every customer whose name they were not computed from; returns how many. */
export async function refreshCustomerSearchKeys(deps: Pick<Deps, 'db'>): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const stale = await deps.db.$queryRaw<{ code: string; name: string }[]>`
      SELECT code, name FROM customers WHERE name_keys_of IS DISTINCT FROM name ORDER BY code LIMIT ${batch}`;
    if (stale.length === 0) return refreshed;
    for (const row of stale) {
      const keys = nameSearchKeys(row.name);
      // Only if the name is still the one read: a rename meanwhile is picked up next round.
      await deps.db.customer.updateMany({ where: { code: row.code, name: row.name }, data: { namePinyin: keys.pinyin, nameInitials: keys.initials, nameKeysOf: row.name } });
    }
    refreshed += stale.length;
  }
}

/** The columns to write with a customer's name. */
export function customerNameColumns(name: string) {
  const keys = nameSearchKeys(name);
  return { name, namePinyin: keys.pinyin, nameInitials: keys.initials, nameKeysOf: name };
}
