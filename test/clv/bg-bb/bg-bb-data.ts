/**
 * The BG/BB test data (not a test file itself): the paper's donations table, the shared
 * checks every BG/BB function must pass, fast-check arbitraries, a seeded simulator of the
 * model, and the independent reference values of reference/bg_bb_reference.py.
 */
import { fc } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/doc-examples';
import { simulateBgBb as publicSimulateBgBb, type DiscreteCustomerHistory } from '../../../src/clv';
import { seededUniform } from '../../support/random';
import { readDataCsv } from '../clv-data';

/** A row of `donations.csv`: (x, tₓ, n) and the number of donors with it. */
export interface DonationRow {
  frequency: number;
  recency: number;
  periods: number;
  weights: number;
}

/** `test/fixtures/data/donations.csv`: 22 cells, 11,104 donors, n = 6 (Fader, Hardie & Shang 2010). */
export function donations(): DonationRow[] {
  return readDataCsv('donations.csv') as unknown as DonationRow[];
}

/** The donations table expanded to one row per donor (11,104 rows). */
export function donorsExpanded(): { frequency: number; recency: number; periods: number }[] {
  return donations().flatMap((d) => Array.from({ length: d.weights }, () => ({ frequency: d.frequency, recency: d.recency, periods: d.periods })));
}

/** The published estimates (the paper). */
export const PUBLISHED = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } as const;

/** Values computed by reference/bg_bb_reference.py (mpmath at 40–80 digits, scipy), independent of src/. */
export interface BgBbReference {
  donations: { params: number[]; logLikelihood: number; standardErrors: number[]; n: number };
  trackingAtMle: [number, number, number][];
  cohortHoldoutAtMle: number;
  aliveTableAtMle: [number, number, number, number][];
  likelihood: [number, number, number, number][];
  alive: [number, number, number, number][];
  expected: [number, number][];
  expectedSum: [number[], number, number][];
  conditional: [number, number, number, number, number][];
  conditionalSum: [number[], number, number, number, number, number][];
  dert: [number, number, number, number, number][];
  dertSmallRate: [number[], number, number, number, number, number][];
  extreme: { customer: [number, number, number]; logLikelihood: number; alive: number; conditional10: number; dert: number }[];
  expectedLarge: [number, number][];
}

export const bgBbReference: BgBbReference = JSON.parse(
  readFileSync(join(repoRoot, 'test', 'clv', 'bg-bb', 'reference', 'bg-bb-reference.json'), 'utf8'),
) as BgBbReference;

/** [a, b, c, d] → the parameter object. */
export function params4(p: readonly number[]) {
  return { alpha: p[0] as number, beta: p[1] as number, gamma: p[2] as number, delta: p[3] as number };
}

/** [what is wrong, the customer's (x, tₓ, n), the expected code]: every BG/BB prediction must reject these. */
export const BAD_BG_BB_CUSTOMERS: readonly [string, { frequency: unknown; recency: unknown; periods: unknown }, string][] = [
  ['negative frequency', { frequency: -1, recency: 0, periods: 5 }, 'NEGATIVE_VALUE'],
  ['fractional frequency', { frequency: 1.5, recency: 2, periods: 5 }, 'NOT_AN_INTEGER'],
  ['NaN frequency', { frequency: Number.NaN, recency: 2, periods: 5 }, 'INVALID_NUMBER'],
  ['frequency as a string', { frequency: '2', recency: 2, periods: 5 }, 'INVALID_NUMBER'],
  ['fractional recency', { frequency: 1, recency: 2.5, periods: 5 }, 'NOT_AN_INTEGER'],
  ['negative recency', { frequency: 0, recency: -1, periods: 5 }, 'NEGATIVE_VALUE'],
  ['recency as a string', { frequency: 2, recency: '3', periods: 5 }, 'INVALID_NUMBER'],
  ['fractional periods', { frequency: 1, recency: 2, periods: 5.5 }, 'NOT_AN_INTEGER'],
  ['negative periods', { frequency: 0, recency: 0, periods: -5 }, 'NEGATIVE_VALUE'],
  ['infinite periods', { frequency: 0, recency: 0, periods: Number.POSITIVE_INFINITY }, 'INVALID_NUMBER'],
  ['more than 10⁶ periods', { frequency: 0, recency: 0, periods: 1_000_001 }, 'OUT_OF_RANGE'],
  ['recency > periods', { frequency: 2, recency: 6, periods: 5 }, 'ORDER_VIOLATION'],
  ['a recency without a transaction', { frequency: 0, recency: 3, periods: 5 }, 'INCONSISTENT_INPUT'],
  ['frequency > recency', { frequency: 3, recency: 2, periods: 5 }, 'INCONSISTENT_INPUT'],
  ['transactions at recency 0', { frequency: 1, recency: 0, periods: 5 }, 'INCONSISTENT_INPUT'],
];

/** Parameter sets every BG/BB prediction must reject. */
export const BAD_BG_BB_PARAMS: readonly [string, unknown, string][] = [
  ['alpha = 0', { alpha: 0, beta: 0.75, gamma: 0.657, delta: 2.783 }, 'OUT_OF_RANGE'],
  ['NaN beta', { alpha: 1.204, beta: Number.NaN, gamma: 0.657, delta: 2.783 }, 'INVALID_NUMBER'],
  ['negative gamma', { alpha: 1.204, beta: 0.75, gamma: -0.657, delta: 2.783 }, 'OUT_OF_RANGE'],
  ['delta missing', { alpha: 1.204, beta: 0.75, gamma: 0.657 }, 'INVALID_NUMBER'],
  ['delta as a string', { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: '2.783' }, 'INVALID_NUMBER'],
  ['infinite alpha', { alpha: Number.POSITIVE_INFINITY, beta: 0.75, gamma: 0.657, delta: 2.783 }, 'INVALID_NUMBER'],
  ['no parameters at all', undefined, 'INVALID_NUMBER'],
];

