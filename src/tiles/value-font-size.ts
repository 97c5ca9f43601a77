import type { ValueFormat } from '../lib/format-value.ts';

/** Approximate advance widths (em) of a bold tabular face; what a value can contain. */
const GLYPH_EM: Readonly<Record<string, number>> = { ':': 0.34, '.': 0.34, ',': 0.34, '%': 0.92, ' ': 0.3, '\u00a0': 0.3, '–': 0.56 };
const DIGIT_EM = 0.64;
/** Share of the tile's width the value may take (the rest is padding). */
const USABLE_WIDTH_CQW = 86;

/**
 * The widest value a tile of each format usually shows. A tile is sized for this, not for the
 * value of the moment, so its digits keep their size as the value goes from 9 to 10 and back:
 * nothing jumps on a TV, and a new value changes a text node only — a new font size would make the
 * browser shape and lay out the tile again, which under a firehose was half the layout time
 * (docs/performance.md). Only a value wider than this (a count in the thousands, a wait over an
 * hour) grows the reservation.
 */
const RESERVED: Readonly<Record<ValueFormat, string>> = {
  percent: '100%',
  count: '000',
  duration: '00:00',
  decimal: '00.0',
};

function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += GLYPH_EM[ch] ?? DIGIT_EM;
  return Math.max(em, 2 * DIGIT_EM);
}

/**
 * Font size that makes a value fill its tile (a size container): as tall as `maxHeightCqh` allows,
 * narrowed so the wider of the value and its format's reservation fits. `format` undefined (an
 * agent state's name) sizes for the text itself.
 */
export function valueFontSize(text: string, maxHeightCqh: number, format?: ValueFormat): string {
  const em = Math.max(textWidthEm(text), format ? textWidthEm(RESERVED[format]) : 0);
  const widthCqw = Math.floor((USABLE_WIDTH_CQW / em) * 10) / 10;
  return `min(${maxHeightCqh}cqh, ${widthCqw}cqw)`;
}
