import { describe, expect, it } from 'vitest';
import { DRIVER_RESAMPLES, keyDriversSection } from '../../../src/cli/sections/key-drivers';
import { answer, day, reportInput } from './report-input';

describe('keyDriversSection', () => {
  it('orthogonal ratings and an exact linear score: R² = 1 and shares in proportion to each rating’s variance part (known values)', () => {
    // Every (speed 1–5, friendliness 1–3) pair three times, so the ratings are uncorrelated;
    // score = 2 (speed − 1) + (friendliness − 1) ∈ 0…10. Parts of R²: 4 · Var(speed) = 8 and
    // 1 · Var(friendliness) = 2/3, so the shares are 12/13 and 1/13.
    const interactions = Array.from({ length: 45 }, (_, k) => {
      const speed = (k % 5) + 1;
      const friendliness = (Math.floor(k / 5) % 3) + 1;
      return answer(String(k), 'nps', 2 * (speed - 1) + (friendliness - 1), day(2020, 1, 1), { ratings: { speed, friendliness } });
    });
    interactions.push(answer('missing', 'nps', 5, day(2020, 1, 1), { ratings: { speed: 3 } }));
    const s = keyDriversSection(reportInput({ interactions }));
    expect(s?.id).toBe('keyDrivers');
    const data = s?.data as { respondents: number; skipped: number; rSquared: number; drivers: { driver: string; rank: number; share: number; lower: number; upper: number }[] };
    expect(data.respondents).toBe(45);
    expect(data.skipped).toBe(1);
    expect(data.rSquared).toBeCloseTo(1, 10);
    expect(data.drivers.map((d) => [d.driver, d.rank])).toEqual([
      ['speed', 1],
      ['friendliness', 2],
    ]);
    expect(data.drivers[0]?.share).toBeCloseTo(12 / 13, 10);
    expect(data.drivers[1]?.share).toBeCloseTo(1 / 13, 10);
    expect(data.drivers.reduce((t, d) => t + d.share, 0)).toBeCloseTo(1, 12);
    for (const d of data.drivers) expect(d.lower).toBeLessThanOrEqual(d.upper);
    expect(s?.lines[0]).toBe('NPS (0–10) on 2 attribute ratings (1–5) from 45 complete answers (1 with a rating missing left out).');
    expect(DRIVER_RESAMPLES).toBe(500);
  });

  it('no ratings with the NPS answers: no section', () => {
    expect(keyDriversSection(reportInput({ interactions: [answer('a', 'nps', 9, day(2020, 1, 1))] }))).toBeUndefined();
    expect(keyDriversSection(reportInput({ interactions: [answer('a', 'csat', 5, day(2020, 1, 1), { ratings: { speed: 3 } })] }))).toBeUndefined();
  });
});
