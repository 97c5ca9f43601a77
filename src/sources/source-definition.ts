import type { ObjectKind } from '../vocabulary/object-kinds.ts';
import type { StatFormat } from '../vocabulary/stat-formats.ts';
import type { ThresholdRule } from '../vocabulary/statistics.ts';
import type { SourceSink, StatSource } from './stat-source.ts';

/**
 * What every source plug-in folder `src/sources/<kind>/` provides (docs/adding-a-source.md): how to
 * sign in is the auth layer's (src/auth), everything else about the vendor is here. Nothing outside
 * the folder names the vendor's statistics, object types or agent states.
 */
export const SOURCE_KINDS = ['genesys-v3', 'genesys-cloud', 'gws', '8x8'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One statistic a source offers, described for the editor and the tiles. */
export interface SourceStatistic {
  /** A wallboard statistic id when it supplies one (src/vocabulary/statistics.ts), else the source's own. */
  readonly id: string;
  readonly label: string;
  /** What it means on this source, its window included ("… this hour", "… today"). */
  readonly meaning: string;
  readonly format: StatFormat | 'agent-state';
  readonly kinds: readonly ObjectKind[];
  readonly thresholdRule?: ThresholdRule | undefined;
  /** A clock running since something began: tiles advance it between values. */
  readonly ticking?: boolean | undefined;
  /** It takes an answer-time target (`serviceLevelSeconds`). */
  readonly answerTimeTarget?: boolean | undefined;
  /** The vendor's own object type for each kind, for the source that made this entry only. */
  readonly vendorTypes?: Readonly<Partial<Record<ObjectKind, string>>> | undefined;
}

export interface SourceCatalog {
  readonly statistics: readonly SourceStatistic[];
  /** The kinds whose objects this source can list. */
  readonly objectKinds: readonly ObjectKind[];
}

/** One listed object: the id to subscribe with, the name to print. */
export interface SourceObject {
  readonly id: string;
  readonly name: string;
}

/**
 * How fresh a source promises to be, from which staleness and the kiosk's self-healing derive:
 * a push source hears from its server at least every `silenceLimitMs` (heartbeats, long polls),
 * a polling source asks every `periodMs`.
 */
export type Freshness =
  | { readonly mode: 'push'; readonly silenceLimitMs: number }
  | { readonly mode: 'poll'; readonly periodMs: number };

/** A source's place in the runtime configuration, URLs made absolute. */
export interface SourceSettings {
  readonly id: string;
  readonly kind: SourceKind;
  /** API root, no trailing slash (Engage: the origin of /statistics/v3; Genesys Cloud: the root of /api/v2). */
  readonly apiBaseUrl: string;
  /** Engage's x-api-key; absent elsewhere. */
  readonly apiKey?: string | undefined;
}

/** What the app lends a source: its settings and its signed-in session's means of calling the API. */
export interface SourceContext {
  readonly settings: SourceSettings;
  /**
   * fetch with this source's credentials (bearer, and x-api-key on Engage); on 401 refreshes once
   * and retries, then resolves with the 401. A path is made absolute against `apiBaseUrl`.
   */
  readonly authorizedFetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** The current access token; null when signed out (for transports that are not fetch: CometD, WebSocket). */
  readonly getAccessToken: () => Promise<string | null> | string | null;
  readonly onTokenChange: (listener: (token: string | null | undefined) => void) => () => void;
  /** True when a newer token is there after `rejectedToken` was refused (refreshing once if needed). */
  readonly handleUnauthorized: (rejectedToken: string) => Promise<boolean>;
}

export interface SourceDefinition {
  readonly kind: SourceKind;
  /** The vendor's product name, for the header and the editor ("Genesys Cloud"). */
  readonly label: string;
  readonly freshness: Freshness;
  /**
   * Starts fetching what needs no sign-in (a catalog file), while the person signs in, so it is
   * there when they are; optional, and only a head start: `loadCatalog` works without it.
   */
  prepare?(): void;
  /** The statistics this source offers; may read a file or ask the server. */
  loadCatalog(context: SourceContext): Promise<SourceCatalog>;
  /** Every object of a kind, for `*` tiles and the editor's pickers. Rejects with a message a person can read. */
  listObjects(context: SourceContext, kind: ObjectKind): Promise<readonly SourceObject[]>;
  /** A running source; the catalog is the one `loadCatalog` gave. */
  createSource(context: SourceContext, catalog: SourceCatalog, sink: SourceSink): StatSource;
}
