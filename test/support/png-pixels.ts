// Looks at a rendered PNG the way a test needs to: its size, how much of it is drawn on,
// and which solid colours fill it (one per chart series).
import { PNG } from 'pngjs';

export type DecodedPng = { width: number; height: number; data: Buffer };

export function decodePng(png: Buffer): DecodedPng {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, data };
}

function* pixels(image: DecodedPng): Generator<[number, number, number]> {
  for (let i = 0; i < image.data.length; i += 4) {
    yield [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
  }
}

/** Share of pixels that are visibly not the white background (text, axes, bars, lines). */
export function inkShare(image: DecodedPng): number {
  let ink = 0;
  for (const [r, g, b] of pixels(image)) if (Math.min(r, g, b) < 224) ink++;
  return ink / (image.width * image.height);
}

/**
 * Colours (not greys) covering at least `minPixels` pixels each: solid fills such as bars and
 * legend keys. Anti-aliased edges blend into many colours but each covers only a few pixels.
 */
export function solidColours(image: DecodedPng, minPixels: number): string[] {
  const counts = new Map<string, number>();
  for (const [r, g, b] of pixels(image)) {
    if (Math.max(r, g, b) - Math.min(r, g, b) < 24) continue;
    const key = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count >= minPixels).map(([colour]) => colour);
}

/** How many pixels differ between two images of the same size. */
export function differingPixels(a: DecodedPng, b: DecodedPng): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images differ in size');
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) differing++;
  }
  return differing;
}
