import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { chartFontFile, rasteriseSvg } from '../../src/slack/reports/rasterise-svg.ts';
import { renderBarChartPng, renderLineChartPng, type ChartInput } from '../../src/slack/reports/render-chart-png.ts';
import { renderCsv } from '../../src/slack/kit/render-csv.ts';
import { decodePng, differingPixels, inkShare, solidColours } from '../support/png-pixels.ts';

const visitsByManager: ChartInput = {
  title: '服务维系月分析报告 2025-06 · 拜访次数',
  categories: ['王晓梅', '李喆', '张玥', 'Zhang Wei'],
  series: [
    { name: '上门拜访', values: [12, 3, 7, 5] },
    { name: '电话回访', values: [5, 6, 2, 8] },
    { name: '维系面谈', values: [4, 9, 6, 1] },
  ],
  unit: '次',
};

describe('renderBarChartPng', () => {
  it('is a PNG of the asked size, and of the default size when none is asked', async () => {
    const asked = decodePng(await renderBarChartPng({ ...visitsByManager, width: 640, height: 360 }));
    expect([asked.width, asked.height]).toEqual([640, 360]);
    const byDefault = decodePng(await renderBarChartPng(visitsByManager));
    expect([byDefault.width, byDefault.height]).toEqual([960, 540]);
  });

  // Bars here cover ≈30 000 pixels per series; a legend key only ≈350, so 5 000 counts bars alone.
  const barPixels = 5000;

  it('draws the chart: a real share of the image is ink, bars in one colour per series', async () => {
    const three = decodePng(await renderBarChartPng(visitsByManager));
    expect(inkShare(three)).toBeGreaterThan(0.05);
    expect(solidColours(three, barPixels)).toHaveLength(3);

    const one = decodePng(await renderBarChartPng({ ...visitsByManager, series: visitsByManager.series.slice(0, 1) }));
    expect(solidColours(one, barPixels)).toHaveLength(1);
  });

  it('survives zero values, an empty series, no series and no categories', async () => {
    const zeros = decodePng(
      await renderBarChartPng({
        ...visitsByManager,
        series: [{ name: '上门拜访', values: [0, 0, 0, 0] }, { name: '空', values: [] }],
      }),
    );
    expect(inkShare(zeros)).toBeGreaterThan(0.003); // title, axes and category labels still drawn
    expect(solidColours(zeros, barPixels)).toEqual([]); // but no bar has any height

    const nothing = decodePng(await renderBarChartPng({ title: '本月无数据', categories: [], series: [] }));
    expect([nothing.width, nothing.height]).toEqual([960, 540]);
  });

  it('refuses sizes that are not a sane whole number of pixels', async () => {
    await expect(renderBarChartPng({ ...visitsByManager, width: 96_000 })).rejects.toThrow(RangeError);
    await expect(renderBarChartPng({ ...visitsByManager, height: 10.5 })).rejects.toThrow(RangeError);
  });
});

describe('renderLineChartPng', () => {
  it('draws one coloured line per series over many categories', async () => {
    const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
    const image = decodePng(
      await renderLineChartPng({
        title: '挽留率与流失率',
        categories: months,
        series: [
          { name: '挽留率', values: [80, 82, 85, 79, 90, 91, 88, 87, 86, 92, 93, 94] },
          { name: '流失率', values: [3, 2.5, 2, 4, 1.2, 1, 1.1, 1.5, 1.3, 0.9, 0.8, 0.7] },
        ],
        unit: '%',
        width: 800,
        height: 400,
      }),
    );
    expect([image.width, image.height]).toEqual([800, 400]);
    expect(inkShare(image)).toBeGreaterThan(0.02);
    // Each line with its points ≈1 000 pixels of its colour; legend keys alone stay under 100.
    expect(solidColours(image, 500)).toHaveLength(2);
  });
});

