import { backoffDelay, type RetryPolicy } from '../../lib/backoff.ts';
import type { GcTimers } from './gc-timers.ts';

/** ok: run again after the period; retry: back off; halt: no more runs until `resume`. */
export type JobOutcome = 'ok' | 'retry' | 'halt';

export interface JobOptions {
  readonly run: () => Promise<JobOutcome>;
  /** Wait between ok runs; undefined: only when asked (`soon`). Read after every run, and by `reschedule`. */
  readonly periodMs: () => number | undefined;
  /** `soon` never starts runs closer together than this. */
  readonly minGapMs: number;
  readonly retry: RetryPolicy;
}

/**
 * A task the source repeats (a query, a read): one run at a time, periodic, sooner on demand but
 * never in a burst, backing off when it fails. Runs on the injected timers, so tests move time.
 */
export interface Job {
  /** Run as soon as the gap since the last start allows. */
  soon(): void;
  /** The period changed: move the next run earlier if it is now due earlier. */
  reschedule(): void;
  resume(): void;
  stop(): void;
}

export function createJob(timers: GcTimers, random: () => number, options: JobOptions): Job {
  let timer: unknown;
  let dueAt = Number.POSITIVE_INFINITY;
  let running = false;
  let again = false;
  let halted = false;
  let stopped = false;
  let attempt = 0;
  let lastStart = Number.NEGATIVE_INFINITY;
  let lastEnd = Number.NEGATIVE_INFINITY;

  function at(when: number): void {
    if (stopped || halted || running || when >= dueAt) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    dueAt = when;
    timer = timers.setTimeout(() => {
      timer = undefined;
      dueAt = Number.POSITIVE_INFINITY;
      void fire();
    }, Math.max(0, when - timers.now()));
  }

  const soonest = (): number => Math.max(timers.now(), lastStart + options.minGapMs);

  async function fire(): Promise<void> {
    if (stopped || halted || running) return;
    running = true;
    again = false;
    lastStart = timers.now();
    let outcome: JobOutcome;
    try {
      outcome = await options.run();
    } catch {
      outcome = 'retry';
    }
    running = false;
    lastEnd = timers.now();
    if (stopped) return;
    if (outcome === 'halt') {
      halted = true;
      return;
    }
    if (outcome === 'retry') {
      at(lastEnd + Math.max(options.retry.baseMs, backoffDelay(++attempt, options.retry, random)));
      return;
    }
    attempt = 0;
    if (again) at(soonest());
    const period = options.periodMs();
    if (period !== undefined) at(lastEnd + period);
  }

  return {
    soon() {
      if (running) again = true;
      else at(soonest());
    },
    reschedule() {
      const period = options.periodMs();
      if (period !== undefined && attempt === 0) at(Math.max(timers.now(), lastEnd + period));
    },
    resume() {
      if (!halted) return;
      halted = false;
      at(soonest());
    },
    stop() {
      stopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
    },
  };
}
