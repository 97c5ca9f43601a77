import type { Simulation } from '../sim/sim-types.ts';
import { activityKey, createActivityStore, type ActivityStore } from './activity-store.ts';
import { compileDefinition, type CompiledStatistic } from './compile-definition.ts';
import { evaluateStatistic, movesWithTime } from './evaluate-statistic.ts';
import { createObjectDirectory, type ObjectDirectory, type StatObject } from './object-directory.ts';
import type { NotificationSettings, StatDefinition } from './statistic-definition.ts';
import type { StatisticsCatalog } from './statistics-catalog.ts';
import { toValueObject, type StatValueObject } from './stat-value.ts';
import { createWindowStarts } from './time-profile.ts';
import { createSubscriptionRegistry, type SubscriptionRegistry } from './subscription-registry.ts';

/** A statistic request as the Statistics API receives it: a pre-configured name or an inline definition. */
export type StatisticDescriptor =
  | { readonly objectType: string; readonly objectId: string; readonly name: string }
  | {
      readonly objectType: string;
      readonly objectId: string;
      readonly definition: StatDefinition;
      readonly notification: NotificationSettings;
    };

export interface ResolvedStatistic {
  readonly object: StatObject;
  readonly compiled: CompiledStatistic;
  readonly notification: NotificationSettings;
  /**
   * Two requests with the same key (same definition, same object) compute the same value: the
   * engine memoizes on it per instant. Built once here, as the memo looks it up for every update.
   */
  readonly evalKey: string;
}

export type ResolveError = {
  readonly ok: false;
  readonly reason: 'unknown-type' | 'unknown-object' | 'unknown-statistic' | 'invalid-definition';
  readonly message: string;
};
export type ResolveResult = { readonly ok: true; readonly statistic: ResolvedStatistic } | ResolveError;

export interface CurrentValue {
  readonly value: StatValueObject;
  /** When the value was generated (simulated epoch ms). */
  readonly timestamp: number;
}

export interface StatEngineOptions {
  readonly sim: Simulation;
  readonly catalog: StatisticsCatalog;
  /** Zone of the growing windows' resets; the simulation's. */
  readonly timeZone: string;
}

export interface StatEngine {
  readonly directory: ObjectDirectory;
  readonly catalog: StatisticsCatalog;
  readonly subscriptions: SubscriptionRegistry;
  resolve(descriptor: StatisticDescriptor): ResolveResult;
  current(statistic: ResolvedStatistic): CurrentValue;
  /** Sends what is due after the simulation moved on; call after every advance of the clock. */
  tick(): void;
}

/**
 * Stat Server for the mock: keeps each object's activity from the simulation's events and
 * evaluates statistic definitions over it on demand, memoized per simulated instant, so a
 * thousand subscriptions to the same statistic cost one evaluation.
 */
export function createStatEngine(options: StatEngineOptions): StatEngine {
  const { sim, catalog, timeZone } = options;
  const directory = createObjectDirectory(sim.config);
  const store: ActivityStore = createActivityStore(directory, sim.snapshot());
  let memoAt = Number.NaN;
  const memo = new Map<string, CurrentValue>();
  sim.onEvents((events) => {
    store.apply(events);
    // Events at the current instant (a forced agent status) change values without moving the clock.
    memo.clear();
  });
  let lastPrune = sim.now();
  const windowStartAt = createWindowStarts(timeZone);

  function current(statistic: ResolvedStatistic): CurrentValue {
    const now = sim.now();
    if (now !== memoAt) {
      memo.clear();
      memoAt = now;
    }
    const key = statistic.evalKey;
    const cached = memo.get(key);
    if (cached) return cached;
    const { compiled, object } = statistic;
    const from = compiled.window ? windowStartAt(compiled.window, now) : undefined;
    const result = evaluateStatistic(compiled, store.log(object.key, compiled.family), now, from ?? now);
    const reason = object.kind === 'agent' ? store.notReadyReason(object.id) : undefined;
    const value: CurrentValue = { value: toValueObject(result, now, from, reason), timestamp: now };
    memo.set(key, value);
    return value;
  }

  const subscriptions = createSubscriptionRegistry({
    current,
    now: () => sim.now(),
    changes: {
      takeChanged: () => store.takeChanged(),
      activityKey: (statistic) => activityKey(statistic.object.key, statistic.compiled.family),
      movesWithTime: ({ compiled, object }) => movesWithTime(compiled, store.log(object.key, compiled.family)),
    },
  });

  return {
    directory,
    catalog,
    subscriptions,
    resolve(descriptor) {
      const found = directory.lookup(descriptor.objectType, descriptor.objectId);
      if (!found.ok) return found;
      const object = found.object;
      let definition: StatDefinition;
      let notification: NotificationSettings;
      let definitionKey: string;
      if ('name' in descriptor) {
        const entry = catalog.find(descriptor.name, object.catalogType);
        if (!entry) {
          return {
            ok: false,
            reason: 'unknown-statistic',
            message: catalog.hasName(descriptor.name)
              ? `statistic "${descriptor.name}" is not defined for ${descriptor.objectType} objects`
              : `unknown statistic "${descriptor.name}"`,
          };
        }
        definition = entry.definition;
        notification = entry.notification;
        definitionKey = `name:${entry.name}|${entry.objectType}`;
      } else {
        definition = descriptor.definition;
        notification = descriptor.notification;
        definitionKey = `def:${JSON.stringify(definition, Object.keys(definition).sort())}`;
      }
      const compiled = compileDefinition(definition, object.kind);
      if (!compiled.ok) return { ok: false, reason: 'invalid-definition', message: compiled.message };
      return { ok: true, statistic: { object, compiled: compiled.statistic, notification, evalKey: `${definitionKey}@${object.key}` } };
    },
    current,
    tick() {
      const now = sim.now();
      if (now - lastPrune > 600_000) {
        store.prune(now);
        lastPrune = now;
      }
      subscriptions.tick();
    },
  };
}
