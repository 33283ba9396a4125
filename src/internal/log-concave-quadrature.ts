/**
 * ln ∫ exp χ(v) dv over [lo, hi] (either end may be infinite) for a concave χ, in log space.
 *
 * A concave χ has one maximum (the mode, given by the caller) and falls monotonically on each
 * side of it, so the integral is summed outward from the mode, panel by panel, with 20-point
 * Gauss–Legendre rules on panels of length ≤ 4 across which χ changes by at most 8 (|χ′| is
 * largest at the panel's far end, so h·max(|χ′(start)|, |χ′(end)|) bounds the change). Each
 * sweep stops at its end or when the rest is provably negligible: past the mode,
 * ∫ beyond v of exp χ ≤ exp χ(v) / |χ′(v)| (χ lies below its tangent), so a sweep stops when that
 * is below 1e-17 of the sum. Values are taken relative to exp χ(mode), so nothing overflows
 * however large χ is.
 *
 * Panels are at most 4 long, so the integrand must fall by e^(−40) within some 80,000 units
 * of the mode (the callers' integrands, in logarithmic variables, do within ~1,500).
 * Internal: arguments are trusted; the result is NaN when the panels run out (the caller
 * decides what that means).
 */

/** Gauss–Legendre, 20 points on [−1, 1]: the positive nodes and their weights (mpmath, 30 digits). */
const GL_NODES = [
  0.076526521133497334, 0.22778585114164508, 0.37370608871541956, 0.5108670019508271, 0.63605368072651503,
  0.74633190646015079, 0.83911697182221882, 0.91223442825132591, 0.96397192727791379, 0.99312859918509492,
];
const GL_WEIGHTS = [
  0.15275338713072585, 0.14917298647260375, 0.14209610931838205, 0.13168863844917663, 0.11819453196151842,
  0.10193011981724044, 0.083276741576704749, 0.062672048334109064, 0.040601429800386941, 0.017614007139152118,
];

const MAX_PANELS = 20_000;
/** Largest change of χ across one panel. */
const BUDGET = 8;
/** Longest panel: the integrands of the callers have singularities about π off the real axis. */
const MAX_WIDTH = 4;

/**
 * ln ∫_lo^hi exp χ(v) dv for χ concave on [lo, hi], `slope` = χ′, `mode` in [lo, hi] the point
 * where χ is largest (an approximation is enough: it only sets where the sweeps start).
 * NaN if the panels run out or a value is not finite where it must be.
 */
export function logConcaveIntegral(
  chi: (v: number) => number,
  slope: (v: number) => number,
  lo: number,
  hi: number,
  mode: number,
): number {
  const ref = chi(mode);
  if (!Number.isFinite(ref)) return Number.NaN;
  let acc = 0;
  let panels = 0;
  for (let dir = 1; dir >= -1; dir -= 2) {
    const end = dir > 0 ? hi : lo;
    let v = mode;
    while (dir * (end - v) > 0) {
      if (++panels > MAX_PANELS) return Number.NaN;
      const d1 = slope(v);
      const fall = -dir * d1; // > 0 where the integrand falls away from the mode
      if (fall > 0 && acc > 0 && Math.exp(chi(v) - ref) <= 1e-17 * fall * acc) break;
      let h = Math.min(MAX_WIDTH, dir * (end - v));
      for (let k = 0; ; k++) {
        const far = slope(v + dir * h);
        if (h * Math.max(Math.abs(d1), Math.abs(far)) <= BUDGET) break;
        if (k === 1100) return Number.NaN;
        h /= 2;
      }
      const next = dir * (end - v) <= h ? end : v + dir * h;
      const half = (next - v) / 2;
      const mid = v + half;
      let sum = 0;
      for (let i = 0; i < 10; i++) {
        const dx = half * (GL_NODES[i] as number);
        sum += (GL_WEIGHTS[i] as number) * (Math.exp(chi(mid - dx) - ref) + Math.exp(chi(mid + dx) - ref));
      }
      acc += Math.abs(half) * sum;
      if (next === v) return Number.NaN;
      v = next;
    }
  }
  return acc > 0 && Number.isFinite(acc) ? ref + Math.log(acc) : Number.NaN;
}

/** 1/(1 + e^(−y)), the derivative of ln(1 + e^y). */
export function logistic(y: number): number {
  return y >= 0 ? 1 / (1 + Math.exp(-y)) : Math.exp(y) / (1 + Math.exp(y));
}
