/** The documentation-example runner must be able to fail: check its matcher and rewriting. */
import { describe, expect, it } from 'vitest';
import { mismatch } from '../support/doc-check';
import { toTestModule } from '../support/doc-examples';

describe('// => matching', () => {
  it.each<[unknown, unknown, boolean]>([
    [0.70412, 0.704, true],
    [0.7046, 0.704, false],
    [25, 25, true],
    [25.4, 25, false],
    [30.0000000001, 30, true],
    [undefined, undefined, true],
    [0, undefined, false],
    ['promoter', 'promoter', true],
    ['passive', 'promoter', false],
    [{ a: 1, b: 2 }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [[1, 2], [1, 2], true],
    [[1, 2, 3], [1, 2], false],
    [new Date(5), new Date(5), true],
  ])('%o against %o → %s', (actual, expected, ok) => {
    expect(mismatch(actual, expected) === undefined).toBe(ok);
  });
});

describe('example rewriting', () => {
  it('turns // => lines into checks and keeps the rest', () => {
    const module = toTestModule(
      {
        name: 'x',
        code: "import { f } from 'cx-metrics';\nconst y = f({\n  a: 1,\n});\ny.score; // => 30\nf(11); // => throws OUT_OF_RANGE\n",
      },
      '/check.ts',
    );
    expect(module).toContain("const y = f({\n  a: 1,\n});");
    expect(module).toContain('__check(() => (y.score), (30), "30"');
    expect(module).toContain("__checkThrows(() => { f(11); }, \"OUT_OF_RANGE\"");
  });

  it('treats a multi-line expression before // => as one statement', () => {
    const module = toTestModule({ name: 'x', code: 'g(\n  1,\n  2,\n); // => 3\n' }, '/check.ts');
    expect(module).toContain('__check(() => (g(\n  1,\n  2,\n)), (3)');
  });
});
