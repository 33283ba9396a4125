/**
 * Special functions for the likelihoods and predictions of the CLV and retention models.
 * Internal: arguments are trusted (callers validate user input); a violated precondition is a
 * bug, so it throws a plain `Error`, never a `CxMetricsError`.
 */

const LN_SQRT_2PI = 0.9189385332046727418; // ln √(2π)
const EULER_GAMMA = 0.5772156649015329;

/**
 * Hurwitz zeta ζ(k, q) = Σ_{n≥0} (q + n)^−k for k ≥ 2, 1 ≤ q ≤ 2: Σ_{n=0}^{7} plus the
 * Euler–Maclaurin tail from m = q + 8 with eight Bernoulli terms (A&S 23.2.3, 23.1.30; relative
 * error below 1e-16 there).
 */
function hurwitzZeta(k: number, q: number): number {
  // B₂ … B₁₆ as [numerator, denominator]: a bundler would print the quotients as 17-digit literals.
  const bernoulli = [[1, 6], [-1, 30], [1, 42], [-1, 30], [5, 66], [-691, 2730], [7, 6], [-3617, 510]] as const;
  const m = q + 8;
  // Tail Σ_{n≥m} n^−k = m^{1−k}/(k − 1) + m^−k/2 + Σ_j B₂ⱼ/(2j)! · k(k+1)…(k+2j−2) · m^{−k−2j+1}.
  let sum = m ** (1 - k) / (k - 1) + m ** -k / 2;
  let factorial = 1;
  let rising = 1;
  for (let j = 1; j <= bernoulli.length; j++) {
    const [numerator, denominator] = bernoulli[j - 1] as readonly [number, number];
    factorial *= (2 * j - 1) * (2 * j);
    rising *= j === 1 ? k : (k + 2 * j - 3) * (k + 2 * j - 2);
    sum += (numerator / denominator / factorial) * rising * m ** (-k - 2 * j + 1);
  }
  for (let n = 7; n >= 0; n--) sum += (q + n) ** -k;
  return sum;
}

/**
 * ζ(k) − 1 = ζ(k, 2) for k = 2…39, the coefficients of the ln Γ(1 + z) series, computed once
 * when the module loads rather than shipped as 38 literals. Equal, bit for bit, to mpmath's
 * `zeta(k) - 1` rounded to double (test/internal/special.test.ts).
 */
export const ZETA_MINUS_ONE: readonly number[] = Array.from({ length: 38 }, (_, i) => hurwitzZeta(i + 2, 2));

function requireArgument(ok: boolean, fn: string, detail: string): void {
  if (!ok) throw new Error(`internal ${fn}: ${detail}`);
}

/**
 * ln Γ(2 + z) = (1 − γ)z + Σ_{k≥2} (−1)^k (ζ(k) − 1) z^k / k for |z| ≤ 0.5 (from A&S 6.1.33),
 * accurate in relative terms even where ln Γ → 0; ln Γ(1 + z) = ln Γ(2 + z) − log1p(z).
 */
function logGammaTwoPlus(z: number): number {
  let sum = 0;
  let power = -z; // (−z)^k
  for (let k = 2; k <= ZETA_MINUS_ONE.length + 1; k++) {
    power *= -z;
    const term = ((ZETA_MINUS_ONE[k - 2] as number) * power) / k;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return (1 - EULER_GAMMA) * z + sum;
}

/** Stirling-series remainder ln Γ(x) − [(x − ½) ln x − x + ln √(2π)], x ≥ 10 (error < 1e-17). */
function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 +
          r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156)))))))
  );
}

/**
 * Natural log of the gamma function for x > 0.
 *
 * Series in ζ(k) − 1 about 2 on (0, 2.5] (relative accuracy near the zeros at 1 and 2), the
 * recurrence Γ(x) = (x − 1)Γ(x − 1) down into that range on (2.5, 10), Stirling with 7
 * correction terms above.
 * Measured against mpmath: relative error < 3e-15 (2,400 points on (1e-300, 1e300)); finite while
 * x·ln x < 1.8e308 (x up to ~2.5e305).
 */
