import { objectKindWords } from '../../vocabulary/object-kinds.ts';
import { statKey, type StatSpec } from '../stat-spec.ts';
import { feedOf, type GcFeed } from './gc-catalog.ts';
import { sameId } from './gc-frames.ts';

/** A statistic on screen, as the source serves it. */
export interface Watched {
  readonly key: string;
  readonly spec: StatSpec;
  readonly feed: GcFeed;
  /** The object's id in lower case, for comparisons; `spec.objectId` is the spelling to send. */
  readonly id: string;
}

export interface WatchChange {
  readonly added: readonly Watched[];
  readonly removed: readonly string[];
  /** Specs this source cannot serve, with why; never tried. */
  readonly unsupported: ReadonlyArray<{ readonly key: string; readonly reason: string }>;
}

/** The watched statistics by key, with the refusals the platform gave (kept until the key leaves or a reconnect). */
export interface WatchBook {
  want(specs: readonly StatSpec[]): WatchChange;
  all(): readonly Watched[];
  get(key: string): Watched | undefined;
  of(feed: GcFeed, id?: string): readonly Watched[];
  /** Object ids (lower case → spelling) with a statistic of this feed and kind. */
  objects(feed: GcFeed, kind: Watched['spec']['kind']): ReadonlyMap<string, string>;
  refuse(keys: readonly string[], reason: string): string[];
  refused(key: string): boolean;
  clearRefusals(): void;
}

function unsupportedReason(spec: StatSpec): string | undefined {
  if (feedOf(spec.statistic, spec.kind) === undefined) {
    return `Genesys Cloud cannot supply ${spec.statistic} for a ${objectKindWords(spec.kind).one}`;
  }
  if (spec.serviceLevelSeconds !== undefined) {
    return "Genesys Cloud measures the service level against the queue's own target; a tile cannot set another";
  }
  return undefined;
}

export function createWatchBook(): WatchBook {
  let watched = new Map<string, Watched>();
  const refusals = new Map<string, string>();
  return {
    want(specs) {
      const next = new Map<string, Watched>();
      const unsupported: Array<{ key: string; reason: string }> = [];
      for (const spec of specs) {
        const key = statKey(spec);
        if (next.has(key) || unsupported.some((u) => u.key === key)) continue;
        const reason = unsupportedReason(spec);
        const feed = feedOf(spec.statistic, spec.kind);
        if (reason !== undefined || feed === undefined) unsupported.push({ key, reason: reason ?? 'unsupported' });
        else next.set(key, watched.get(key) ?? { key, spec, feed, id: sameId(spec.objectId) });
      }
      const added = [...next.values()].filter((w) => !watched.has(w.key));
      const removed = [...watched.keys()].filter((key) => !next.has(key));
      for (const key of removed) refusals.delete(key);
      watched = next;
      return { added, removed, unsupported };
    },
    all: () => [...watched.values()],
    get: (key) => watched.get(key),
    of: (feed, id) => [...watched.values()].filter((w) => w.feed === feed && (id === undefined || w.id === id)),
    objects(feed, kind) {
      const out = new Map<string, string>();
      for (const w of watched.values()) if (w.feed === feed && w.spec.kind === kind && !out.has(w.id)) out.set(w.id, w.spec.objectId);
      return out;
    },
    refuse(keys, reason) {
      const fresh = keys.filter((key) => watched.has(key) && !refusals.has(key));
      for (const key of fresh) refusals.set(key, reason);
      return fresh;
    },
    refused: (key) => refusals.has(key),
    clearRefusals: () => refusals.clear(),
  };
}
