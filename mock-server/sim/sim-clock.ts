/**
 * Drives a simulation in real time: at every tick it advances the simulated clock by the real time
 * elapsed since the previous tick times the speed factor. The simulation itself never looks at the
 * real clock, so everything time-related stays injectable (fake timers in tests).
 */
import type { Simulation } from './sim-types.ts';

export interface SimClockOptions {
  /** Simulated ms per real ms (1 = real time, 60 = one simulated minute per second). */
  readonly speed: number;
  readonly paused?: boolean;
  /** The real clock; default Date.now. */
  readonly now?: () => number;
  readonly setInterval?: (tick: () => void, ms: number) => unknown;
  readonly clearInterval?: (handle: unknown) => void;
  /** Real ms between ticks; default 100. */
  readonly tickMs?: number;
}

export interface SimClockState {
  readonly speed: number;
  readonly paused: boolean;
  readonly simNow: number;
}

export interface SimClockUpdate {
  readonly speed?: number;
  readonly paused?: boolean;
  /** Advance the simulated clock by this much right away, also while paused. */
  readonly advanceMs?: number;
}

export interface SimClock {
  getState(): SimClockState;
  set(update: SimClockUpdate): SimClockState;
  start(): void;
  stop(): void;
}

function assertSpeed(speed: number): void {
  if (!Number.isFinite(speed) || speed < 0) throw new RangeError(`speed must be a finite number >= 0, got ${speed}`);
}

export function createSimClock(sim: Simulation, options: SimClockOptions): SimClock {
  assertSpeed(options.speed);
  // Look the globals up at call time, so fake timers installed after creation still apply.
  const realNow = options.now ?? ((): number => Date.now());
  const startTimer = options.setInterval ?? ((tick: () => void, ms: number): unknown => globalThis.setInterval(tick, ms));
  const stopTimer =
    options.clearInterval ??
    ((handle: unknown): void => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>));
  const tickMs = options.tickMs ?? 100;
  if (!(tickMs > 0)) throw new RangeError(`tickMs must be > 0, got ${tickMs}`);

  let speed = options.speed;
  let paused = options.paused ?? false;
  let lastReal = realNow();
  /** Fractions of a simulated ms carried between ticks, so slow speeds do not lose time. */
  let carryMs = 0;
  let timer: unknown;
  let running = false;

  /** Bring the simulation up to the current real time under the settings that applied so far. */
  const sync = (): void => {
    const real = realNow();
    const elapsed = Math.max(0, real - lastReal);
    lastReal = real;
    if (paused || elapsed === 0 || speed === 0) return;
    const exact = elapsed * speed + carryMs;
    const whole = Math.floor(exact);
    carryMs = exact - whole;
    if (whole > 0) sim.advanceTo(sim.now() + whole);
  };

  const getState = (): SimClockState => ({ speed, paused, simNow: sim.now() });

  return {
    getState,

    set(update) {
      if (update.speed !== undefined) assertSpeed(update.speed);
      if (update.advanceMs !== undefined && !(Number.isFinite(update.advanceMs) && update.advanceMs >= 0)) {
        throw new RangeError(`advanceMs must be a finite number >= 0, got ${update.advanceMs}`);
      }
      // Time that passed before this change still runs at the old speed (or not at all if paused).
      if (running) sync();
      else lastReal = realNow();
      if (update.speed !== undefined) speed = update.speed;
      if (update.paused !== undefined) paused = update.paused;
      if (update.advanceMs) sim.advanceTo(sim.now() + Math.round(update.advanceMs));
      return getState();
    },

    start() {
      if (running) return;
      running = true;
      lastReal = realNow();
      timer = startTimer(sync, tickMs);
    },

    stop() {
      if (!running) return;
      running = false;
      stopTimer(timer);
      timer = undefined;
    },
  };
}
