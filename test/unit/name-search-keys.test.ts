// A name's search keys: full pinyin and initials, the way people type a Chinese name in Latin letters.
import { describe, expect, it } from 'vitest';
import { nameSearchKeys, queryPinyinKey } from '../../src/domain/directory/name-search-keys.ts';

describe('nameSearchKeys', () => {
  it('writes a Chinese name as its full pinyin and its initials, without tones or spaces', () => {
    expect(nameSearchKeys('周文华')).toEqual({ pinyin: 'zhouwenhua', initials: 'zwh' });
    expect(nameSearchKeys('首都国际物流集团')).toEqual({ pinyin: 'shouduguojiwuliujituan', initials: 'sdgjwljt' });
  });

  it('reads a character by its context (重庆, 银行) and writes ü as v', () => {
    expect(nameSearchKeys('重庆银行')).toEqual({ pinyin: 'chongqingyinhang', initials: 'cqyh' });
    expect(nameSearchKeys('绿色能源')).toEqual({ pinyin: 'lvsenengyuan', initials: 'lsny' });
  });

  it('keeps Latin words as written, lower-case, and mixed names in order', () => {
    expect(nameSearchKeys('Shanghai Harbour Logistics')).toEqual({ pinyin: 'shanghaiharbourlogistics', initials: 'shl' });
    expect(nameSearchKeys('中国移动 (北京) 5G')).toEqual({ pinyin: 'zhongguoyidongbeijing5g', initials: 'zgydbj5' });
  });
});

describe('queryPinyinKey', () => {
  it('compares typed Latin text without case, spaces or apostrophes; Chinese text is compared with names only', () => {
    expect(queryPinyinKey('Zhou Wenhua')).toBe('zhouwenhua');
    expect(queryPinyinKey("Xi'an")).toBe('xian');
    expect(queryPinyinKey('周wh')).toBe('');
  });
});
