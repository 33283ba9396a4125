import { describe, expect, it } from 'vitest';
import { Float64Buffer } from '../../src/internal/float64-buffer';

describe('Float64Buffer', () => {
  it('grows and hands on a view of what was pushed', () => {
    const b = new Float64Buffer();
    expect(b.view().length).toBe(0);
    for (let i = 0; i < 40; i++) b.push(i / 2);
    expect(b.length).toBe(40);
    expect(Array.from(b.view())).toEqual(Array.from({ length: 40 }, (_, i) => i / 2));
  });
});
