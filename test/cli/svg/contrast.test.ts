import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance, readableOn } from '../../../src/cli/svg/contrast';

describe('WCAG contrast', () => {
  it('known values: black on white 21, white on white 1, #767676 on white 4.54', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#FFFFFF')).toBeCloseTo(4.54, 2);
    expect(luminance('#ffffff')).toBeCloseTo(1, 12);
  });

  it('is symmetric and picks the more readable text colour', () => {
    expect(contrastRatio('#084594', '#ffffff')).toBe(contrastRatio('#ffffff', '#084594'));
    expect(readableOn('#084594')).toBe('#ffffff');
    expect(readableOn('#eff6ff')).toBe('#222222');
    expect(() => luminance('navy')).toThrow('not a #rrggbb colour');
  });
});
