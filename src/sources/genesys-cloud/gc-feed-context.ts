import type { Emitter } from './gc-emitter.ts';
import type { GcFailure, GcHttp } from './gc-http.ts';
import type { JobOutcome } from './gc-job.ts';
import type { ServerClock } from './gc-server-clock.ts';
import type { GcTimers } from './gc-timers.ts';
import type { Watched, WatchBook } from './gc-watch-book.ts';

/** What every feed (observations, aggregates, agents) of a running source shares. */
export interface FeedContext {
  readonly http: GcHttp;
  readonly clock: ServerClock;
  readonly timers: GcTimers;
  readonly random: () => number;
  readonly book: WatchBook;
  readonly emitter: Emitter;
  /** These statistics cannot be had: error, with the reason, never retried. */
  refuse(watched: readonly Watched[], reason: string): void;
  dropped(reason: string, count: number): void;
  /** A request was answered: the server is alive. */
  answered(): void;
  /** A request failed for a passing reason (5xx, network, 429 past retries). */
  failed(failure: GcFailure): void;
  /** 401 after a re-authentication: give up until a new token. */
  unauthorized(message: string): void;
  /** The notification sockets are open and subscribed (push works); else the feeds poll faster. */
  pushing(): boolean;
}

/**
 * The outcome of a job for a failed request: 401 gives up, 403 refuses what depended on it (no
 * retry), anything passing backs off. `refusable` are the statistics a 403 or a 4xx refuses.
 */
export function outcomeOf(context: FeedContext, failure: GcFailure, refusable: readonly Watched[]): JobOutcome {
  switch (failure.kind) {
    case 'unauthorized':
      context.unauthorized(failure.message);
      return 'halt';
    case 'forbidden':
    case 'rejected':
    case 'not-found':
      context.refuse(refusable, failure.message);
      return 'ok';
    case 'stopped':
      return 'halt';
    case 'transient':
      context.failed(failure);
      return 'retry';
  }
}
