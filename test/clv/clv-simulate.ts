/**
 * Seeded simulators of the BG/NBD and Gamma-Gamma generative processes, for
 * parameter-recovery tests and benchmarks (not a test file itself).
 *
 * BG/NBD (Fader, Hardie & Lee 2005, §3): λ ~ Gamma(r, rate α), p ~ Beta(a, b); while alive,
 * purchases arrive as a Poisson process with rate λ; after each repeat purchase the customer
 * drops out with probability p. Gamma-Gamma: ν ~ Gamma(q, rate γ), each repeat spend
 * ~ Gamma(p, rate ν).
 */

/** mulberry32: a small, fast, seeded generator of uniforms in [0, 1). */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): number {
  // Box–Muller; 1 − u avoids log(0).
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), with the u^(1/shape) boost for shape < 1. */
export function gammaSample(u: () => number, shape: number, rate: number): number {
  if (shape < 1) return gammaSample(u, shape + 1, rate) * Math.pow(1 - u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    if (Math.log(w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function betaSample(u: () => number, a: number, b: number): number {
  const x = gammaSample(u, a, 1);
  const y = gammaSample(u, b, 1);
  return x / (x + y);
}

export interface SimulatedCustomer {
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}

/**
 * `n` customers with ages T drawn by `age(i)`; times rounded to `resolution` (e.g. 1/7 week
 * = one day) when given, like real summaries; spend from Gamma-Gamma when `spend` is given.
 */
export function simulateCustomers(
  n: number,
  params: { r: number; alpha: number; a: number; b: number },
  options: {
    seed: number;
    age: (i: number, u: () => number) => number;
    resolution?: number;
    spend?: { p: number; q: number; gamma: number };
  },
): SimulatedCustomer[] {
  const u = seededUniform(options.seed);
  const out: SimulatedCustomer[] = [];
  const round = (v: number) => (options.resolution ? Math.round(v / options.resolution) * options.resolution : v);
  for (let i = 0; i < n; i++) {
    const T = round(options.age(i, u));
    const lambda = gammaSample(u, params.r, params.alpha);
    const dropout = betaSample(u, params.a, params.b);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      const at = round(t);
      if (at > T) break;
      if (at === 0) continue; // in the first purchase's period: not a repeat purchase
      x++;
      tx = at;
      if (u() < dropout) break;
    }
    let monetaryValue = 0;
    if (options.spend && x > 0) {
      const nu = gammaSample(u, options.spend.q, options.spend.gamma);
      let total = 0;
      for (let k = 0; k < x; k++) total += gammaSample(u, options.spend.p, nu);
      monetaryValue = total / x;
    }
    out.push({ frequency: x, recency: tx, T, monetaryValue });
  }
  return out;
}
