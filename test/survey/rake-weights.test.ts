import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ces, csat, nps, rakeWeights, surveyBreakdown, type RakeMargin } from '../../src/survey/index';
import type { SurveyResponse } from '../../src/models/index';
import { expectCxMetricsError } from '../support/error-code';

interface Case {
  name: string;
  columns: Record<string, string[]>;
  base: number[];
  margins: { name: string; categories: string[]; targets: number[] }[];
  weights: number[];
}
const reference = JSON.parse(readFileSync(new URL('./reference/rake-weights-reference.json', import.meta.url), 'utf8')) as { cases: Case[] };

type Row = { cells: Record<string, string>; base: number };
function setUp(c: Case) {
  const rows: Row[] = c.base.map((base, i) => ({ base, cells: Object.fromEntries(Object.entries(c.columns).map(([m, v]) => [m, v[i] as string])) }));
  const margins: RakeMargin<Row>[] = c.margins.map((m) => ({
    name: m.name,
    category: (r) => r.cells[m.name],
    targets: Object.fromEntries(m.categories.map((cat, j) => [cat, m.targets[j] as number])),
  }));
  return { rows, margins };
}

describe('rakeWeights known values (R survey::rake, test/survey/reference/rake_weights_reference.R)', () => {
  for (const c of reference.cases) {
    it(c.name, () => {
      const { rows, margins } = setUp(c);
      const result = rakeWeights(rows, margins, { weight: (r) => r.base, tolerance: 1e-13, maxIterations: 1000 });
      expect(result.converged).toBe(true);
      result.weights.forEach((w, i) => expect(Math.abs(w! - c.weights[i]!) / c.weights[i]!).toBeLessThan(1e-9));
      // Kish from the R weights, computed here.
      const sw = c.weights.reduce((s, w) => s + w, 0);
      const sww = c.weights.reduce((s, w) => s + w * w, 0);
      expect(result.effectiveSampleSize).toBeCloseTo((sw * sw) / sww, 8);
      expect(result.designEffect).toBeCloseTo((c.weights.length * sww) / (sw * sw), 10);
      expect(result.total).toBeCloseTo(sw, 6);
    });
  }

  it('reports each margin’s residual and the iterations', () => {
    const { rows, margins } = setUp(reference.cases[1]!);
    const loose = rakeWeights(rows, margins, { weight: (r) => r.base, maxIterations: 1 });
    expect(loose.iterations).toBe(1);
    expect(loose.converged).toBe(false);
    // The last margin raked is matched exactly; the others are not, and maxResidual is the worst of them.
    const last = loose.margins[2]!;
    expect(last.maxResidual).toBeLessThan(1e-12);
    expect(loose.maxResidual).toBe(Math.max(...loose.margins.map((m) => m.maxResidual)));
    for (const m of loose.margins) for (const c of m.categories) expect(c.residual).toBeCloseTo(c.achieved - c.target, 9);
  });

  it('weights feed nps, csat, ces and surveyBreakdown directly (null for skipped respondents)', () => {
    const rows = [
      { region: 'a', score: 9 },
      { region: 'a', score: 10 },
      { region: 'b', score: 3 },
      { region: null, score: 8 },
    ];
    const raked = rakeWeights(rows, [{ name: 'region', category: (r) => r.region, targets: { a: 0.5, b: 0.5 } }]);
    expect(raked.weights).toEqual([0.25, 0.25, 0.5, null]);
    expect(raked.skipped).toBe(1);
    const weighted = nps(rows, { accessor: (r) => r.score, weight: (_, i) => raked.weights[i] });
    expect(weighted.score).toBeCloseTo(0, 12); // half promoters, half detractors
    expect(weighted.skipped).toBe(1);
    const five = rows.map((r) => ({ ...r, score: Math.max(1, Math.round(r.score / 2)) }));
    expect(csat(five, { accessor: (r) => r.score, weight: (_, i) => raked.weights[i] }).share).toBeCloseTo(0.5, 12);
    expect(ces(five, { accessor: (r) => r.score, weight: (_, i) => raked.weights[i] }).mean).toBeCloseTo(0.5 * 5 + 0.5 * 2, 12);
    const responses: SurveyResponse[] = rows.map((r, i) => ({ type: 'survey', customerId: `c${i}`, at: 0, metric: 'nps', score: r.score, touchpoint: r.region ?? 'x' }));
    const weights = new Map<SurveyResponse, number | null | undefined>(responses.map((r, i) => [r, raked.weights[i]]));
    const breakdown = surveyBreakdown(responses, { metric: 'nps', weight: (r) => weights.get(r) ?? null });
    expect(breakdown.groups[0]!.score).toBeCloseTo(0, 12);
  });

  it('without respondents: no design effect, effective n 0', () => {
    const result = rakeWeights([], [{ name: 'r', category: (x: { r: string }) => x.r, targets: { a: 1 } }]);
    expect(result.designEffect).toBeUndefined();
    expect(result.maxResidual).toBeUndefined();
    expect(result.effectiveSampleSize).toBe(0);
    expect(result.weights).toEqual([]);
  });
});

