import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { machineBusyPercent, readMachineCpu } from './proc-stats.ts';

export interface NeighbourLoadMeter {
  /** % of ONE core that processes outside this one's tree used since the start; undefined off Linux. */
  stop(): number | undefined;
}

/** A figure measured while others used more than this had to share the machine (2 cores here). */
export const BUSY_NEIGHBOUR_PCT = 25;

/** USER_HZ, fixed at 100 by Linux's user-space ABI. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  readonly ppid: number;
  /** utime + stime + cutime + cstime: its own CPU and that of the children it has reaped. */
  readonly treeTicks: number;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields are counted after the command name's closing ')' (the name may hold spaces).
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticks = [11, 12, 13, 14].map((i) => Number(fields[i]));
  if (ticks.some((t) => !Number.isFinite(t))) return undefined;
  return { ppid: Number(fields[1]), treeTicks: ticks.reduce((sum, t) => sum + t, 0) };
}

/**
 * CPU ms of this process and every process it started (the mock, Chromium and its renderers):
 * a child that exited was reaped by a member of the tree and moved into its parent's cutime, so
 * the sum before and after compares like with like.
 */
function treeCpuMs(root: number): number {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  let ticks = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    ticks += stats.get(pid)?.treeTicks ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * How busy the rest of the machine was while a benchmark ran: on a 2-core machine someone else's
 * browser or build halves what the benchmark gets, so the figure is printed beside it, not hidden.
 * Take the reading before stopping the processes the benchmark started.
 */
export function startNeighbourLoadMeter(): NeighbourLoadMeter {
  const startedAt = performance.now();
  const machineBefore = readMachineCpu();
  let ownBefore: number;
  try {
    ownBefore = treeCpuMs(process.pid);
  } catch {
    return { stop: () => undefined };
  }
  return {
    stop() {
      const elapsedMs = performance.now() - startedAt;
      const busy = machineBusyPercent(machineBefore, readMachineCpu());
      if (busy === undefined || elapsedMs <= 0) return undefined;
      const ownPct = (100 * (treeCpuMs(process.pid) - ownBefore)) / elapsedMs;
      return Math.max(0, busy * availableParallelism() - ownPct);
    },
  };
}
