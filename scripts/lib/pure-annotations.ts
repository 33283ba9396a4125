/**
 * Build step (tsup.config.ts): marks every call and `new` made while a module loads (in the
 * initializer of a top-level declaration: `const CODES = Object.freeze([…])`,
 * `const KEYS = optionKeys({…})`) as `/* @__PURE__ *\/`, so that a user's bundler drops the
 * constant, and what it alone needs, when nothing uses it. Sound because the library has no
 * load-time side effects (package.json `"sideEffects": false`; CONTRIBUTING.md: no
 * module-level mutable state).
 */
import ts from 'typescript';

/** `text` (a TypeScript module) with each load-time call wrapped as `(/* @__PURE__ *\/ call)`. */
export function annotatePure(text: string, fileName: string): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  const add = (map: Map<number, string[]>, pos: number, piece: string) => map.set(pos, [...(map.get(pos) ?? []), piece]);

  const visit = (node: ts.Node): void => {
    // Code in a function body runs when called, not when the module loads.
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    const call = ts.isCallExpression(node) || ts.isNewExpression(node);
    // A link of an optional chain (`a?.b()`) cannot be parenthesized without changing its meaning.
    const chained = (node.flags & ts.NodeFlags.OptionalChain) !== 0;
    if (call && !chained) add(opens, node.getStart(source), '(/* @__PURE__ */ ');
    ts.forEachChild(node, visit);
    if (call && !chained) add(closes, node.getEnd(), ')');
  };
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) if (declaration.initializer) visit(declaration.initializer);
  }

  const positions = [...new Set([...opens.keys(), ...closes.keys()])].sort((a, b) => a - b);
  let out = '';
  let at = 0;
  for (const pos of positions) {
    out += text.slice(at, pos) + (closes.get(pos) ?? []).join('') + (opens.get(pos) ?? []).join('');
    at = pos;
  }
  return out + text.slice(at);
}
