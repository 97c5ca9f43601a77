import { monitorEventLoopDelay } from 'node:perf_hooks';
import { machineBusyPercent, readCpuMs, readMachineCpu } from './proc-stats.ts';

/** Where the CPU went during a measurement window. */
export interface CpuReport {
  /** The mock process, % of ONE core (100 = its single JS thread never rested, a hard ceiling). */
  readonly serverPct: number | undefined;
  /** This load-generator process, % of one core. */
  readonly loadgenPct: number;
  /** The whole machine, % of ALL cores. */
  readonly machineBusyPct: number | undefined;
  /** How late this process's timers ran: a busy load generator stamps receipts late and inflates lag. */
  readonly loadgenLoopDelayP99Ms: number;
  readonly loadgenLoopDelayMaxMs: number;
}

export interface CpuMeter {
  stop(): CpuReport;
}

/** Starts measuring now; `stop()` reports the averages since. */
export function startCpuMeter(serverPid: number): CpuMeter {
  const startedAt = performance.now();
  const serverBefore = readCpuMs(serverPid);
  const machineBefore = readMachineCpu();
  const selfBefore = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  return {
    stop() {
      loop.disable();
      const elapsedMs = performance.now() - startedAt;
      const serverAfter = readCpuMs(serverPid);
      const self = process.cpuUsage(selfBefore);
      const pct = (cpuMs: number): number => (elapsedMs > 0 ? (100 * cpuMs) / elapsedMs : 0);
      return {
        serverPct: serverBefore === undefined || serverAfter === undefined ? undefined : pct(serverAfter - serverBefore),
        loadgenPct: pct((self.user + self.system) / 1000),
        machineBusyPct: machineBusyPercent(machineBefore, readMachineCpu()),
        // The histogram is in ns and includes the 10 ms sampling resolution itself.
        loadgenLoopDelayP99Ms: loop.percentile(99) / 1e6,
        loadgenLoopDelayMaxMs: loop.max / 1e6,
      };
    },
  };
}
