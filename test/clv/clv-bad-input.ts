/**
 * The bad customers every per-customer CLV function must reject (tests only): each with the
 * error code it must raise. One list, so the BG/NBD predictions and predictClv are held to the
 * same policy.
 */

/** [what is wrong, the customer's (x, tₓ, T), the expected code]. */
export const BAD_CUSTOMERS: readonly [string, { frequency: unknown; recency: unknown; T: unknown }, string][] = [
  ['negative frequency', { frequency: -1, recency: 0, T: 5 }, 'NEGATIVE_VALUE'],
  ['fractional frequency', { frequency: 1.5, recency: 2, T: 5 }, 'NOT_AN_INTEGER'],
  ['NaN frequency', { frequency: Number.NaN, recency: 2, T: 5 }, 'INVALID_NUMBER'],
  ['frequency as a string', { frequency: '2', recency: 2, T: 5 }, 'INVALID_NUMBER'],
  ['recency > T', { frequency: 2, recency: 6, T: 5 }, 'ORDER_VIOLATION'],
  ['negative recency', { frequency: 2, recency: -1, T: 5 }, 'NEGATIVE_VALUE'],
  ['NaN recency', { frequency: 2, recency: Number.NaN, T: 5 }, 'INVALID_NUMBER'],
  ['recency as a string', { frequency: 2, recency: '2', T: 5 }, 'INVALID_NUMBER'],
  ['negative T', { frequency: 0, recency: 0, T: -5 }, 'NEGATIVE_VALUE'],
  ['infinite T', { frequency: 0, recency: 0, T: Number.POSITIVE_INFINITY }, 'INVALID_NUMBER'],
  ['a recency without a repeat purchase', { frequency: 0, recency: 3, T: 5 }, 'INCONSISTENT_INPUT'],
];

/** Parameter sets of the BG/NBD model that every prediction must reject. */
export const BAD_BG_NBD_PARAMS: readonly [string, unknown, string][] = [
  ['r = 0', { r: 0, alpha: 4.414, a: 0.793, b: 2.426 }, 'OUT_OF_RANGE'],
  ['NaN alpha', { r: 0.243, alpha: Number.NaN, a: 0.793, b: 2.426 }, 'INVALID_NUMBER'],
  ['negative a', { r: 0.243, alpha: 4.414, a: -0.793, b: 2.426 }, 'OUT_OF_RANGE'],
  ['b missing', { r: 0.243, alpha: 4.414, a: 0.793 }, 'INVALID_NUMBER'],
  ['b as a string', { r: 0.243, alpha: 4.414, a: 0.793, b: '2.426' }, 'INVALID_NUMBER'],
  ['no parameters at all', undefined, 'INVALID_NUMBER'],
];
