/**
 * Standard normal distribution function and quantile, to full double precision in both tails.
 * Internal: arguments are trusted; a violated precondition throws a plain `Error` (a bug).
 */

const SQRT_32 = 5.656854249492380195206754896838;
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;

// W. J. Cody (1969/1993), "Rational Chebyshev approximation for the error function", as in
// R's pnorm.c: A/B on |x| ≤ 0.67449, C/D on |x| ≤ √32, P/Q (in 1/x²) beyond.
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

function at(coefficients: readonly number[], i: number): number {
  return coefficients[i] as number;
}

/** e^(−y²/2)·factor with y² split as in Cody/R (`do_del`) so the exponent loses no digits. */
function gaussianTail(y: number, factor: number): number {
  const ySquaredHead = Math.trunc(y * 16) / 16;
  const del = (y - ySquaredHead) * (y + ySquaredHead);
  return Math.exp(-ySquaredHead * ySquaredHead * 0.5) * Math.exp(-del * 0.5) * factor;
}

/**
 * Φ(x) = P(Z ≤ x) for the standard normal, Cody's rational approximations (as in R's `pnorm`).
 * Relative error ~1e-15 in both tails (the lower tail down to Φ ≈ 1e-308, x ≈ −37.5; use
 * `normalCdf(−x)` for an accurate upper tail). ±Infinity map to 1 and 0.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new Error('internal normalCdf: x is NaN');
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    let numerator = 0;
    let denominator = 0;
    if (y > 1.1e-16) {
      const x2 = x * x;
      numerator = at(A, 4) * x2;
      denominator = x2;
      for (let i = 0; i < 3; i++) {
        numerator = (numerator + at(A, i)) * x2;
        denominator = (denominator + at(B, i)) * x2;
      }
    }
    return 0.5 + (x * (numerator + at(A, 3))) / (denominator + at(B, 3));
  }
  let lowerTail: number; // P(Z > y) = P(Z < −y)
  if (y <= SQRT_32) {
    let numerator = at(C, 8) * y;
    let denominator = y;
    for (let i = 0; i < 7; i++) {
      numerator = (numerator + at(C, i)) * y;
      denominator = (denominator + at(D, i)) * y;
    }
    lowerTail = gaussianTail(y, (numerator + at(C, 7)) / (denominator + at(D, 7)));
  } else if (y < 40) {
    const r = 1 / (y * y);
    let numerator = at(P, 5) * r;
    let denominator = r;
    for (let i = 0; i < 4; i++) {
      numerator = (numerator + at(P, i)) * r;
      denominator = (denominator + at(Q, i)) * r;
    }
    const factor = (ONE_OVER_SQRT_2PI - (r * (numerator + at(P, 4))) / (denominator + at(Q, 4))) / y;
    lowerTail = gaussianTail(y, factor);
  } else {
    lowerTail = 0;
  }
  return x > 0 ? 1 - lowerTail : lowerTail;
}

// M. J. Wichura (1988), Algorithm AS 241 "The percentage points of the normal distribution",
// Applied Statistics 37(3), 477–484: PPND16, relative accuracy about 1e-16.
const AS241_A = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
const AS241_B = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561];
const AS241_C = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const AS241_D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const AS241_E = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const AS241_F = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

function horner(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + at(coefficients, i);
  return value;
}

/**
 * Φ⁻¹(p), the standard normal quantile, by Wichura's AS 241 (PPND16): relative error about
 * 1e-16 for p in (0, 1), including p down to the smallest subnormal. p = 0 → −Infinity,
 * p = 1 → Infinity; p outside [0, 1] or NaN throws an internal Error.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new Error(`internal normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(AS241_A, r)) / horner(AS241_B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = horner(AS241_C, r) / horner(AS241_D, r);
  } else {
    r -= 5;
    value = horner(AS241_E, r) / horner(AS241_F, r);
  }
  return q < 0 ? -value : value;
}
