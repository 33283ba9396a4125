import type { Interval } from '../models/interval';
import { wilsonInterval } from '../internal/wilson';

/** Wilson score interval of `successes / n` as a frozen plain object; `undefined` when `n` is 0. */
export function rateInterval(successes: number, n: number, level: number): Interval | undefined {
  if (n === 0) return undefined;
  const { lower, upper } = wilsonInterval(successes, n, level);
  return Object.freeze({ lower, upper });
}
