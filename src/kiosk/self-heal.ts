import { backoffDelay, type RetryPolicy } from '../lib/backoff.ts';
import type { Freshness } from '../sources/source-definition.ts';
import type { ConnectionState } from '../sources/stat-source.ts';

/** The ladder of a kiosk that has lost the server: each step only when the one before did not help. */
export type HealAction = 'reconnect' | 'restart' | 'reload';
const LADDER: readonly HealAction[] = ['reconnect', 'restart', 'reload'];

/** Periodic statistics promise a message every period: twice that plus a margin is silence. */
const PERIOD_SILENCE_MARGIN_MS = 5000;
const MIN_SILENCE_LIMIT_MS = 15_000;

/**
 * Between two steps, on top of the silence limit: spread with full jitter, so a hundred TVs that
 * lost the same server do not all come back in the same second.
 */
export const HEAL_SPACING: RetryPolicy = { baseMs: 5000, capMs: 60_000 };

/**
 * The longest a source may be silent with nothing to say: a push source promises a sign of life
 * (a long poll answered, a heartbeat) within its own limit; a polling source answers every period.
 */
export function idleSilenceLimitMs(freshness: Freshness): number {
  return freshness.mode === 'push' ? freshness.silenceLimitMs : 2 * freshness.periodMs + PERIOD_SILENCE_MARGIN_MS;
}

/** How long silence may last before it counts: the source's own promise, or sooner from the shortest period its values promise. */
export function silenceLimitMs(freshness: Freshness, shortestPeriodMs: number | undefined, connection: ConnectionState): number {
  const idle = idleSilenceLimitMs(freshness);
  // While the service is unavailable nothing is notified; only the transport says it is alive.
  if (shortestPeriodMs === undefined || connection === 'unavailable') return idle;
  return Math.min(idle, Math.max(MIN_SILENCE_LIMIT_MS, 2 * shortestPeriodMs + PERIOD_SILENCE_MARGIN_MS));
}

export interface HealObservation {
  readonly now: number;
  /** Epoch ms of the last sign of life from the server; 0 before any. */
  readonly lastActivityAt: number;
  readonly connection: ConnectionState;
  /** Statistics are wanted (an empty board expects nothing). */
  readonly watching: boolean;
  readonly silenceLimitMs: number;
}

export interface SelfHeal {
  /** About once a second: what to do now, if anything. */
  observe(observation: HealObservation): HealAction | undefined;
  /** The page threw (an uncaught error): the next observation asks for a reload. */
  pageThrew(): void;
  /** The step the ladder is at (0: healthy), for the health overlay. */
  level(): number;
}

/**
 * The kiosk's self-healing as a pure state machine (the hook around it does the actions): silence
 * past the limit → reconnect; still silent → a new source; still silent → a full reload. Any sign
 * of life after a step puts the ladder back at the bottom.
 */
export function createSelfHeal(startedAt: number, random: () => number = Math.random): SelfHeal {
  let step = 0;
  /** When the watch started or the last step was taken: silence is counted from there at the earliest. */
  let armedAt = startedAt;
  let notBefore = startedAt;
  let threw = false;

  return {
    observe({ now, lastActivityAt, connection, watching, silenceLimitMs: limit }) {
      if (threw) {
        threw = false;
        return 'reload';
      }
      // Signed out: the sign-in flow, not the connection, has to fix that.
      if (connection === 'unauthorized' || !watching) {
        step = 0;
        armedAt = now;
        notBefore = now;
        return undefined;
      }
      if (lastActivityAt > armedAt) step = 0;
      const silentFor = now - Math.max(lastActivityAt, armedAt);
      if (silentFor < limit || now < notBefore) return undefined;
      const action = LADDER[Math.min(step, LADDER.length - 1)] ?? 'reload';
      step += 1;
      armedAt = now;
      notBefore = now + limit + backoffDelay(step, HEAL_SPACING, random);
      return action;
    },
    pageThrew() {
      threw = true;
    },
    level: () => step,
  };
}
