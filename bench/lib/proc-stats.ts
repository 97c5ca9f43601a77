import { readFileSync } from 'node:fs';

/**
 * Readings of another process and of the machine from Linux's /proc, so the benchmark can tell
 * whether the mock, the load generator or the whole machine ran out of CPU. Every reader returns
 * undefined off Linux or once the process is gone, rather than failing the run.
 */

/** USER_HZ: fixed at 100 by the Linux user-space ABI on every architecture Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Resident set size (VmRSS) in MB. */
export function readRssMb(pid: number): number | undefined {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readText(`/proc/${pid}/status`) ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]) / 1024;
}

/** User + system CPU time the process has used so far, in ms. */
export function readCpuMs(pid: number): number | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  // The command name (field 2) may hold spaces and parentheses; fields are counted after its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

export interface MachineCpu {
  readonly busyTicks: number;
  readonly totalTicks: number;
}

/** Aggregate CPU counters of all cores (first line of /proc/stat). */
export function readMachineCpu(): MachineCpu | undefined {
  const line = readText('/proc/stat')?.split('\n')[0];
  if (!line?.startsWith('cpu ')) return undefined;
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, t) => sum + (Number.isFinite(t) ? t : 0), 0);
  // idle + iowait are the not-busy columns.
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busyTicks: total - idle, totalTicks: total };
}

/** Share of the machine's CPU (0–100 % of ALL cores) that was busy between two readings. */
export function machineBusyPercent(before: MachineCpu | undefined, after: MachineCpu | undefined): number | undefined {
  if (!before || !after || after.totalTicks <= before.totalTicks) return undefined;
  return (100 * (after.busyTicks - before.busyTicks)) / (after.totalTicks - before.totalTicks);
}
