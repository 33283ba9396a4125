// Direct unit tests of ScaleMeans (it serves journeySatisfaction): bit for bit the mean of csat / ces.
import { describe, expect, it } from 'vitest';
import { ScaleMeans } from '../../src/survey/scale-means';
import { Float64Buffer } from '../../src/internal/float64-buffer';
import { ces, csat } from '../../src/survey/index';

const buffer = (xs: number[]) => {
  const b = new Float64Buffer();
  for (const x of xs) b.push(x);
  return b;
};

describe('ScaleMeans', () => {
  it('equals csat(scores, { scale }).mean and ces(scores).mean, reusing its bins across groups', () => {
    const csatMeans = new ScaleMeans('csat');
    expect(csatMeans.mean(buffer([5, 4, 4, 1]), undefined)).toBe(csat([5, 4, 4, 1]).mean);
    expect(csatMeans.mean(buffer([10, 7]), { min: 1, max: 10 })).toBe(csat([10, 7], { scale: { min: 1, max: 10 } }).mean);
    expect(csatMeans.mean(buffer([2]), undefined)).toBe(csat([2]).mean);
    const cesMeans = new ScaleMeans('ces');
    expect(cesMeans.mean(buffer([7, 6, 1]), undefined)).toBe(ces([7, 6, 1]).mean);
  });
  it('no scores: undefined; a score off the scale throws as the public function would', () => {
    expect(new ScaleMeans('ces').mean(buffer([]), undefined)).toBeUndefined();
    expect(() => new ScaleMeans('csat').mean(buffer([6]), undefined)).toThrow(/^csat: /);
  });
});
