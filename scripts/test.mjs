#!/usr/bin/env node
/**
 * `npm test`: the type check, the vitest suite and the docs check, run side by side. The suite keeps
 * both cores busy, while `tsc` and typedoc each use one core for ~20 s and ~6 s; run one after
 * the other they added that time to the wall clock (CONTRIBUTING.md, "Test time"). typedoc runs
 * with `--emit none`: it converts and validates (every warning fails, as in `npm run docs`) but
 * writes no HTML, which took half its time.
 *
 * vitest prints as it runs; `tsc --noEmit` and then typedoc run beside it, their output held back
 * and printed after the suite's. The exit code is the first failure's, or 0. Arguments go to
 * vitest (`npm test -- test/survey` type-checks everything and runs the survey tests).
 */
import { spawn } from 'node:child_process';

/**
 * Run a binary of node_modules/.bin (npm puts it on the PATH of its scripts); resolve with its exit
 * code and, when `quiet`, its output.
 */
function run(bin, args, quiet) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', shell: process.platform === 'win32' });
    let output = '';
    if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const checks = (async () => {
  const typecheck = await run('tsc', ['--noEmit'], true);
  // The docs need sources that type-check; after a failed check they would only repeat its errors.
  const docs = typecheck.code === 0 ? await run('typedoc', ['--emit', 'none'], true) : { code: 0, output: 'typedoc: skipped after the type check failed\n' };
  return [
    ['tsc --noEmit', typecheck],
    ['typedoc', docs],
  ];
})();
const suite = await run('vitest', ['run', ...process.argv.slice(2)], false);

let code = suite.code;
for (const [name, result] of await checks) {
  process.stdout.write(`\n${name}: ${result.code === 0 ? 'passed' : `FAILED (exit ${result.code})`}\n${result.output}`);
  if (code === 0) code = result.code;
}
process.exitCode = code;
