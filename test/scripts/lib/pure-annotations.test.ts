import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { annotatePure } from '../../../scripts/lib/pure-annotations';

const P = '(/* @__PURE__ */ ';

/** What esbuild keeps of a module when nothing imports any of its exports (tree shaking on). */
function kept(code: string): string {
  return transformSync(annotatePure(code, 'x.ts').replace(/export /g, ''), { loader: 'ts', treeShaking: true, format: 'esm' }).code.trim();
}

describe('annotatePure', () => {
  it('marks each call and `new` in a top-level initializer, nested ones too', () => {
    expect(annotatePure('export const A = Object.freeze([f(1), new Set(g())]);', 'x.ts')).toBe(
      `export const A = ${P}Object.freeze([${P}f(1)), ${P}new Set(${P}g())))]));`,
    );
  });

  it('keeps chains valid: the inner call of a.b().c() gets its own parentheses', () => {
    expect(annotatePure('const C = Object.keys(o).map((k) => h(k));', 'x.ts')).toBe(`const C = ${P}${P}Object.keys(o)).map((k) => h(k)));`);
  });

  it('leaves function bodies, classes, statements and optional chains alone', () => {
    const code = 'const D = () => q();\nfunction E() { return r(); }\nclass F { x = s(); }\nt();\nconst G = x?.y(z());\n';
    expect(annotatePure(code, 'x.ts')).toBe(code.replace('z()', `${P}z())`));
  });

  it('lets a bundler drop an unused load-time constant, and only that', () => {
    expect(kept('export const CODES = Object.freeze(["A", "B"]);\nexport const KEYS = make({ a: 1 });')).toBe('');
    expect(kept('register();\nexport const KEYS = make({ a: 1 });')).toBe('register();');
  });
});
