import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { machineBusyPercent, readCpuMs, readMachineCpu, type MachineCpu } from './proc-stats.ts';

/** Where the machine's CPU went over a window, in % of ONE core. */
export interface CpuShare {
  /** This process and its descendants: the mock, the browser and its renderers. */
  readonly ownPercent: number;
  /** Everything else on the machine: another session's build or browser, on 2 cores, halves what we get. */
  readonly othersPercent: number;
}

export interface CpuShareMeter {
  /** undefined off Linux. */
  stop(): CpuShare | undefined;
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** The process and every descendant alive now. */
export function processTree(root: number = process.pid): number[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [root];
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * Starts a window: the machine's CPU counters and the CPU time of our process tree as it is now
 * (start it once the browser and mock are up, so the tree is the one that works in the window).
 */
export function startCpuShareMeter(): CpuShareMeter {
  const startedAt = performance.now();
  const machine: MachineCpu | undefined = readMachineCpu();
  const before = new Map(processTree().map((pid) => [pid, readCpuMs(pid) ?? 0]));
  return {
    stop() {
      const elapsedMs = performance.now() - startedAt;
      const busy = machineBusyPercent(machine, readMachineCpu());
      if (busy === undefined || elapsedMs <= 0) return undefined;
      let ownMs = 0;
      for (const [pid, cpuBefore] of before) ownMs += Math.max(0, (readCpuMs(pid) ?? cpuBefore) - cpuBefore);
      const ownPercent = (100 * ownMs) / elapsedMs;
      return { ownPercent: Math.round(ownPercent), othersPercent: Math.max(0, Math.round(busy * availableParallelism() - ownPercent)) };
    },
  };
}
