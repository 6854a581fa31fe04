// The export file's encoding, independent of any database.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formsCsv, neutraliseFormula } from '../../../src/slack/xregion/xregion-forms-csv.ts';

describe('neutraliseFormula', () => {
  it('keeps cells a spreadsheet would evaluate as text, and leaves the rest alone', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseFormula('+86 138')).toBe(`'+86 138`);
    expect(neutraliseFormula('-1')).toBe(`'-1`);
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('周文华 = VIP')).toBe('周文华 = VIP');
  });
});

describe('formsCsv', () => {
  it('writes a BOM, CRLF and headers in the reader’s language even when there are no rows', () => {
    const empty = { acceptance: [], replies: [], regionNames: new Map(), staffNames: new Map() };
    const zh = formsCsv(empty, { locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(zh.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(zh.toString('utf8').endsWith('\r\n')).toBe(true);
    expect((parse(zh, { bom: true }) as string[][])[0]!.slice(0, 3)).toEqual(['单据类型', '受理单号', '版本']);
    expect((parse(formsCsv(empty, { locale: 'en', timeZone: 'UTC' }), { bom: true }) as string[][])[0]).toContain('Submitted at (UTC)');
  });
});
