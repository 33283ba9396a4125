import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { adjustPValues } from '../../src/internal/multiple-comparisons';
import { shuffle } from '../survey/helpers';

const pValues = fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.05, 0.01)), { minLength: 1, maxLength: 40 });
const method = fc.constantFrom('holm' as const, 'benjamini-hochberg' as const);

describe('adjustPValues properties', () => {
  test.prop([pValues, method])('adjusted p in [raw, 1], monotone in raw p, order invariant', (p, m) => {
    const adjusted = adjustPValues(p, m);
    p.forEach((raw, i) => {
      expect(adjusted[i]).toBeGreaterThanOrEqual(raw);
      expect(adjusted[i]).toBeLessThanOrEqual(1);
    });
    for (let i = 0; i < p.length; i++) {
      for (let j = 0; j < p.length; j++) if (p[i]! <= p[j]!) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]!);
    }
    const order = shuffle(p.map((_, i) => i), p.length * 7919 + 1);
    const permuted = adjustPValues(order.map((i) => p[i]!), m);
    order.forEach((i, k) => expect(permuted[k]).toBe(adjusted[i]));
  });
  test.prop([pValues])('Benjamini–Hochberg never exceeds Holm; Holm never exceeds Bonferroni', (p) => {
    const holm = adjustPValues(p, 'holm');
    const bh = adjustPValues(p, 'benjamini-hochberg');
    p.forEach((raw, i) => {
      expect(bh[i]).toBeLessThanOrEqual(holm[i]! + 1e-15);
      expect(holm[i]).toBeLessThanOrEqual(Math.min(1, p.length * raw) + 1e-15);
    });
  });
});
