import { describe, expect, it } from 'vitest';
import { toCommonJsDeclarations } from '../../../scripts/lib/cjs-declarations';

describe('toCommonJsDeclarations', () => {
  it('points relative imports, re-exports and import types at .cjs', () => {
    const dts = [
      "export { a as A } from './models/index.js';",
      'import { B } from "../chunk-X1.js";',
      "type C = import('./c.js').C;",
      "export * from './d.js';",
    ].join('\n');
    expect(toCommonJsDeclarations(dts)).toBe(
      [
        "export { a as A } from './models/index.cjs';",
        'import { B } from "../chunk-X1.cjs";',
        "type C = import('./c.cjs').C;",
        "export * from './d.cjs';",
      ].join('\n'),
    );
  });

  it('leaves package imports and other text alone', () => {
    const dts = "import { x } from 'vitest';\n/** see ./y.js */\nexport declare const z: 'a.js';";
    expect(toCommonJsDeclarations(dts)).toBe(dts);
  });
});
