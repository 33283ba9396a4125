import { describe, expect, it } from 'vitest';
import { bgNbd } from '../../src/clv/bg-nbd/bg-nbd';
import { bgNbdConditionalExpectedPurchases } from '../../src/clv/bg-nbd/bg-nbd-conditional-expected-purchases';
import { bgNbdProbabilityAlive } from '../../src/clv/bg-nbd/bg-nbd-probability-alive';
import { gateKernel } from '../../src/clv/gate-kernel';
import { CxMetricsError } from '../../src/internal/errors';
import { thrownBy } from '../support/error-code';

const PARAMS = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // CDNOW, weeks
const CUSTOMER = { frequency: 2, recency: 30.43, T: 38.86 };

describe('gateKernel', () => {
  it('passes valid numbers through unchanged: the same figures as the public predictions', () => {
    const k = bgNbd.kernel('caller', PARAMS);
    const alive = k.probabilityAlive(2, 30.43, 38.86);
    expect(alive).toBe(bgNbdProbabilityAlive(PARAMS, CUSTOMER));
    expect(alive).toBeCloseTo(0.7266, 4); // Fader, Hardie & Lee (2005) example, as in bgNbd's doc
    expect(alive * k.expectedIfAlive(2, 38.86, 39)).toBeCloseTo(bgNbdConditionalExpectedPurchases(PARAMS, CUSTOMER, 39), 12);
  });

  it('refuses a caller name that is not a non-empty string, naming the descriptor method', () => {
    for (const fn of [undefined, null, '', 5, Symbol('s'), {}]) {
      const error = thrownBy(() => gateKernel('m.kernel', fn, () => bgNbd.kernel('x', PARAMS)));
      expect(error).toBeInstanceOf(CxMetricsError);
      expect((error as CxMetricsError).code).toBe('INVALID_INPUT');
      expect((error as CxMetricsError).message).toMatch(/^m\.kernel: fn .* is not the name of the calling function/);
    }
  });

  it('checks each plain number, naming the caller', () => {
    const k = bgNbd.kernel('caller', PARAMS);
    const cases: [() => unknown, string][] = [
      [() => k.probabilityAlive(Number.NaN, 1, 2), 'INVALID_NUMBER'],
      [() => k.probabilityAlive(1.5, 1, 2), 'NOT_AN_INTEGER'],
      [() => k.probabilityAlive(1, -1, 2), 'NEGATIVE_VALUE'],
      [() => k.probabilityAlive(1, 3, 2), 'ORDER_VIOLATION'],
      [() => k.probabilityAlive(0, 1, 2), 'INCONSISTENT_INPUT'],
      [() => k.expectedIfAlive(1, Number.POSITIVE_INFINITY, 2), 'INVALID_NUMBER'],
      [() => k.expectedIfAlive(1, 2, -1), 'NEGATIVE_VALUE'],
      [() => k.expectedIfAlive(1, 2, '3' as unknown as number), 'INVALID_NUMBER'],
    ];
    for (const [run, code] of cases) {
      const error = thrownBy(run);
      expect(error).toBeInstanceOf(CxMetricsError);
      expect({ code: (error as CxMetricsError).code, caller: (error as CxMetricsError).message.startsWith('caller: ') }).toEqual({ code, caller: true });
    }
  });
});
