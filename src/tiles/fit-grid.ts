/**
 * How many columns make `count` cells as large as possible in an area `areaAspect` times wider
 * than tall, each cell ideally `cellAspect` wide per unit of height (big numbers need width).
 */
export function fitColumns(count: number, areaAspect: number, cellAspect = 1.4): number {
  let best = 1;
  let bestScore = 0;
  for (let columns = 1; columns <= Math.max(1, count); columns++) {
    const rows = Math.ceil(count / columns);
    const score = Math.min(areaAspect / columns / cellAspect, 1 / rows);
    if (score > bestScore) {
      best = columns;
      bestScore = score;
    }
  }
  return best;
}
