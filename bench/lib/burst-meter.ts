import { readCpuMs } from './proc-stats.ts';
import type { BurstTiming } from './window-summary.ts';

/** CPU spent on one burst by each side, from its grid point to the arrival of its last value. */
export interface BurstCpu {
  readonly dueAt: number;
  /** Grid point to last value received. */
  readonly spanMs: number;
  /** The mock's CPU in that span, less what it spends when no burst is due (its 100 ms ticks). */
  readonly serverCpuMs: number;
  /** The load generator's CPU in that span (JSON parsing of the updates, mostly). */
  readonly loadgenCpuMs: number;
}

export interface BurstMeter {
  /** Stops sampling and attributes the CPU of each burst. */
  stop(bursts: readonly BurstTiming[]): BurstCpu[];
}

interface Sample {
  readonly at: number;
  readonly server: number;
  readonly self: number;
}

const SAMPLE_EVERY_MS = 20;
/** Bounds memory whatever the window: 10 minutes of samples. */
const MAX_SAMPLES = 30_000;
/**
 * The server's background rate (its 100 ms ticks walking every statistic) is taken over the quiet
 * middle of the period before each grid point, clear of the previous burst's tail.
 */
const BASELINE_FROM_MS = 4000;
const BASELINE_TO_MS = 1000;

function totalCpuMs(pids: readonly number[]): number | undefined {
  let total = 0;
  for (const pid of pids) {
    const ms = readCpuMs(pid);
    if (ms === undefined) return undefined;
    total += ms;
  }
  return total;
}

/** Cumulative counters at time t, linearly interpolated between the samples around it. */
function at(samples: readonly Sample[], t: number): { server: number; self: number } | undefined {
  const after = samples.findIndex((s) => s.at >= t);
  if (after <= 0) return undefined;
  const a = samples[after - 1] as Sample;
  const b = samples[after] as Sample;
  const f = b.at === a.at ? 0 : (t - a.at) / (b.at - a.at);
  return { server: a.server + f * (b.server - a.server), self: a.self + f * (b.self - a.self) };
}

/**
 * Samples the CPU counters of the mock and of the load generator (its processes and this one)
 * every 20 ms, so each burst of periodical
 * values can be charged to whoever was busy during it: a span as long as the server's CPU time
 * means the mock was the bottleneck; as long as the load generator's, the load generator was.
 * (/proc counts in 10 ms ticks, so values are ±10 ms.)
 */
export function startBurstMeter(serverPid: number, loadgenPids: readonly number[]): BurstMeter {
  const ownPids = [process.pid, ...loadgenPids];
  const samples: Sample[] = [];
  const take = (): void => {
    const server = readCpuMs(serverPid);
    const self = totalCpuMs(ownPids);
    if (server !== undefined && self !== undefined && samples.length < MAX_SAMPLES) samples.push({ at: Date.now(), server, self });
  };
  take();
  const timer = setInterval(take, SAMPLE_EVERY_MS);
  return {
    stop(bursts) {
      clearInterval(timer);
      take();
      return bursts.flatMap((burst) => {
        const end = burst.dueAt + burst.lastMs;
        const base0 = at(samples, burst.dueAt - BASELINE_FROM_MS);
        const base1 = at(samples, burst.dueAt - BASELINE_TO_MS);
        const start = at(samples, burst.dueAt);
        const finish = at(samples, end);
        if (!start || !finish) return [];
        const backgroundPerMs = base0 && base1 ? (base1.server - base0.server) / (BASELINE_FROM_MS - BASELINE_TO_MS) : 0;
        return [
          {
            dueAt: burst.dueAt,
            spanMs: burst.lastMs,
            serverCpuMs: Math.max(0, finish.server - start.server - backgroundPerMs * burst.lastMs),
            loadgenCpuMs: finish.self - start.self,
          },
        ];
      });
    },
  };
}
