import { leastSquares, type Point } from './least-squares.ts';

/** One minute's look at the kiosk page. */
export interface SoakSample {
  /** Whole real minutes since the board was first live (0 = right then). */
  readonly minute: number;
  /** Real ms since the board was first live, when this sample was taken. */
  readonly realMs: number;
  /** The mock's simulated clock (epoch ms) at this sample. */
  readonly simNow: number;
  /** `Runtime.getHeapUsage().usedSize` after a forced GC. */
  readonly usedHeapBytes: number;
  /** `Performance.getMetrics` JSHeapUsedSize, read right after. */
  readonly jsHeapUsedBytes: number;
  /** `Performance.getMetrics` Nodes: live DOM nodes of the page. */
  readonly nodes: number;
  /** `Performance.getMetrics` JSEventListeners. */
  readonly listeners: number;
  readonly tiles: number;
  readonly tilesNotLive: number;
  /** `data-board` of the board on screen. */
  readonly board: string;
  /** `data-state` of the connection status ('' when none is on the page). */
  readonly connection: string;
  /** How long the board had been on screen when sampled (samples wait for a settled board). */
  readonly boardShownMs: number;
  /** Page loads since the board was first live (a kiosk reload resets the heap it is measured by). */
  readonly reloads: number;
}

/** What the page did between samples, counted as it happened. */
export interface SoakEvents {
  readonly pageErrors: number;
  /** Times the sign-in screen or the mock's sign-in page was seen after the board was live. */
  readonly signInPagesSeen: number;
  readonly reloads: number;
  /** Every tile live and the connection live at the end, after a short grace for a board that just rotated in. */
  readonly liveAtEnd: boolean;
  /** Why sampling stopped before the end (the page crashed, the mock died); null when it ran out its time. */
  readonly stoppedEarly: string | null;
}

export interface SoakSummary {
  readonly warmupMinutes: number;
  readonly samplesInFit: number;
  readonly simulatedHours: number;
  readonly realHours: number;
  /** Right after sign-in, before warm-up: for context, not for the slope. */
  readonly heapFirstMb: number;
  /** The first and last samples of the fit. */
  readonly heapStartMb: number;
  readonly heapEndMb: number;
  /** Least-squares slope of the used heap after warm-up; null when fewer than two samples remain. */
  readonly heapMbPerSimulatedHour: number | null;
  readonly heapMbPerRealHour: number | null;
  readonly targetMbPerSimulatedHour: number;
  /** null when there was no slope to judge. */
  readonly heapTargetMet: boolean | null;
  readonly nodesStart: number;
  readonly nodesEnd: number;
  readonly nodesPerSimulatedHour: number | null;
  readonly listenersStart: number;
  readonly listenersEnd: number;
  readonly listenersPerSimulatedHour: number | null;
  /** Samples that found a tile not live or the connection not live. */
  readonly samplesNotLive: number;
  readonly pageErrors: number;
  readonly signInPagesSeen: number;
  readonly reloads: number;
  readonly liveAtEnd: boolean;
  /** Why the run failed; empty when it passed. A missed heap target is not among them: it is a result. */
  readonly failures: readonly string[];
}

export const MB = 1024 * 1024;
const HOUR_MS = 3_600_000;
const WARMUP_MAX_MINUTES = 2;
const WARMUP_FRACTION = 0.2;

/** The warm-up: 2 minutes, or 20 % of a shorter run so a quick run still has a slope. */
export function warmupMinutes(runMinutes: number): number {
  return Math.min(WARMUP_MAX_MINUTES, runMinutes * WARMUP_FRACTION);
}

function slopePerHour(samples: readonly SoakSample[], x: (s: SoakSample) => number, y: (s: SoakSample) => number): number | null {
  const points: Point[] = samples.map((s) => ({ x: x(s) / HOUR_MS, y: y(s) }));
  return leastSquares(points)?.slope ?? null;
}

export function summarizeSoak(samples: readonly SoakSample[], events: SoakEvents, runMinutes: number, targetMbPerSimulatedHour: number): SoakSummary {
  const first = samples[0];
  if (!first) throw new Error('a soak needs at least one sample');
  const warmup = warmupMinutes(runMinutes);
  const fitted = samples.filter((s) => s.minute >= warmup);
  // A run shorter than its warm-up still reports its numbers, over every sample.
  const fit = fitted.length > 0 ? fitted : samples;
  const start = fit[0] ?? first;
  const end = fit.at(-1) ?? first;
  const heapMb = (s: SoakSample): number => s.usedHeapBytes / MB;
  const heapMbPerSimulatedHour = slopePerHour(fit, (s) => s.simNow, heapMb);

  const failures: string[] = [];
  if (events.stoppedEarly !== null) failures.push(`sampling stopped early: ${events.stoppedEarly}`);
  if (!events.liveAtEnd) failures.push('the board was not live at the end');
  if (events.pageErrors > 0) failures.push(`${events.pageErrors} page error(s)`);
  if (events.signInPagesSeen > 0) failures.push(`the sign-in page was seen ${events.signInPagesSeen} time(s)`);

  return {
    warmupMinutes: warmup,
    samplesInFit: fit.length,
    simulatedHours: (end.simNow - start.simNow) / HOUR_MS,
    realHours: (end.realMs - start.realMs) / HOUR_MS,
    heapFirstMb: heapMb(first),
    heapStartMb: heapMb(start),
    heapEndMb: heapMb(end),
    heapMbPerSimulatedHour,
    heapMbPerRealHour: slopePerHour(fit, (s) => s.realMs, heapMb),
    targetMbPerSimulatedHour,
    heapTargetMet: heapMbPerSimulatedHour === null ? null : heapMbPerSimulatedHour < targetMbPerSimulatedHour,
    nodesStart: start.nodes,
    nodesEnd: end.nodes,
    nodesPerSimulatedHour: slopePerHour(fit, (s) => s.simNow, (s) => s.nodes),
    listenersStart: start.listeners,
    listenersEnd: end.listeners,
    listenersPerSimulatedHour: slopePerHour(fit, (s) => s.simNow, (s) => s.listeners),
    samplesNotLive: samples.filter((s) => s.tilesNotLive > 0 || s.tiles === 0 || s.connection !== 'live').length,
    pageErrors: events.pageErrors,
    signInPagesSeen: events.signInPagesSeen,
    reloads: events.reloads,
    liveAtEnd: events.liveAtEnd,
    failures,
  };
}
