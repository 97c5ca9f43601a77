import type { AgentState } from '../vocabulary/agent-states.ts';
import type { StatSpec } from './stat-spec.ts';

/** An agent's state in the wallboard's words, entered at `since`, as a source maps it. */
export interface AgentStateValue {
  readonly state: AgentState;
  /** Epoch ms when the agent entered the state. */
  readonly since: number;
  /** The vendor's own name for it when that says more ("On hold", "Break"); shown instead of the state's label. */
  readonly label?: string;
  readonly reason?: string;
}

export type StatPayload = number | AgentStateValue | null;

/** A new value for one statistic, normalized: the UI never learns which vendor sent it. */
export interface SourceUpdate {
  readonly key: string;
  /** `null`: the source says there is no value (e.g. an average of nothing) — shown as "no value", never 0. */
  readonly value: StatPayload;
  /** When the server generated it (epoch ms, server clock). */
  readonly timestamp: number;
  /** How often a fresh value is promised; the store shows it stale past twice this. Undefined: on change only. */
  readonly periodMs: number | undefined;
  /**
   * The first value of a new subscription (a new session, a failover to a server whose clock
   * differs): it is the truth even when its timestamp is older than the last value seen. Within one
   * subscription an older value never replaces a newer one.
   */
  readonly first?: boolean;
}

/** The state of one statistic's subscription, as far as the source knows. */
export interface SubscriptionStatus {
  readonly key: string;
  readonly status: 'loading' | 'live' | 'stale' | 'error';
  /** Why, for `error` (e.g. the server's refusal) and `stale`. */
  readonly reason?: string;
}

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'unavailable' | 'unauthorized';

/** What a source tells the store; all calls may come in bursts, the store batches them. */
export interface SourceSink {
  updates(batch: readonly SourceUpdate[]): void;
  statuses(batch: readonly SubscriptionStatus[]): void;
  connection(state: ConnectionState, detail?: string): void;
  /** Messages that failed validation were dropped; counted for the diagnostics panel. */
  dropped(reason: string, count?: number): void;
  /** These keys are no longer watched: their values are gone, so a tile that comes back starts from `loading`. */
  forget(keys: readonly string[]): void;
}

/** A vendor adapter (docs/architecture.md): owns transport, auth headers, subscriptions, reconnection and parsing. */
export interface StatSource {
  /** The set of statistics on screen now; the source diffs it against what it holds. */
  watch(specs: readonly StatSpec[]): void;
  start(): void;
  stop(): Promise<void>;
  /**
   * Gives up the connection and opens a new one, re-creating every subscription: for a connection
   * that died without saying so (self-healing, e.g. a kiosk's watchdog). A no-op when not running.
   */
  reconnect(reason: string): void;
  /** Epoch ms of the last sign of life from the server (a notification or an answered long poll); 0 before any. */
  lastActivityAt(): number;
}
