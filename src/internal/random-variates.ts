/**
 * Gamma and beta variates from a uniform source (the seeded one of random.ts), in log space so
 * that shapes far below 1 neither underflow to 0 nor give 0/0 for a beta.
 *
 * ```text
 * shape ≥ 1: Marsaglia & Tsang: d = shape − 1/3, c = 1/√(9d), v = (1 + c·Z)³,
 *            accept d·v when ln U < Z²/2 + d − d·v + d·ln v
 * shape < 1: G(shape) = G(shape + 1) · U^(1/shape)   ⇒ ln G = ln G(shape + 1) + ln U / shape
 * Gamma(shape, rate) = e^(ln G) / rate
 * Beta(a, b) = X/(X + Y) = 1/(1 + e^(ln Y − ln X)),  X ~ Gamma(a), Y ~ Gamma(b)
 * ```
 *
 * Source: Marsaglia & Tsang (2000), "A simple method for generating gamma variables", *ACM
 * Transactions on Mathematical Software* 26(3), 363–372 (the boost for shape < 1 is their §5).
 */

/** A standard normal variate (Box–Muller; 1 − u avoids ln 0). */
export function normalVariate(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** ln G, G ~ Gamma(shape, rate 1), shape > 0. */
export function logGammaVariate(u: () => number, shape: number): number {
  // An infinite shape (a product that overflowed) would make the rejection loop below spin for ever.
  if (!(shape < Infinity)) return Infinity;
  if (shape < 1) return logGammaVariate(u, shape + 1) + Math.log(1 - u()) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalVariate(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    if (Math.log(1 - u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return Math.log(d) + Math.log(v);
  }
}

/**
 * A Gamma(shape, rate) variate (mean shape/rate), shape, rate > 0: e^(ln G)/rate. For shapes
 * far below 1 the draw may be below the smallest double and is then 0, its nearest double.
 */
export function gammaVariate(u: () => number, shape: number, rate: number): number {
  return Math.exp(logGammaVariate(u, shape)) / rate;
}

/** A Beta(a, b) variate in [0, 1], a, b > 0. */
export function betaVariate(u: () => number, a: number, b: number): number {
  const lx = logGammaVariate(u, a);
  const ly = logGammaVariate(u, b);
  return 1 / (1 + Math.exp(ly - lx));
}
