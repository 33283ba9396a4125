import { describe, expect, it } from 'vitest';
import { classifyNps } from '../../src/survey/index';
import { BAD_NPS_SCORES, expectRejected } from './helpers';

describe('classifyNps', () => {
  it('uses the Net Promoter cut-offs 0–6, 7–8, 9–10 (Reichheld 2003)', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => classifyNps(s))).toEqual([
      ...Array(7).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });
  it.each([...BAD_NPS_SCORES, [null, 'INVALID_NUMBER'] as const, [undefined, 'INVALID_NUMBER'] as const])(
    'rejects %o with %s, naming the value',
    (value, code) => {
      expectRejected(() => classifyNps(value as number), code, 'classifyNps', value);
    },
  );
});
