/**
 * A shifted-beta-geometric simulator for the parameter-recovery tests: θᵢ ~ Beta(α, β) per
 * customer, who then renews with probability 1 − θᵢ at each opportunity until churning or
 * until the observation ends (right-censored). Seeded, so a failing case can be replayed.
 */

/** mulberry32: a small, fast, seeded uniform generator on [0, 1). */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): number {
  // Box–Muller; 1 − u() keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the u^(1/shape) boost below shape 1. */
function gamma(u: () => number, shape: number): number {
  if (shape < 1) return gamma(u, shape + 1) * Math.pow(1 - u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(u);
    const v = Math.pow(1 + c * x, 3);
    if (v <= 0) continue;
    if (Math.log(1 - u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** One customer's record: renewals made, and whether they churned at the next opportunity. */
export interface SimulatedCustomer {
  renewals: number;
  churned: boolean;
}

/**
 * `customers` customers; customer i can be observed for `opportunities(i)` renewal
 * opportunities (a cohort acquired earlier has more), then is censored if still active.
 */
export function simulateSbg(
  alpha: number,
  beta: number,
  customers: number,
  opportunities: (i: number, u: () => number) => number,
  seed: number,
): SimulatedCustomer[] {
  const u = seededUniform(seed);
  const rows: SimulatedCustomer[] = [];
  for (let i = 0; i < customers; i++) {
    const x = gamma(u, alpha);
    const theta = x / (x + gamma(u, beta));
    const limit = opportunities(i, u);
    let renewals = 0;
    let churned = false;
    while (renewals < limit) {
      if (u() < theta) {
        churned = true;
        break;
      }
      renewals++;
    }
    rows.push({ renewals, churned });
  }
  return rows;
}

/** The survivor counts n₀ … n_T of a single cohort observed for T opportunities. */
export function survivorCounts(rows: readonly SimulatedCustomer[], periods: number): number[] {
  const counts = new Array<number>(periods + 1).fill(0);
  for (const r of rows) {
    const alive = r.churned ? r.renewals : periods; // survived renewals 1 … renewals
    for (let t = 0; t <= alive; t++) counts[t] = (counts[t] as number) + 1;
  }
  return counts;
}
