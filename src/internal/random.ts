/**
 * Seeded random draws for resampling and simulation: a uniform stream in integer arithmetic
 * (the same seed gives the same stream on every platform), and gamma and beta draws from it.
 */

/**
 * mulberry32 (T. Ettinger, 2017): a 32-bit state with period 2³², uniform in [0, 1) with 32 random
 * bits. Good enough for bootstrap resampling; not for cryptography.
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw by Box–Muller (1 − u avoids log 0). */
function standardNormal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/**
 * A Gamma(shape, rate) draw from the uniform stream `u`: Marsaglia & Tsang (2000), "A simple
 * method for generating gamma variables", ACM TOMS 26(3), with the u^(1/shape) boost for shape < 1.
 */
export function gammaSample(u: () => number, shape: number, rate: number): number {
  if (shape < 1) return gammaSample(u, shape + 1, rate) * Math.pow(1 - u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    if (Math.log(w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** A Beta(a, b) draw as X/(X+Y), X ~ Gamma(a, 1), Y ~ Gamma(b, 1). */
export function betaSample(u: () => number, a: number, b: number): number {
  const x = gammaSample(u, a, 1);
  const y = gammaSample(u, b, 1);
  return x / (x + y);
}
