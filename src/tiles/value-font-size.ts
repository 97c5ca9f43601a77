/**
 * Font size that makes a value fill its tile (a size container): as tall as `maxHeightCqh` allows,
 * narrowed for long strings so "1:02:03" fits as well as "7". Tabular digits are about 0.6em wide.
 */
export function valueFontSize(text: string, maxHeightCqh: number): string {
  const widthCqw = Math.floor(150 / Math.max(text.length, 2));
  return `min(${maxHeightCqh}cqh, ${widthCqw}cqw)`;
}