describe('Chinese text in charts', () => {
  // Missing glyphs render as identical boxes (tofu) or as nothing: either way two different
  // words of the same length would give identical images. Real glyphs give different ones.
  const word = (text: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">` +
    `<text x="10" y="45" font-size="36" font-family="sans-serif">${text}</text></svg>`;

  it('uses a font file shipped by an npm package, not one of the machine', () => {
    expect(chartFontFile).toContain('node_modules');
    expect(existsSync(chartFontFile)).toBe(true);
  });

  it('draws distinct glyphs for distinct hanzi, including rarer name characters', async () => {
    const beijing = decodePng(await rasteriseSvg(word('北京')));
    const wangMei = decodePng(await rasteriseSvg(word('王梅')));
    const rareNames = decodePng(await rasteriseSvg(word('喆玥')));
    expect(inkShare(beijing)).toBeGreaterThan(0.03);
    expect(differingPixels(beijing, wangMei)).toBeGreaterThan(300);
    expect(differingPixels(beijing, rareNames)).toBeGreaterThan(300);
  });

  // The control that shows the test above can fail: a font without hanzi (DejaVu, on this kind of
  // machine) draws the same box for every character. Skipped where that font is absent.
  const dejaVu = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
  it.skipIf(!existsSync(dejaVu))('control: without a CJK font both words are the same tofu', () => {
    const render = (text: string) =>
      decodePng(new Resvg(word(text), { background: '#fff', font: { loadSystemFonts: false, fontFiles: [dejaVu] } }).render().asPng());
    const beijing = render('北京');
    expect(inkShare(beijing)).toBeGreaterThan(0);
    expect(differingPixels(beijing, render('王梅'))).toBe(0);
  });

  it('draws the Chinese title, labels and legend of a real chart', async () => {
    const chart = (title: string, categories: string[]) =>
      renderBarChartPng({ ...visitsByManager, title, categories }).then(decodePng);
    const chinese = await chart('北京地区拜访', ['王晓梅', '李喆', '张玥', '陈静']);
    // Same lengths, other characters: only real glyphs make the pictures differ.
    const otherWords = await chart('上海地区回访', ['刘建国', '赵敏', '孙婷', '周杰']);
    const noText = await chart('', ['', '', '', '']);
    expect(differingPixels(chinese, otherWords)).toBeGreaterThan(1000);
    expect(differingPixels(chinese, noText)).toBeGreaterThan(1000);
  });
});

describe('renderCsv', () => {
  const columns = [
    { key: 'manager', header: '客户经理' },
    { key: 'note', header: 'Note, "quoted"' },
    { key: 'visits', header: '拜访次数' },
  ];
  const rows = [
    { manager: '王晓梅', note: '北京, "VIP" 客户\n第二行', visits: 12 },
    { manager: 'Zhang Wei', note: null, visits: 0 },
    { manager: '李喆', note: '', visits: -1.5 },
  ];

  it('starts with the UTF-8 byte-order mark that Excel needs for Chinese', () => {
    expect([...renderCsv(columns, rows).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('round-trips Chinese, commas, quotes and line breaks through a CSV parser', () => {
    const parsed: string[][] = parse(renderCsv(columns, rows), { bom: true });
    expect(parsed).toEqual([
      ['客户经理', 'Note, "quoted"', '拜访次数'],
      ['王晓梅', '北京, "VIP" 客户\n第二行', '12'],
      ['Zhang Wei', '', '0'],
      ['李喆', '', '-1.5'],
    ]);
  });

  it('keeps the column order it is given and leaves out other fields', () => {
    const csv = renderCsv([{ key: 'b', header: 'B' }, { key: 'a', header: 'A' }], [{ a: 1, b: 2, c: 3 }]);
    expect(parse(csv, { bom: true })).toEqual([['B', 'A'], ['2', '1']]);
  });

  it('writes only the header row when there are no rows', () => {
    expect(parse(renderCsv(columns, []), { bom: true })).toEqual([['客户经理', 'Note, "quoted"', '拜访次数']]);
  });
});
