/** Approximate advance widths (em) of a bold tabular face; what a value can contain. */
const GLYPH_EM: Readonly<Record<string, number>> = { ':': 0.34, '.': 0.34, ',': 0.34, '%': 0.92, ' ': 0.3, '\u00a0': 0.3, '–': 0.56 };
const DIGIT_EM = 0.64;
/** Share of the tile's width the value may take (the rest is padding). */
const USABLE_WIDTH_CQW = 86;

function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += GLYPH_EM[ch] ?? DIGIT_EM;
  return Math.max(em, 2 * DIGIT_EM);
}

/**
 * Font size that makes a value fill its tile (a size container): as tall as `maxHeightCqh` allows,
 * narrowed by the value's own width so "100%" and "1:02:03" fit as well as "7".
 */
export function valueFontSize(text: string, maxHeightCqh: number): string {
  const widthCqw = Math.floor((USABLE_WIDTH_CQW / textWidthEm(text)) * 10) / 10;
  return `min(${maxHeightCqh}cqh, ${widthCqw}cqw)`;
}
