/**
 * The source tree as the architecture and barrel tests see it, read from disk on every call (so
 * files other changes add, move or delete are seen): each `.ts` file and the relative modules it
 * imports or re-exports (type-only imports included: a type import is a dependency too).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './doc-examples';

/** A path relative to the repository, with `/` separators. */
export function repoPath(absolute: string): string {
  return relative(repoRoot, absolute).split(sep).join('/');
}

/** Every `.ts` file under `dir` (relative to the repository), sorted. */
export function tsFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs)) {
      const path = join(abs, entry);
      if (statSync(path).isDirectory()) {
        if (entry !== 'node_modules') walk(path);
      } else if (entry.endsWith('.ts')) out.push(repoPath(path));
    }
  };
  if (existsSync(join(repoRoot, dir))) walk(join(repoRoot, dir));
  return out.sort();
}

/** One import, re-export or dynamic `import()` of a module by a file. */
export interface ImportEdge {
  /** The importing file (repository-relative). */
  readonly from: string;
  /** The specifier as written (`'../internal/sum'`, `'vitest'`). */
  readonly specifier: string;
  /** The file it resolves to (repository-relative), or `undefined` for a package. */
  readonly to: string | undefined;
  /** `true` for `export … from`. */
  readonly reExport: boolean;
  /** `true` for `export * from` (the barrel style). */
  readonly star: boolean;
  /** 1-based line of the statement. */
  readonly line: number;
}

/** The file a relative specifier names (`./nps` → `src/survey/nps.ts`), or `undefined`. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = join(repoRoot, dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return repoPath(candidate);
  }
  return undefined;
}

/** The parsed syntax tree of a repository file. */
export function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(repoRoot, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Every import of `file`: static imports, `export … from`, `import()` and `import('x').T` types. */
export function importsOf(file: string): ImportEdge[] {
  const source = parse(file);
  const edges: ImportEdge[] = [];
  const add = (node: ts.Node, specifier: string, reExport: boolean, star: boolean) => {
    const to = specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    edges.push({ from: file, specifier, to, reExport, star, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) add(node, node.moduleSpecifier.text, false, false);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, true, node.exportClause === undefined);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) add(node, arg.text, false, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, false, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** Lines of code of a file (every line, as `wc -l` counts them). */
export function lineCount(file: string): number {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
