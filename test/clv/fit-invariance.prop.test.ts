/**
 * Every customer-base fit depends on the customers only, not on how they are listed: the same
 * customers shuffled, grouped into weighted rows, or with a group split into several weighted
 * rows give the same fit, bit for bit (GUIDE: same input, same output). Each fitter reduces its
 * rows to distinct histories with summed weights in a canonical order before it sums anything.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { fitBgBb, fitBgNbd, fitGammaGamma, fitMbgNbd, fitParetoNbd, simulateBgBb, simulateBgNbd, simulateParetoNbd } from '../../src/clv';
import { seededUniform } from '../support/random';

interface Row {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly periods: number;
  readonly monetaryValue: number;
}
interface Weighted extends Row {
  readonly count: number;
}

/** The fit without `rows` (the number of input rows, which regrouping changes by design). */
const content = (fit: object): Record<string, unknown> => Object.fromEntries(Object.entries(fit).filter(([k]) => k !== 'rows'));

/** Customers at day resolution (many share a history), with a mean spend drawn from a few values. */
function customers(seed: number, model: 'bg-nbd' | 'pareto-nbd' | 'bg-bb'): Row[] {
  const u = seededUniform(seed + 17);
  const spend = (x: number) => (x === 0 ? 0 : 2.5 + 7.25 * Math.floor(u() * 12));
  if (model === 'bg-bb') {
    return simulateBgBb({ alpha: 1.2, beta: 0.8, gamma: 0.7, delta: 2.5 }, { customers: 200, periods: (i) => 4 + (i % 5), seed }).map((d) => ({
      frequency: d.frequency,
      recency: d.recency,
      T: 0,
      periods: d.periods,
      monetaryValue: spend(d.frequency),
    }));
  }
  const options = { customers: 200, seed, T: { min: 20, max: 39 }, resolution: 1 / 7 };
  const rows =
    model === 'bg-nbd' ? simulateBgNbd({ r: 0.5, alpha: 4, a: 0.8, b: 2.5 }, options) : simulateParetoNbd({ r: 0.6, alpha: 10, s: 0.6, beta: 12 }, options);
  return rows.map((d) => ({ ...d, periods: 0, monetaryValue: spend(d.frequency) }));
}

/** A seeded Fisher–Yates shuffle (a copy). */
function shuffle<T>(rows: readonly T[], seed: number): T[] {
  const u = seededUniform(seed);
  const out = rows.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The same customers as weighted rows: equal rows counted, every other group split in two rows, shuffled. */
function regroup(rows: readonly Row[], seed: number): Weighted[] {
  const groups = new Map<string, Weighted>();
  for (const d of rows) {
    const key = [d.frequency, d.recency, d.T, d.periods, d.monetaryValue].join('|');
    const g = groups.get(key);
    groups.set(key, { ...d, count: (g?.count ?? 0) + 1 });
  }
  const out: Weighted[] = [];
  let k = 0;
  for (const g of groups.values()) {
    if (g.count > 1 && k++ % 2 === 0) out.push({ ...g, count: 1 }, { ...g, count: g.count - 1 });
    else out.push(g);
  }
  return shuffle(out, seed + 1);
}

const byCount = { weight: (d: Weighted) => d.count };
const FITS = {
  'bg-nbd': [(rows: readonly Row[]) => fitBgNbd(rows), (rows: readonly Weighted[]) => fitBgNbd(rows, byCount)],
  'mbg-nbd': [(rows: readonly Row[]) => fitMbgNbd(rows), (rows: readonly Weighted[]) => fitMbgNbd(rows, byCount)],
  'pareto-nbd': [(rows: readonly Row[]) => fitParetoNbd(rows), (rows: readonly Weighted[]) => fitParetoNbd(rows, byCount)],
  'gamma-gamma': [(rows: readonly Row[]) => fitGammaGamma(rows), (rows: readonly Weighted[]) => fitGammaGamma(rows, byCount)],
  'bg-bb': [(rows: readonly Row[]) => fitBgBb(rows), (rows: readonly Weighted[]) => fitBgBb(rows, byCount)],
} as const;
const DATA = { 'bg-nbd': 'bg-nbd', 'mbg-nbd': 'bg-nbd', 'pareto-nbd': 'pareto-nbd', 'gamma-gamma': 'pareto-nbd', 'bg-bb': 'bg-bb' } as const;

describe('fits do not depend on the order or the grouping of the rows', () => {
  for (const [model, [plain, weighted]] of Object.entries(FITS) as [keyof typeof FITS, (typeof FITS)[keyof typeof FITS]][]) {
    test.prop([fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: 0, max: 2 ** 30 })], { numRuns: 3 })(
      `${model}: shuffled, and regrouped into weighted rows, bit for bit`,
      (dataSeed, orderSeed) => {
        const rows = customers(dataSeed, DATA[model]);
        const fit = content(plain(rows));
        expect(content(plain(shuffle(rows, orderSeed)))).toEqual(fit);
        const grouped = regroup(rows, orderSeed);
        expect(grouped.length).toBeLessThan(rows.length);
        expect(content(weighted(grouped))).toEqual(fit);
      },
    );
  }
});
