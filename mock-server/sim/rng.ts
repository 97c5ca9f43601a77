/**
 * Seeded pseudo-random numbers for the simulation. Math.random is never used: every draw must be
 * reproducible from the seed so that two runs (and two chunkings of one run) emit the same events.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer in [min, max], both inclusive. */
  uniformInt(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number;
  /** Standard normal (mean 0, sd 1). */
  normal(): number;
  /** Log-normally distributed with the given mean and coefficient of variation (sd / mean). */
  lognormal(mean: number, cv: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

/**
 * splitmix32 spreads a small integer seed over all 128 bits of sfc32 state; seeding sfc32 with
 * (seed, 0, 0, 0) directly would make neighbouring seeds produce correlated early outputs.
 */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** sfc32: fast, small state, passes PractRand — more than enough for a traffic simulation. */
export function createRng(seed: number): Rng {
  const mix = splitmix32(Math.trunc(seed) ^ Math.trunc(seed / 0x1_0000_0000));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();

  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs: sfc32 needs a few rounds before its state is well mixed.
  for (let i = 0; i < 12; i++) nextUint32();

  const next = (): number => nextUint32() / 0x1_0000_0000;

  const normal = (): number => {
    // Box–Muller; 1 - u keeps the logarithm's argument in (0, 1].
    const u1 = 1 - next();
    const u2 = next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };

  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    uniformInt: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    exponential: (mean) => -mean * Math.log(1 - next()),
    normal,
    lognormal: (mean, cv) => {
      if (cv <= 0) return mean;
      const sigma2 = Math.log(1 + cv * cv);
      const mu = Math.log(mean) - sigma2 / 2;
      return Math.exp(mu + Math.sqrt(sigma2) * normal());
    },
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}
