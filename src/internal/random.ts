/**
 * The seeded uniform stream of resampling and simulation, in integer arithmetic (the same seed
 * gives the same stream on every platform). Gamma and beta draws from it: random-variates.ts.
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
