/** Comparing summaries read back from an engine with the library's own (tests only). */
import { expect } from 'vitest';
import type { TransactionSummaryRow } from '../../src/clv';

/**
 * The engine's rows equal the library's row for row: the same customers, every count and
 * duration bit for bit (both compute one exact product and one division), the money within
 * `moneyTolerance` relative (the engine sums in its own order; the library compensates).
 */
export function expectSameSummary(
  engine: readonly Record<string, unknown>[],
  library: readonly TransactionSummaryRow[],
  moneyTolerance = 1e-13,
): void {
  expect(engine.length).toBe(library.length);
  const byId = new Map(engine.map((r) => [r['customerId'], r]));
  const mismatches: string[] = [];
  for (const row of library) {
    const other = byId.get(row.customerId);
    if (other === undefined) {
      mismatches.push(`customer ${row.customerId} missing`);
      continue;
    }
    for (const [key, value] of Object.entries(row)) {
      const got = other[key];
      if (key === 'monetaryValue' || key === 'holdoutMonetaryValue') {
        if (typeof got !== 'number' || Math.abs(got - (value as number)) > moneyTolerance * Math.abs(value as number)) {
          mismatches.push(`${row.customerId}.${key}: ${String(got)} ≠ ${String(value)}`);
        }
      } else if (got !== value) mismatches.push(`${row.customerId}.${key}: ${String(got)} ≠ ${String(value)}`);
    }
    if (Object.keys(other).length !== Object.keys(row).length) mismatches.push(`${row.customerId}: columns ${Object.keys(other).join(',')}`);
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
}

/** A seeded generator (mulberry32) for reproducible test data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
