/** Linear scales and tick values for the charts. */

/** Maps [d0, d1] onto [r0, r1]. */
export interface Scale {
  (x: number): number;
  readonly domain: readonly [number, number];
}

export function linear(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const f = ((x: number) => r0 + ((x - d0) / (d1 - d0 || 1)) * (r1 - r0)) as Scale;
  return Object.assign(f, { domain });
}

/** About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5 × 10^k). */
export function ticks(lo: number, hi: number, count = 5): number[] {
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9; k++) out.push(Math.round(k * step * 1e9) / 1e9 + 0); // + 0: no −0 tick
  return out;
}

/** "Nice" upper bound: the smallest tick ≥ `x`. */
export function niceMax(x: number, count = 5): number {
  const t = ticks(0, x, count);
  const last = t[t.length - 1] ?? x;
  const step = t.length > 1 ? (t[1] as number) - (t[0] as number) : x;
  return last >= x ? last : last + step;
}
