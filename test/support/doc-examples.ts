/**
 * Finds the code examples of the documentation (every `@example` in src, every ts block in
 * docs/*.md and README.md) and turns each into a module whose `// =>` lines are assertions.
 *
 * In an example, a statement followed by `// => expected` asserts its value:
 *   nps([10, 9, 3]).score; // => 33.3
 * A number written with decimals is compared after rounding to those decimals; a whole
 * number must match exactly. Objects match when every key written is equal (others are
 * ignored); arrays match element by element. `// => throws CODE` asserts a CxMetricsError
 * with that code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DocExample {
  /** Where it comes from, e.g. `src/survey/nps.ts#nps` or `docs/survey.md:42`. */
  readonly name: string;
  /** The example's code as written. */
  readonly code: string;
}

export const repoRoot = join(import.meta.dirname, '..', '..');

function walk(dir: string, accept: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...walk(path, accept));
    else if (accept(path)) out.push(path);
  }
  return out;
}

/**
 * Every `@example` fenced block in the doc comments of src. Kernel files carry examples only
 * where they define something public (`CxMetricsError`, `UNIT_MILLISECONDS`, re-exported by models/).
 */
export function sourceExamples(): DocExample[] {
  const files = walk(join(repoRoot, 'src'), (p) => p.endsWith('.ts'));
  const examples: DocExample[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const comment of text.matchAll(/\/\*\*([\s\S]*?)\*\/\s*(?:export\s+)?(?:declare\s+)?(?:async\s+)?(?:function|const|class|interface|type|let)?\s*(\w+)?/g)) {
      const body = (comment[1] ?? '').replace(/^[ \t]*\* ?/gm, '');
      const symbol = comment[2] ?? 'module';
      let k = 0;
      for (const block of body.matchAll(/@example[^\n]*\n\s*```(?:ts|typescript)\n([\s\S]*?)```/g)) {
        examples.push({ name: `${relative(repoRoot, file)}#${symbol}${k++ ? `-${k}` : ''}`, code: block[1] ?? '' });
      }
    }
  }
  return examples;
}

/** Every ts/typescript fenced block in README.md and docs/*.md. */
export function guideExamples(): DocExample[] {
  const files = [join(repoRoot, 'README.md'), ...walk(join(repoRoot, 'docs'), (p) => p.endsWith('.md'))];
  const examples: DocExample[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const block of text.matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```/gm)) {
      const line = text.slice(0, block.index).split('\n').length;
      examples.push({ name: `${relative(repoRoot, file)}:${line}`, code: block[1] ?? '' });
    }
  }
  return examples;
}

/** Net count of opening minus closing brackets, ignoring those inside strings and comments. */
function bracketDelta(line: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '/' && line[i + 1] === '/') break;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return depth;
}

/**
 * Rewrite an example into a module: `// =>` statements become checks, everything else is
 * kept as written. `checkModule` is the import path of the module exporting the checkers.
 */
export function toTestModule(example: DocExample, checkModule: string): string {
  const lines = example.code.split('\n');
  const out: string[] = [`import { __check, __checkThrows } from ${JSON.stringify(checkModule)};`];
  let buffer: string[] = [];
  let depth = 0;
  for (const [n, line] of lines.entries()) {
    const arrow = line.match(/^(.*?);?\s*\/\/ => (.*)$/);
    if (arrow && depth + bracketDelta(arrow[1] ?? '') === 0) {
      const expression = [...buffer, arrow[1] ?? ''].join('\n').trim();
      const expected = (arrow[2] ?? '').trim();
      const where = JSON.stringify(`${example.name}, example line ${n + 1}`);
      const thrown = expected.match(/^throws\s+([A-Z_]+)$/);
      out.push(
        thrown
          ? `__checkThrows(() => { ${expression}; }, ${JSON.stringify(thrown[1])}, ${where});`
          : `__check(() => (${expression}), (${expected}), ${JSON.stringify(expected)}, ${where});`,
      );
      buffer = [];
      depth = 0;
      continue;
    }
    buffer.push(line);
    depth += bracketDelta(line);
    if (depth === 0) {
      out.push(...buffer);
      buffer = [];
    }
  }
  out.push(...buffer);
  return `${out.join('\n')}\n`;
}