export function logGamma(x: number): number {
  requireArgument(x > 0 && x <= Number.MAX_VALUE, 'logGamma', `x must be > 0, got ${x}`);
  // Γ(x) = Γ(1 + x)/x, and ln Γ(1 + x) = ln Γ(2 + x) − log1p(x).
  if (x < 0.5) return logGammaTwoPlus(x) - Math.log1p(x) - Math.log(x);
  if (x <= 1.5) return logGammaTwoPlus(x - 1) - Math.log1p(x - 1);
  if (x <= 2.5) return logGammaTwoPlus(x - 2);
  if (x < 10) {
    // Γ(x) = (x − 1)(x − 2)…(x − k) Γ(x − k) down to x − k in (1.5, 2.5]: no cancellation.
    let product = 1;
    let y = x;
    while (y > 2.5) product *= --y;
    return logGammaTwoPlus(y - 2) + Math.log(product);
  }
  const lnx = Math.log(x);
  return x * (lnx - 1) - 0.5 * lnx + LN_SQRT_2PI + stirlingCorrection(x);
}

/**
 * Root of ψ split into head + tail, and ψ's Taylor coefficients there, ψ⁽ⁿ⁾(x₀)/n! =
 * (−1)ⁿ⁺¹ ζ(n + 1, x₀) (A&S 6.4.10) for n = 1…25, computed when the module loads.
 */
const DIGAMMA_ROOT_HI = 1.4616321449683622;
const DIGAMMA_ROOT_LO = 9.549995429965697e-17;
const DIGAMMA_ROOT_TAYLOR: readonly number[] = Array.from({ length: 25 }, (_, k) => (k % 2 === 0 ? 1 : -1) * hurwitzZeta(k + 2, DIGAMMA_ROOT_HI));

/**
 * Digamma ψ(x) = d/dx ln Γ(x), x > 0.
 *
 * Recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series
 * ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) (A&S 6.3.18); near the positive root x₀ = 1.4616… a Taylor
 * series about x₀ keeps the relative accuracy. Measured against mpmath: relative error < 1e-14.
 */
export function digamma(x: number): number {
  requireArgument(x > 0 && x <= Number.MAX_VALUE, 'digamma', `x must be > 0, got ${x}`);
  const d = x - DIGAMMA_ROOT_HI - DIGAMMA_ROOT_LO;
  if (Math.abs(d) < 0.25) {
    let sum = 0;
    for (let k = DIGAMMA_ROOT_TAYLOR.length - 1; k >= 0; k--) sum = sum * d + (DIGAMMA_ROOT_TAYLOR[k] as number);
    return sum * d;
  }
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift += 1 / y;
    y += 1;
  }
  const r2 = 1 / (y * y);
  const series =
    r2 * (1 / 12 - r2 * (1 / 120 - r2 * (1 / 252 - r2 * (1 / 240 - r2 * (1 / 132 - r2 * (691 / 32760 - r2 / 12))))));
  return Math.log(y) - 0.5 / y - series - shift;
}

/** B₂ₖ/(2k), k = 1…7: the coefficients of ψ's asymptotic series ln y − 1/(2y) − Σ B₂ₖ/(2k y²ᵏ). */
const DIGAMMA_SERIES = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12] as const;

/**
 * ψ(a + k) − ψ(a), a > 0, k ≥ 0, accurate in relative terms where both digammas are large and
 * nearly equal (a = 1e13, k = 5: ψ ≈ 30 each, the difference 5e-13, which a subtraction of the
 * two would get to 1e-2 relative at best).
 *
 * Below 10 the recurrence ψ(y + 1) = ψ(y) + 1/y moves both arguments up by the same m, leaving
 * Σ_{i<m} k/((a+i)(a+k+i)); from 10 the difference of the asymptotic series (A&S 6.3.18), each
 * term taken as a difference: ln((a+k)/a) = log1p(k/a), 1/(2a) − 1/(2(a+k)) = k/(2a(a+k)), and
 * (a+k)^−2j − a^−2j = a^−2j expm1(−2j log1p(k/a)). The shifted sum and the first two parts are
 * positive and the series' parts below 1/600 of them, so nothing cancels: relative error a few ε
 * (test/internal/special.test.ts, against mpmath).
 */
