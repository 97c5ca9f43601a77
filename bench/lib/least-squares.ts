export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LinearFit {
  /** Change of y per unit of x. */
  readonly slope: number;
  readonly intercept: number;
}

/**
 * Ordinary least-squares line through the points. A soak's heap is noisy (GC timing, a board
 * that just rotated in), so a fit over every sample says more than end minus start.
 * Undefined with fewer than two points or when every x is the same: no slope can be told.
 */
export function leastSquares(points: readonly Point[]): LinearFit | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  // Centred sums: x in epoch milliseconds squared would lose the digits that matter.
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}
