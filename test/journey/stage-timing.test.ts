import { describe, expect, it } from 'vitest';
import { stageTiming } from '../../src/journey';
import { CxMetricsError } from '../../src/internal/errors';
import { UNIT_MILLISECONDS } from '../../src/models';
import { kaplanMeier } from '../../src/retention';
import { DAY, journey } from './fixtures';

const stages = ['visit', 'cart', 'buy'];

describe('stageTiming', () => {
  // Hand-built: a visit→cart→buy (days 0, 1, 3), b (0, 3, 4), c visit→cart (0, 2), d visit only, e visit→buy (0, 5).
  const data = [
    journey('a', [['visit', 0], ['cart', 1], ['buy', 3]]),
    journey('b', [['visit', 0], ['cart', 3], ['buy', 4]]),
    journey('c', [['visit', 0], ['cart', 2]]),
    journey('d', [['visit', 0]]),
    journey('e', [['visit', 0], ['buy', 5]]),
  ];

  it('times each stage until the next stage reached, censoring journeys still in it', () => {
    const t = stageTiming(data, { stages, unit: 'day', percentiles: [0.9], asOf: 10 * DAY });
    expect(t.journeys).toBe(5);
    const visit = t.steps[0]!;
    // in visit: 1, 3, 2, 5 (e skipped cart: its time in visit runs to buy); d censored after 10 days
    expect(visit.inStage).toMatchObject({ count: 4, mean: 2.75, median: 2.5, min: 1, max: 5, censored: 1, censoredMedianElapsed: 10 });
    // type 7 at 0.9 of [1, 2, 3, 5]: h = 2.7 → 3 + 0.7 × 2 = 4.4
    expect(visit.inStage.percentiles[0]!.value).toBeCloseTo(4.4, 12);
    // visit → buy: 3, 4, 5; c and d censored, 10 days elapsed each
    expect(visit.toFinal).toMatchObject({ count: 3, mean: 4, median: 4, censored: 2, censoredMedianElapsed: 10 });
    const cart = t.steps[1]!;
    expect(cart.inStage).toMatchObject({ count: 2, median: 1.5, censored: 1, censoredMedianElapsed: 8 });
    expect(cart.toFinal).toMatchObject({ count: 2, median: 1.5, censored: 1 });
    expect(t.steps).toHaveLength(2);
  });

  it('gives the Kaplan–Meier median with asOf, counting waiting journeys as censored', () => {
    const t = stageTiming(data, { stages, unit: 'day', asOf: 10 * DAY });
    // visit: events at 1, 2, 3, 5 and one censored at 10. By hand: Ŝ(1) = 4/5, Ŝ(2) = 3/5,
    // Ŝ(3) = 2/5 ≤ 0.5 → median 3, above the completed-only median 2.5.
    expect(t.steps[0]!.inStage.median).toBe(2.5);
    expect(t.steps[0]!.inStage.kaplanMeierMedian).toBe(3);
    // cart: events at 1, 2 and one censored at 8: Ŝ(1) = 2/3, Ŝ(2) = 1/3 → median 2.
    expect(t.steps[1]!.inStage.kaplanMeierMedian).toBe(2);
    // visit → buy: events 3, 4, 5; censored 10 and 10. Ŝ(3) = 4/5, Ŝ(4) = 3/5, Ŝ(5) = 2/5 → 5.
    expect(t.steps[0]!.toFinal.kaplanMeierMedian).toBe(5);
    // Most journeys still waiting: the curve never reaches one half.
    const waiting = stageTiming([journey('x', [['visit', 0], ['cart', 1]]), journey('y', [['visit', 0]]), journey('z', [['visit', 0]])], { stages, unit: 'day', asOf: 10 * DAY });
    expect(waiting.steps[0]!.inStage.kaplanMeierMedian).toBeUndefined();
    expect(stageTiming(data, { stages, unit: 'day' }).steps[0]!.inStage.kaplanMeierMedian).toBeUndefined();
  });

  it('reports in the unit asked', () => {
    const t = stageTiming(data, { stages, unit: 'hour' });
    expect(t.steps[0]!.inStage.median).toBe(60);
    expect(t.steps[0]!.inStage.censoredMedianElapsed).toBeUndefined();
    expect(t.unit).toBe('hour');
    const w = stageTiming(data, { stages, unit: 'week' });
    expect(w.steps[0]!.inStage.mean).toBeCloseTo(2.75 / 7, 14);
  });

  it('gives undefined statistics with nothing observed, and skips null entries', () => {
    const t = stageTiming([null, undefined, journey('d', [['visit', 0]])], { stages, unit: 'day' });
    expect(t.skipped).toBe(2);
    expect(t.steps[0]!.inStage).toMatchObject({ count: 0, mean: undefined, median: undefined, min: undefined, censored: 1 });
    expect(t.steps[0]!.inStage.percentiles.map((p) => p.value)).toEqual([undefined, undefined, undefined]);
    expect(stageTiming([], { stages, unit: 'day' }).journeys).toBe(0);
  });

  it('accepts any iterable and does not mutate its input', () => {
    const copy = JSON.stringify(data);
    const fromSet = stageTiming(new Set(data), { stages, unit: 'day' });
    expect(fromSet).toEqual(stageTiming(data, { stages, unit: 'day' }));
    expect(JSON.stringify(data)).toBe(copy);
    expect(Object.isFrozen(fromSet.steps[0]!.inStage)).toBe(true);
  });

  it.each<[string, () => unknown, string]>([
    ['unit missing', () => stageTiming(data, { stages } as never), 'INVALID_OPTION'],
    ['unknown unit', () => stageTiming(data, { stages, unit: 'fortnight' as never }), 'INVALID_OPTION'],
    ['empty stage list', () => stageTiming(data, { stages: [], unit: 'day' }), 'INVALID_OPTION'],
    ['repeated stage', () => stageTiming(data, { stages: ['visit', 'visit'], unit: 'day' }), 'INVALID_OPTION'],
    ['percentile > 1', () => stageTiming(data, { stages, unit: 'day', percentiles: [90] }), 'OUT_OF_RANGE'],
    ['NaN percentile', () => stageTiming(data, { stages, unit: 'day', percentiles: [Number.NaN] }), 'INVALID_NUMBER'],
    ['invalid asOf', () => stageTiming(data, { stages, unit: 'day', asOf: new Date('x') }), 'INVALID_DATE'],
    ['asOf before an entry', () => stageTiming(data, { stages, unit: 'day', asOf: 2 * DAY }), 'ORDER_VIOLATION'],
    ['unknown stage', () => stageTiming([journey('x', [['visit', 0], ['checkout', 1]])], { stages, unit: 'day' }), 'UNKNOWN_REFERENCE'],
    ['stages out of order', () => stageTiming([journey('x', [['cart', 0], ['visit', 1]])], { stages, unit: 'day' }), 'ORDER_VIOLATION'],
    ['negative duration', () => stageTiming([journey('x', [['visit', 5], ['cart', 1]])], { stages, unit: 'day' }), 'ORDER_VIOLATION'],
    ['empty journey', () => stageTiming([{ customerId: 'x', stages: [] }], { stages, unit: 'day' }), 'INVALID_RECORD'],
    [
      'another customer inside',
      () => stageTiming([journey('x', [['visit', 0, [{ customerId: 'y' }]]])], { stages, unit: 'day' }),
      'UNKNOWN_REFERENCE',
    ],
    [
      'invalid entry date',
      () => stageTiming([{ customerId: 'x', stages: [{ name: 'visit', enteredAt: Number.NaN, interactions: [] }] }], { stages, unit: 'day' }),
      'INVALID_DATE',
    ],
    ['not a journey', () => stageTiming(['visit' as never], { stages, unit: 'day' }), 'INVALID_RECORD'],
    ['an interaction of no known type', () => stageTiming([journey('x', [['visit', 0, [{ type: 'click' as never }]]])], { stages, unit: 'day' }), 'INVALID_RECORD'],
  ])('rejects %s', (_name, run, code) => {
    expect(run).toThrow(CxMetricsError);
    try {
      run();
    } catch (error) {
      expect((error as CxMetricsError).code).toBe(code);
      expect((error as CxMetricsError).message).toMatch(/^stageTiming: /);
    }
  });

  it('names the stage entered after asOf, with the value as given', () => {
    const late = journey('x', [['visit', 0], ['cart', 12]]);
    try {
      stageTiming([data[0]!, late], { stages, unit: 'day', asOf: 10 * DAY });
    } catch (error) {
      expect((error as CxMetricsError).details).toMatchObject({ index: 1, field: 'stages[1].enteredAt', value: 12 * DAY });
    }
    expect.assertions(1);
  });

  it('names the journey and the stage in the error', () => {
    try {
      stageTiming([journey('a', [['visit', 0]]), journey('x', [['visit', 0], ['checkout', 1]])], { stages, unit: 'day' });
    } catch (error) {
      expect((error as CxMetricsError).details).toMatchObject({ function: 'stageTiming', index: 1, field: 'stages[1].name', value: 'checkout' });
      expect((error as CxMetricsError).message).toContain('index 1');
    }
    expect.assertions(2);
  });
});

