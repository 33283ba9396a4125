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
  test.prop([pValues, method])('equals the textbook definition computed the slow way (every j, no running max or min)', (p, m) => {
    // Holm: p̃₍ᵢ₎ = max_{j≤i} min(1, (m − j + 1) p₍ⱼ₎); BH: p̃₍ᵢ₎ = min_{j≥i} min(1, m/j · p₍ⱼ₎), ranks 1-based.
    const sorted = p.slice().sort((a, b) => a - b);
    const n = p.length;
    const slow = p.map((raw) => {
      const i = sorted.lastIndexOf(raw) + 1; // tied values share the adjusted value of the last of the tie
      if (m === 'holm') {
        const first = sorted.indexOf(raw) + 1;
        let v = 0;
        for (let j = 1; j <= first; j++) v = Math.max(v, Math.min(1, (n - j + 1) * sorted[j - 1]!));
        return v;
      }
      let v = 1;
      for (let j = i; j <= n; j++) v = Math.min(v, Math.min(1, (n / j) * sorted[j - 1]!));
      return v;
    });
    adjustPValues(p, m).forEach((x, k) => expect(Math.abs(x - slow[k]!)).toBeLessThanOrEqual(1e-15));
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