/** BG/BB parameters over two to three orders of magnitude each. */
export const bgBbParams = fc.record({
  alpha: fc.double({ min: 0.02, max: 50, noNaN: true }),
  beta: fc.double({ min: 0.02, max: 50, noNaN: true }),
  gamma: fc.double({ min: 0.02, max: 50, noNaN: true }),
  delta: fc.double({ min: 0.02, max: 50, noNaN: true }),
});

/** A valid (x, tₓ, n): n up to 10,000 (small values favoured), 0 ≤ x ≤ tₓ ≤ n, x = 0 exactly when tₓ = 0. */
export const bgBbCustomer = fc
  .record({
    n: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 10_000 })),
    u: fc.double({ min: 0, max: 1, noNaN: true }),
    v: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ n, u, v }) => {
    const tx = Math.round(u * n);
    const x = tx === 0 ? 0 : 1 + Math.round(v * (tx - 1));
    return { frequency: x, recency: tx, periods: n };
  });

export type SimulatedBgBbCustomer = DiscreteCustomerHistory;

/**
 * `count` customers from the public, seeded {@link publicSimulateBgBb}; `periods(i, u)` draws
 * each customer's number of opportunities from a second seeded stream (so that the tests can
 * ask for random observation lengths).
 */
export function simulateBgBb(
  count: number,
  params: { alpha: number; beta: number; gamma: number; delta: number },
  options: { seed: number; periods: (i: number, u: () => number) => number },
): SimulatedBgBbCustomer[] {
  const u = seededUniform((options.seed + 0x9e3779b9) >>> 0);
  const periods = Array.from({ length: count }, (_, i) => options.periods(i, u));
  return publicSimulateBgBb(params, { customers: count, seed: options.seed, periods: (i) => periods[i] as number });
}

/** Values computed by reference/bg_bb_counts_reference.py (mpmath, 40–60 digits), independent of src/. */
export interface BgBbCountsReference {
  /** [x, n, P(X(n) = x)] at the published estimates. */
  pmf: [number, number, number][];
  /** 11,104 · P(X(6) = x), x = 0…6, and the observed counts of the donations data. */
  donorsByCount: { mle: number[]; published: number[]; observed: number[] };
  /** [x, tₓ, n, x*, n*, P(X(n, n+n*) = x* | x, tₓ, n)] at the published estimates. */
  conditional: [number, number, number, number, number, number][];
  /** Expected number of the 11,104 donors with 0…5 donations in 2002–2006, at the MLE. */
  cohortHoldoutCounts: number[];
  /** [x, tₓ, n, n*, P(alive at n+1+n*)] at the published estimates. */
  alive: [number, number, number, number, number][];
  /** [x, tₓ, n, donors, ln L at the MLE, ln L at the published estimates] per donations cell. */
  cellLogLikelihood: [number, number, number, number, number, number][];
  /** [[α, β, γ, δ], x, n, P(X(n) = x)] with parameters at e^±30. */
  widePmf: [number[], number, number, number][];
  /** [[α, β, γ, δ], x, tₓ, n, x*, n*, P] with parameters at e^±30. */
  wideConditional: [number[], number, number, number, number, number, number][];
}

export const bgBbCountsReference: BgBbCountsReference = JSON.parse(
  readFileSync(join(repoRoot, 'test', 'clv', 'bg-bb', 'reference', 'bg-bb-counts-reference.json'), 'utf8'),
) as BgBbCountsReference;

/** One parameter point of reference/bg_bb_extreme_reference.py (mpmath, 130 digits). */
export interface BgBbExtremePoint {
  name: string;
  /** [α, β, γ, δ], each in [e^−30, e^30]. */
  params: number[];
  /** [x, tₓ, n, ln L]. */
  logLikelihood: [number, number, number, number][];
  /** Weighted rows [x, tₓ, n, w] and Σ w ln L. */
  groupTotals: { rows: [number, number, number, number][]; total: number }[];
  /** [x, tₓ, n, P(alive at n+1)]. */
  alive: [number, number, number, number][];
  /** [n, E[X(n)]]. */
  expected: [number, number][];
  /** [x, tₓ, n, n*, E[X(n, n+n*) | x, tₓ, n]]. */
  conditionalExpected: [number, number, number, number, number][];
  /** [x, tₓ, n, d, DERT(d | x, tₓ, n)]. */
  dert: [number, number, number, number, number][];
  /** [x, n, P(X(n) = x)]. */
  pmf: [number, number, number][];
  /** [x, tₓ, n, x*, n*, P(X(n, n+n*) = x* | x, tₓ, n)]. */
  conditionalPmf: [number, number, number, number, number, number][];
}

/** Values of reference/bg_bb_extreme_reference.py: the whole fitted range, concentrations up to 1e13. */
export const bgBbExtremeReference: { points: BgBbExtremePoint[]; leftOut: unknown[] } = JSON.parse(
  readFileSync(join(repoRoot, 'test', 'clv', 'bg-bb', 'reference', 'bg-bb-extreme-reference.json'), 'utf8'),
) as { points: BgBbExtremePoint[]; leftOut: unknown[] };

