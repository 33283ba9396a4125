/**
 * A small seeded random source for the sample-data generator: the same seed gives the same
 * stream on every machine (integer arithmetic for the uniform stream; the transforms below use
 * only `Math.log`, `Math.sqrt`, `Math.cos` and `Math.exp`).
 */
export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Log-normal with the given median and log-scale standard deviation. */
  logNormal(median: number, sigma: number): number;
  /** Poisson with the given mean (Knuth's method; fine for small means). */
  poisson(mean: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A whole number in [min, max]. */
  integer(min: number, max: number): number;
  /** One of `items`, chosen with the given weights. */
  pick<T>(items: readonly (readonly [T, number])[]): T;
}

/** mulberry32: a 32-bit generator with a full 2^32 period, good enough for synthetic data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    const u = 1 - uniform(); // (0, 1]: log is finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  return {
    uniform,
    normal,
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
    poisson(mean) {
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = uniform(); p > limit; p *= uniform()) k++;
      return k;
    },
    chance: (p) => uniform() < p,
    integer: (min, max) => min + Math.floor(uniform() * (max - min + 1)),
    pick(items) {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let u = uniform() * total;
      for (const [item, weight] of items) {
        u -= weight;
        if (u < 0) return item;
      }
      return (items[items.length - 1] as readonly [unknown, number])[0] as never;
    },
  };
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 via erf, |error| < 1.5e-7): enough to map latent scores to answers. */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
