import { describe, expectTypeOf, it } from 'vitest';
import { rfmSegments, type RfmSegmentsResult } from '../../src/journey';

const rows = [{ recency: 3, frequency: 2, monetaryValue: 40, T: 10 }];
const other = [{ r: 3, f: 2, m: 40, age: 10 }];

describe('rfmSegments types', () => {
  it('reads documented rows without accessors, other rows only through them', () => {
    expectTypeOf(rfmSegments(rows, { recencyMeaning: 'since-last-purchase' })).toEqualTypeOf<RfmSegmentsResult>();
    rfmSegments(rows, { recencyMeaning: 'first-to-last-purchase' });
    rfmSegments(other, { recencyMeaning: 'since-last-purchase', recency: (d) => d.r, frequency: (d) => d.f, monetary: (d) => d.m });
    rfmSegments(other, { recencyMeaning: 'first-to-last-purchase', recency: (d) => d.r, frequency: (d) => d.f, monetary: (d) => d.m, T: (d) => d.age });
    // @ts-expect-error another row type needs its accessors
    rfmSegments(other, { recencyMeaning: 'since-last-purchase' });
    // @ts-expect-error first-to-last-purchase on another row type needs T
    rfmSegments(other, { recencyMeaning: 'first-to-last-purchase', recency: (d) => d.r, frequency: (d) => d.f, monetary: (d) => d.m });
    // @ts-expect-error recencyMeaning is required
    rfmSegments(rows, {});
    // @ts-expect-error numbers, not strings
    rfmSegments([{ recency: '3', frequency: 2, monetaryValue: 40 }], { recencyMeaning: 'since-last-purchase' });
  });
});
