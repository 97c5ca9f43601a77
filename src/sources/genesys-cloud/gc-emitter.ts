import type { SourceSink, SourceUpdate, StatPayload } from '../stat-source.ts';
import type { AgentStore } from './gc-agent-store.ts';
import { totalsKey, totalsValue, type QueueTotals } from './gc-aggregates.ts';
import type { GcFeed } from './gc-catalog.ts';
import { secondsSinceOldest, summedAllQualifiers, summedCount, type QueueStore } from './gc-queue-store.ts';
import type { ServerClock } from './gc-server-clock.ts';
import type { Watched, WatchBook } from './gc-watch-book.ts';

/**
 * How often each feed promises a fresh value (the store shows a value stale past twice this): the
 * observations are re-queried every 60 s besides what the topics push on change, today's totals
 * are read every 30 s, users' states are read every 60 s besides their topics.
 */
export const PERIOD_MS: Readonly<Record<GcFeed, number>> = { observations: 60_000, aggregates: 30_000, agents: 60_000 };

export interface ValueSources {
  readonly queues: QueueStore;
  /** Today's totals of the running session (none between sessions). */
  readonly totals: () => ReadonlyMap<string, QueueTotals> | undefined;
  readonly agents: AgentStore;
}

/** A watched statistic's value now: undefined while not known (nothing is sent), null when the platform does not give it. */
export function valueOf(w: Watched, sources: ValueSources, serverNow: number): StatPayload | undefined {
  const statistic = w.spec.statistic;
  if (w.feed === 'aggregates') {
    const totals = sources.totals();
    return totals?.has(totalsKey(w)) ? totalsValue(totals.get(totalsKey(w)), statistic) : undefined;
  }
  if (w.feed === 'agents') {
    return w.spec.kind === 'agent' ? sources.agents.agentValue(w.id) : sources.agents.skillValue(w.id, statistic, serverNow);
  }
  const queue = sources.queues.get(w.id);
  if (!queue) return undefined;
  const known = (value: number | undefined): number | null => value ?? null;
  switch (statistic) {
    case 'Current_In_Queue':
      return known(summedCount(queue, 'oWaiting'));
    case 'CurrMaxCallWaitingTime':
      return secondsSinceOldest(queue, 'oldestWaiting', serverNow);
    case 'LongestIdleTime':
      return secondsSinceOldest(queue, 'oldestIdle', serverNow);
    case 'CurrentReadyAgents':
      return known(summedCount(queue, 'oOnQueueUsers', 'IDLE'));
    case 'CurrNumberInCall':
      return known(summedCount(queue, 'oOnQueueUsers', 'INTERACTING'));
    case 'gc-not-responding-agents':
      return known(summedCount(queue, 'oOnQueueUsers', 'NOT_RESPONDING'));
    case 'gc-on-queue-agents':
      return known(summedAllQualifiers(queue, 'oOnQueueUsers'));
    case 'CurrentNotReadyAgents':
      return known(summedCount(queue, 'oOffQueueUsers'));
    case 'gc-interacting':
      return known(summedCount(queue, 'oInteracting'));
    case 'gc-alerting':
      return known(summedCount(queue, 'oAlerting'));
    default:
      return null;
  }
}

const same = (a: StatPayload, b: StatPayload): boolean =>
  a === b || (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && a.state === b.state && a.since === b.since && a.label === b.label);

export interface Emitter {
  /** Sends the values of these watched statistics: all of them when `force` (a re-read), else only what changed. */
  emit(watched: readonly Watched[], force: boolean): void;
  forget(keys: readonly string[]): void;
}

export function createEmitter(sink: SourceSink, book: WatchBook, sources: ValueSources, clock: ServerClock): Emitter {
  const last = new Map<string, StatPayload>();
  return {
    emit(watched, force) {
      const now = clock.now();
      const batch: SourceUpdate[] = [];
      for (const w of watched) {
        if (book.refused(w.key) || book.get(w.key) !== w) continue;
        const value = valueOf(w, sources, now);
        if (value === undefined) continue;
        const previous = last.get(w.key);
        if (!force && previous !== undefined && same(previous, value)) continue;
        last.set(w.key, value);
        batch.push({ key: w.key, value, timestamp: clock.stamp(), periodMs: PERIOD_MS[w.feed], ...(previous === undefined ? { first: true } : {}) });
      }
      if (batch.length > 0) sink.updates(batch);
    },
    forget(keys) {
      for (const key of keys) last.delete(key);
    },
  };
}