export function digammaDifference(a: number, k: number): number {
  requireArgument(a > 0 && a <= Number.MAX_VALUE && k >= 0 && k <= Number.MAX_VALUE, 'digammaDifference', `needs a > 0, k >= 0, got ${a}, ${k}`);
  if (k === 0) return 0;
  let shifted = 0;
  let y = a;
  while (y < 10) {
    shifted += k / (y + k) / y;
    y += 1;
  }
  const logRatio = Math.log1p(k / y);
  const r2 = 1 / (y * y);
  let power = 1; // y^−2j
  let series = 0;
  for (let j = 1; j <= DIGAMMA_SERIES.length; j++) {
    power *= r2;
    series += (DIGAMMA_SERIES[j - 1] as number) * power * Math.expm1(-2 * j * logRatio);
  }
  return shifted + logRatio + k / (2 * y) / (y + k) - series;
}

/**
 * Trigamma ψ′(x), x > 0: recurrence ψ′(x) = ψ′(x + 1) + 1/x² up to x ≥ 10, then the series
 * 1/x + 1/(2x²) + Σ B₂ₖ/x²ᵏ⁺¹ (A&S 6.4.12). All terms positive; relative error < 1e-14.
 * Overflows to Infinity only for x < 1e-154, where ψ′(x) ≈ 1/x² is not representable.
 */
export function trigamma(x: number): number {
  requireArgument(x > 0 && x <= Number.MAX_VALUE, 'trigamma', `x must be > 0, got ${x}`);
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift += 1 / (y * y);
    y += 1;
  }
  const r = 1 / y;
  const r2 = r * r;
  const series =
    r +
    r2 / 2 +
    r * r2 * (1 / 6 - r2 * (1 / 30 - r2 * (1 / 42 - r2 * (1 / 30 - r2 * (5 / 66 - r2 * (691 / 2730 - (r2 * 7) / 6))))));
  return shift + series;
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), a, b > 0, without the cancellation of that sum
 * when an argument is large: the Stirling parts are combined analytically as in R's `lbeta`
 * (TOMS 708 / Morris), leaving only the small correction terms to subtract.
 */
export function logBeta(a: number, b: number): number {
  requireArgument(a > 0 && b > 0 && a <= Number.MAX_VALUE && b <= Number.MAX_VALUE, 'logBeta', `a, b must be > 0, got ${a}, ${b}`);
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return -0.5 * Math.log(q) + LN_SQRT_2PI + corr + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  if (q >= 10) {
    const corr = stirlingCorrection(q) - stirlingCorrection(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/** log(e^a + e^b) without overflow or underflow. */
export function logSumExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const max = Math.max(a, b);
  if (max === Infinity) return Infinity;
  return max + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/**
 * log(e^a − e^b) for a ≥ b, via log1mexp (Mächler 2012, "Accurately computing log(1 − exp(−|a|))"):
 * log(−expm1(−d)) for d ≤ ln 2, log1p(−exp(−d)) above. Equal arguments give −Infinity.
 */
export function logDiffExp(a: number, b: number): number {
  requireArgument(a >= b, 'logDiffExp', `needs a >= b, got ${a} < ${b}`);
  if (b === -Infinity) return a;
  if (a === Infinity) return Infinity;
  const d = a - b;
  if (d === 0) return -Infinity;
  return a + (d <= Math.LN2 ? Math.log(-Math.expm1(-d)) : Math.log1p(-Math.exp(-d)));
}
