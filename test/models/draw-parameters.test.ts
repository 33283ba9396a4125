import { describe, expect, it } from 'vitest';
import { bgNbd, fitBgNbd, paretoNbd, simulateBgNbd } from '../../src/clv';
import { drawParameters } from '../../src/models/draw-parameters';
import { errorCode } from '../support/error-code';

const fit = fitBgNbd(simulateBgNbd({ r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, { customers: 2_000, T: { min: 20, max: 40 }, seed: 4 }));

describe('drawParameters', () => {
  it('reproduces the log-parameter covariance and centre (20,000 draws, within sampling error)', () => {
    const draws = drawParameters(bgNbd, fit, { draws: 20_000, seed: 3 });
    const names = bgNbd.parameterNames;
    const logs = names.map((name) => draws.map((d) => Math.log(d[name])));
    const means = logs.map((xs) => xs.reduce((s, v) => s + v, 0) / xs.length);
    const cov = fit.logParameterCovariance as readonly (readonly number[])[];
    names.forEach((name, i) => {
      const sd = Math.sqrt(cov[i]![i]!);
      expect(Math.abs(means[i]! - Math.log(fit[name]))).toBeLessThan((5 * sd) / Math.sqrt(draws.length));
      for (let j = 0; j <= i; j++) {
        let c = 0;
        for (let k = 0; k < draws.length; k++) c += (logs[i]![k]! - means[i]!) * (logs[j]![k]! - means[j]!);
        c /= draws.length - 1;
        // Sampling SE of a covariance: √((σᵢᵢσⱼⱼ + σᵢⱼ²)/n).
        const se = Math.sqrt((cov[i]![i]! * cov[j]![j]! + cov[i]![j]! ** 2) / draws.length);
        expect(Math.abs(c - cov[i]![j]!)).toBeLessThan(5 * se);
      }
    });
  });

  it('is deterministic for a seed, differs across seeds, returns frozen plain parameters', () => {
    const a = drawParameters(bgNbd, fit, { draws: 5, seed: 9 });
    expect(drawParameters(bgNbd, fit, { draws: 5, seed: 9 })).toEqual(a);
    expect(drawParameters(bgNbd, fit, { draws: 5, seed: 10 })).not.toEqual(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a[0])).toBe(true);
    expect(Object.keys(a[0]!)).toEqual(['r', 'alpha', 'a', 'b']);
    expect(drawParameters(bgNbd, fit)).toHaveLength(200);
  });

  it('refuses bad input', () => {
    expect(errorCode(() => drawParameters(paretoNbd as never, fit as never))).toBe('INCONSISTENT_INPUT');
    expect(errorCode(() => drawParameters(bgNbd, { ...fit, logParameterCovariance: undefined }))).toBe('INCONSISTENT_INPUT');
    expect(errorCode(() => drawParameters(null as never, fit))).toBe('INVALID_INPUT');
    expect(errorCode(() => drawParameters(bgNbd, fit, { draws: 0 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => drawParameters(bgNbd, fit, { draws: 100_001 }))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => drawParameters(bgNbd, fit, { draws: 1.5 }))).toBe('NOT_AN_INTEGER');
    expect(errorCode(() => drawParameters(bgNbd, fit, { seed: -1 }))).toBe('NEGATIVE_VALUE');
    expect(errorCode(() => drawParameters(bgNbd, fit, { drwas: 5 } as never))).toBe('INVALID_OPTION');
    const huge = fit.logParameterCovariance!.map((row, i) => row.map((v, j) => (i === j ? 1e6 : 0)));
    expect(errorCode(() => drawParameters(bgNbd, { ...fit, logParameterCovariance: huge }, { draws: 50 }))).toBe('OUT_OF_RANGE');
  });
});
