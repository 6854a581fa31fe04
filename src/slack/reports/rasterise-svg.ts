// SVG → PNG without a browser. The Chinese font comes from an npm package (installed by
// `npm ci`), not from the machine: servers and CI have no CJK fonts, and without one every
// Chinese label would come out as empty boxes.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Noto Sans Hans Regular (OFL), ≈8 MB, ≈21 000 hanzi: wider than GB2312, so rare name characters
// such as 喆 or 玥 render too. The package exports only its index, so its fonts/ folder is found from there.
const packageIndex = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
export const chartFontFile = join(dirname(packageIndex), '..', 'fonts', 'NotoSansHans-Regular.otf');
// The family name inside the font file (its `name` table), which SVG text must ask for.
export const chartFontFamily = 'Noto Sans S Chinese';

export async function rasteriseSvg(svg: string): Promise<Buffer> {
  // Loaded on first use (the monthly report), not at start: its native library is ~7 MB of a bot's memory.
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    font: {
      // System fonts would make the picture depend on the machine; this font covers Latin too.
      loadSystemFonts: false,
      fontFiles: [chartFontFile],
      defaultFontFamily: chartFontFamily,
      sansSerifFamily: chartFontFamily,
    },
    background: '#ffffff',
    logLevel: 'off',
  });
  return image.asPng();
}
