/**
 * The assertions behind `// =>` in documentation examples (see doc-examples.ts).
 */
import { CxMetricsError } from '../../src/internal/errors';

function decimalsOf(x: number): number {
  const text = String(x);
  if (text.includes('e')) return -1;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Why `actual` does not match `expected`, or undefined when it does. */
export function mismatch(actual: unknown, expected: unknown, path = 'value'): string | undefined {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${path}: expected a number ${expected}, got ${String(actual)}`;
    const decimals = decimalsOf(expected);
    const ok =
      decimals <= 0
        ? Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected))
        : Math.abs(actual - expected) <= 0.5 * 10 ** -decimals * (1 + 1e-9);
    return ok ? undefined : `${path}: expected ${expected}, got ${actual}`;
  }
  if (expected instanceof Date) {
    return actual instanceof Date && actual.getTime() === expected.getTime()
      ? undefined
      : `${path}: expected ${expected.toISOString()}, got ${String(actual)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${String(actual)}`;
    if (actual.length !== expected.length) return `${path}: expected ${expected.length} elements, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(actual[i], expected[i], `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path}: expected an object, got ${String(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const m = mismatch((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
      if (m) return m;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : `${path}: expected ${String(expected)}, got ${String(actual)}`;
}

export function __check(run: () => unknown, expected: unknown, written: string, where: string): void {
  const problem = mismatch(run(), expected);
  if (problem) throw new Error(`${where}: \`// => ${written}\` does not hold: ${problem}`);
}

export function __checkThrows(run: () => unknown, code: string, where: string): void {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError && error.code === code) return;
    throw new Error(`${where}: expected a CxMetricsError ${code}, got ${String(error)}`);
  }
  throw new Error(`${where}: expected a CxMetricsError ${code}, but nothing was thrown`);
}