describe('rakeWeights with trimming (independent numpy IPF, test/survey/reference/rake_trimmed_reference.py)', () => {
  const trimmed = JSON.parse(readFileSync(new URL('./reference/rake-trimmed-reference.json', import.meta.url), 'utf8')) as {
    columns: { region: string[]; plan: string[] };
    targets: { region: Record<string, number>; plan: Record<string, number> };
    cases: { lower: number; upper: number; converged: boolean; iterations: number; maxResidual: number; weights: number[]; atBound: number }[];
  };
  const rows = trimmed.columns.region.map((region, i) => ({ region, plan: trimmed.columns.plan[i] as string }));
  const margins = [
    { name: 'region', category: (r: (typeof rows)[number]) => r.region, targets: trimmed.targets.region },
    { name: 'plan', category: (r: (typeof rows)[number]) => r.plan, targets: trimmed.targets.plan },
  ];
  for (const c of trimmed.cases.filter((x) => x.converged)) {
    it(`bounds ${c.lower}–${c.upper} × mean: same weights, iterations and weights at a bound`, () => {
      const result = rakeWeights(rows, margins, { bounds: { lower: c.lower, upper: c.upper }, tolerance: 1e-13, maxIterations: 1000 });
      expect(result.converged).toBe(true);
      expect(result.iterations).toBe(c.iterations);
      expect(result.trimmed).toBe(c.atBound);
      result.weights.forEach((w, i) => expect(Math.abs(w! - c.weights[i]!) / c.weights[i]!).toBeLessThan(1e-9));
    });
  }
  it('bounds the margins cannot meet: converged false, with the residuals', () => {
    // With a floor of 0.3 × mean as well, the bounds and the margins cannot all hold on this
    // sample: the numpy IPF does not converge in 20,000 cycles either.
    const infeasible = trimmed.cases.find((x) => x.lower === 0.3)!;
    expect(infeasible.converged).toBe(false);
    expect(infeasible.maxResidual).toBeGreaterThan(1e-8);
    const result = rakeWeights(rows, margins, { bounds: { lower: 0.3, upper: 3 }, maxIterations: 300 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(300);
    expect(result.maxResidual!).toBeGreaterThan(1e-8);
  });
});

describe('rakeWeights bad input', () => {
  const rows = [
    { r: 'a', p: 'x' },
    { r: 'b', p: 'y' },
    { r: 'b', p: 'x' },
  ];
  type R = (typeof rows)[number];
  const region = { name: 'region', category: (d: R) => d.r, targets: { a: 40, b: 60 } };
  const plan = { name: 'plan', category: (d: R) => d.p, targets: { x: 70, y: 30 } };
  it('margins that do not sum to the same total', () => {
    expectCxMetricsError(() => rakeWeights(rows, [region, { ...plan, targets: { x: 0.7, y: 0.3 } }]), 'INCONSISTENT_INPUT', 'rakeWeights');
  });
  it('a margin category absent from the sample', () => {
    expectCxMetricsError(() => rakeWeights(rows, [{ ...region, targets: { a: 40, b: 50, c: 10 } }]), 'INCONSISTENT_INPUT', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights(rows, [region], { weight: (d) => (d.r === 'a' ? 0 : 1) }), 'INCONSISTENT_INPUT', 'rakeWeights');
  });
  it('a respondent category that is not among the targets', () => {
    expectCxMetricsError(() => rakeWeights([...rows, { r: 'z', p: 'x' }], [region]), 'UNKNOWN_REFERENCE', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights([...rows, { r: true as unknown as string, p: 'x' }], [region]), 'UNKNOWN_REFERENCE', 'rakeWeights');
  });
  it('bad targets, base weights and options', () => {
    expectCxMetricsError(() => rakeWeights(rows, [{ ...region, targets: { a: -1, b: 101 } }]), 'NEGATIVE_VALUE', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights(rows, [{ ...region, targets: { a: Number.NaN, b: 1 } }]), 'INVALID_NUMBER', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights(rows, [{ ...region, targets: { a: 0, b: 0 } }]), 'OUT_OF_RANGE', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights(rows, [region], { weight: () => -2 }), 'NEGATIVE_VALUE', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights(rows, [region], { weight: () => '1' as unknown as number }), 'INVALID_NUMBER', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights(rows, []), 'INVALID_OPTION', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights(rows, [{ ...region, category: 'r' as unknown as (d: R) => string }]), 'INVALID_OPTION', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights(rows, [region], { bounds: { upper: 0.9 } }), 'OUT_OF_RANGE', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights(rows, [region], { bounds: { lower: 1.2 } }), 'OUT_OF_RANGE', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights(rows, [region], { tolerance: 0 }), 'OUT_OF_RANGE', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights(rows, [region], { maxIterations: 0 }), 'OUT_OF_RANGE', 'rakeWeights');
    expectCxMetricsError(() => rakeWeights(rows, [region], { maxIterations: 2.5 }), 'NOT_AN_INTEGER', 'rakeWeights');
  });
});
