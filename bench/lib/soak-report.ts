import { MB, type SoakSample, type SoakSummary } from './soak-summary.ts';

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ');
}

/** The simulated wall clock, as the TV would show it (the mock's time zone is this machine's). */
function clock(epochMs: number): string {
  const date = new Date(epochMs);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

const HEADER = ['min', 'sim time', 'sim h', 'heap MB', 'nodes', 'listeners', 'not live', 'board', 'connection', 'reloads'];
const WIDTHS = [3, 8, 5, 7, 6, 9, 8, 8, 10, 7];

export function formatSampleHeader(): string {
  return pad(HEADER, WIDTHS);
}

/** One row a minute, printed as it is taken so a long soak shows progress. */
export function formatSampleRow(sample: SoakSample, first: SoakSample): string {
  return pad(
    [
      String(sample.minute),
      clock(sample.simNow),
      ((sample.simNow - first.simNow) / 3_600_000).toFixed(2),
      (sample.usedHeapBytes / MB).toFixed(2),
      String(sample.nodes),
      String(sample.listeners),
      `${sample.tilesNotLive}/${sample.tiles}`,
      sample.board,
      sample.connection,
      String(sample.reloads),
    ],
    WIDTHS,
  );
}

const signed = (n: number | null, digits: number): string => (n === null ? 'n/a (too few samples)' : `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`);

export function formatSummary(summary: SoakSummary): string {
  const verdict =
    summary.heapTargetMet === null ? 'not judged' : summary.heapTargetMet ? 'PASS' : 'MISSED';
  const lines = [
    `warm-up          first ${summary.warmupMinutes} min left out; fit over ${summary.samplesInFit} samples, ${summary.simulatedHours.toFixed(2)} simulated h (${(summary.realHours * 60).toFixed(1)} real min)`,
    `heap             ${summary.heapFirstMb.toFixed(2)} MB after sign-in; ${summary.heapStartMb.toFixed(2)} MB after warm-up → ${summary.heapEndMb.toFixed(2)} MB at the end`,
    `heap slope       ${signed(summary.heapMbPerSimulatedHour, 3)} MB per simulated hour, ${signed(summary.heapMbPerRealHour, 2)} MB per real hour`,
    `target           < ${summary.targetMbPerSimulatedHour} MB per simulated hour: ${verdict}`,
    `DOM nodes        ${summary.nodesStart} → ${summary.nodesEnd} (${signed(summary.nodesPerSimulatedHour, 1)} per simulated hour)`,
    `JS listeners     ${summary.listenersStart} → ${summary.listenersEnd} (${signed(summary.listenersPerSimulatedHour, 1)} per simulated hour)`,
    `not live         ${summary.samplesNotLive} sample(s) with a tile or the connection not live; live at the end: ${summary.liveAtEnd ? 'yes' : 'NO'}`,
    `page errors      ${summary.pageErrors}`,
    `sign-in pages    ${summary.signInPagesSeen}`,
    `reloads          ${summary.reloads}${summary.reloads > 0 ? ' (the kiosk reloaded itself: the heap after it is a fresh page, so the slope understates a leak)' : ''}`,
    summary.failures.length === 0 ? 'run              OK' : `run              FAILED: ${summary.failures.join('; ')}`,
  ];
  return lines.join('\n');
}
