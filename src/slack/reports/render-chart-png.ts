// Report charts as PNG images: Apache ECharts lays the chart out as SVG on the server (no DOM,
// no browser), then resvg paints it with the bundled Chinese font. Slack shows PNG inline.
import type { EChartsCoreOption } from 'echarts/core';
import { chartFontFamily, rasteriseSvg } from './rasterise-svg.ts';

// ECharts takes a second or more to load, so the bot (and every test that starts one) starts
// without it and loads it with the first chart. Only the parts report charts use are loaded.
let echartsLoading: Promise<typeof import('echarts/core')> | undefined;
function loadEcharts(): Promise<typeof import('echarts/core')> {
  echartsLoading ??= (async () => {
    const [echarts, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    echarts.use([
      charts.BarChart,
      charts.LineChart,
      components.GridComponent,
      components.LegendComponent,
      components.TitleComponent,
      renderers.SVGRenderer,
    ]);
    return echarts;
  })();
  return echartsLoading;
}

export type ChartSeries = { name: string; values: number[] };

export type ChartInput = {
  title: string;
  /** One label per position on the x axis (regions, managers, months …). */
  categories: string[];
  /** Several series = grouped bars / several lines, told apart by colour and legend. */
  series: ChartSeries[];
  /** Shown as the name of the value axis, e.g. '%' or '次'. */
  unit?: string;
  width?: number;
  height?: number;
};

type ChartKind = 'bar' | 'line';

const defaultSize = { width: 960, height: 540 };
// A typo such as 96000 must not make resvg allocate gigabytes.
const maxSide = 4000;

/** Grouped bars: one group per category, one bar per series. */
export function renderBarChartPng(input: ChartInput): Promise<Buffer> {
  return renderChartPng('bar', input);
}

/** Lines over the categories, e.g. a rate month by month. */
export function renderLineChartPng(input: ChartInput): Promise<Buffer> {
  return renderChartPng('line', input);
}

async function renderChartPng(kind: ChartKind, input: ChartInput): Promise<Buffer> {
  const width = checkedSide('width', input.width ?? defaultSize.width);
  const height = checkedSide('height', input.height ?? defaultSize.height);
  const echarts = await loadEcharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(kind, input));
    return await rasteriseSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

function checkedSide(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 100 || value > maxSide) {
    throw new RangeError(`chart ${name} must be an integer between 100 and ${maxSide}, got ${value}`);
  }
  return value;
}

function chartOption(kind: ChartKind, input: ChartInput): EChartsCoreOption {
  const manyCategories = input.categories.length > 8;
  // Value labels help a reader of a still image, until they would overlap.
  const showValues = input.categories.length * Math.max(1, input.series.length) <= 36;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: chartFontFamily },
    title: { text: input.title, left: 'center', top: 12, textStyle: { fontSize: 20 } },
    // Under the title: at the bottom it would collide with tilted category labels.
    legend: { show: input.series.length > 1, top: 46, textStyle: { fontSize: 14 } },
    // ECharts 6 keeps axis labels inside the image by itself (grid.outerBounds), so no containLabel.
    grid: { left: 56, right: 32, top: input.series.length > 1 ? 100 : 72, bottom: 40 },
    xAxis: {
      type: 'category',
      data: input.categories,
      // Every label shown (ECharts would silently skip some), tilted when they get crowded.
      axisLabel: { interval: 0, rotate: manyCategories ? 35 : 0, fontSize: 13 },
    },
    yAxis: { type: 'value', name: input.unit ?? '', nameTextStyle: { fontSize: 13 }, axisLabel: { fontSize: 12 } },
    series: input.series.map((series) => ({
      type: kind,
      name: series.name,
      data: series.values,
      barMaxWidth: 48,
      label: { show: showValues, position: 'top', fontSize: 11, formatter: formatValue },
    })),
  };
}

function formatValue(params: { value?: unknown }): string {
  const value = Number(params.value);
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '';
}