describe('stageTiming units and median rule', () => {
  const two = (ms: number) => ({ customerId: 'c', stages: [{ name: 'a', enteredAt: 0, interactions: [] }, { name: 'b', enteredAt: ms, interactions: [] }] });

  it('converts durations with UNIT_MILLISECONDS (one mean-Gregorian month)', () => {
    const month = UNIT_MILLISECONDS.month;
    expect(stageTiming([two(month)], { stages: ['a', 'b'], unit: 'month' }).steps[0]!.inStage.median).toBe(1);
    expect(stageTiming([two(month)], { stages: ['a', 'b'], unit: 'day' }).steps[0]!.inStage.median).toBe(30.436875);
    expect(stageTiming([two(90 * 60_000)], { stages: ['a', 'b'], unit: 'hour' }).steps[0]!.inStage.median).toBe(1.5);
  });

  it('takes the midpoint where the Kaplan–Meier curve is exactly 0.5, as kaplanMeier (R survfit)', () => {
    // Durations 1, 2, 3 and 4 days and one journey still waiting after 10 days: n = 5,
    // Ŝ(1) = 4/5, Ŝ(2) = 3/5, Ŝ(3) = 2/5 ≤ 0.5 → 3. Without the waiting one, n = 4:
    // Ŝ(2) = 1/2 exactly → the midpoint of 2 and 3 = 2.5.
    const one = (days: number) => two(days * DAY);
    const waiting = { customerId: 'w', stages: [{ name: 'a', enteredAt: 0, interactions: [] }] };
    const censored = stageTiming([one(1), one(2), one(3), one(4), waiting], { stages: ['a', 'b'], unit: 'day', asOf: 10 * DAY });
    expect(censored.steps[0]!.inStage.kaplanMeierMedian).toBe(3);
    const exact = stageTiming([one(1), one(2), one(3), one(4)], { stages: ['a', 'b'], unit: 'day', asOf: 10 * DAY });
    expect(exact.steps[0]!.inStage.kaplanMeierMedian).toBe(2.5);
    const km = kaplanMeier([1, 2, 3, 4], { duration: (d) => d, churned: () => true });
    expect(km.median).toBe(2.5);
  });
});
