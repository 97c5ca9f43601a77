import { availableParallelism } from 'node:os';
import { machineBusyPercent, readCpuMs, readMachineCpu } from './proc-stats.ts';

/** Where the CPU went during a measurement window, in % of ONE core unless said otherwise. */
export interface CpuReport {
  /** The mock process (100 = its single JS thread never rested: a hard ceiling). */
  readonly serverPct: number | undefined;
  /** The load-generator processes and the benchmark itself, together. */
  readonly loadgenPct: number | undefined;
  /** The whole machine, % of ALL cores. */
  readonly machineBusyPct: number | undefined;
  /** Everything else on the machine (other users' builds and tests skew a run: it is reported, not hidden). */
  readonly otherPct: number | undefined;
}

export interface CpuMeter {
  stop(): CpuReport;
}

function totalCpuMs(pids: readonly number[]): number | undefined {
  let total = 0;
  for (const pid of pids) {
    const ms = readCpuMs(pid);
    if (ms === undefined) return undefined;
    total += ms;
  }
  return total;
}

/** Starts measuring now; `stop()` reports the averages since. */
export function startCpuMeter(serverPid: number, loadgenPids: readonly number[]): CpuMeter {
  const ownPids = [process.pid, ...loadgenPids];
  const startedAt = performance.now();
  const serverBefore = readCpuMs(serverPid);
  const loadgenBefore = totalCpuMs(ownPids);
  const machineBefore = readMachineCpu();
  return {
    stop() {
      const elapsedMs = performance.now() - startedAt;
      const serverAfter = readCpuMs(serverPid);
      const loadgenAfter = totalCpuMs(ownPids);
      const pct = (before: number | undefined, after: number | undefined): number | undefined =>
        before === undefined || after === undefined || elapsedMs <= 0 ? undefined : (100 * (after - before)) / elapsedMs;
      const serverPct = pct(serverBefore, serverAfter);
      const loadgenPct = pct(loadgenBefore, loadgenAfter);
      const machineBusyPct = machineBusyPercent(machineBefore, readMachineCpu());
      const otherPct =
        machineBusyPct === undefined || serverPct === undefined || loadgenPct === undefined
          ? undefined
          : Math.max(0, machineBusyPct * availableParallelism() - serverPct - loadgenPct);
      return { serverPct, loadgenPct, machineBusyPct, otherPct };
    },
  };
}
