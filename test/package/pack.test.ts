/**
 * The package as users get it: the tarball `npm pack` makes (its `prepack` script builds
 * `dist/` first, as `npm publish` does), checked by publint and attw, installed into an empty
 * project, imported through ESM, CommonJS and a browser bundle.
 *
 * This is the only place `npm test` builds and packs: one build, one tarball for every check,
 * the size budgets included (a user's bundler resolving the installed package, minified, gzipped).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageSubpaths } from '../../scripts/lib/subpaths';
import { repoRoot } from '../support/doc-examples';
import { validate } from '../support/json-schema';

const subpaths = packageSubpaths();
const work = mkdtempSync(join(tmpdir(), 'cx-metrics-pack-'));
const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);
let files: string[] = [];
let tarball = '';

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Exit status and everything printed, for a check whose report is the failure message. */
function check(cmd: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(cmd, args, { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, output: `${cmd} ${args.join(' ')}\n${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  // A plain `npm pack`, as on a fresh clone: prepack builds dist/ (its output is kept off stdout).
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--foreground-scripts=false', '--pack-destination', work], repoRoot)) as {
    filename: string;
    files: { path: string }[];
  }[];
  if (!packed) throw new Error('npm pack printed nothing');
  files = packed.files.map((f) => f.path);
  tarball = join(work, packed.filename);
  const app = join(work, 'app');
  run('mkdir', ['-p', app], work);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, version: '1.0.0' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], app);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the published tarball', () => {
  it('holds only what a user needs', () => {
    const allowed =
      /^(dist\/.+\.(js|cjs|d\.ts|d\.cts|js\.map|cjs\.map)|sample\/(README\.md|purchases\.csv|(customers|interactions|journeys)\.json)|schema\/cx-metrics\.schema\.json|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/index.d.cts');
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('schema/cx-metrics.schema.json');
    expect(files).toContain('sample/purchases.csv');
  });

  it('ships source maps with their sources inlined, linked from each file', () => {
    const installed = join(work, 'app', 'node_modules', 'cx-metrics');
    const code = files.filter((f) => /^dist\/.+\.(js|cjs)$/.test(f));
    expect(code.length).toBeGreaterThan(10);
    let sources = 0;
    for (const file of code) {
      expect(files, file).toContain(`${file}.map`);
      expect(readFileSync(join(installed, file), 'utf8')).toContain(`//# sourceMappingURL=${file.split('/').pop()}.map`);
      const map = JSON.parse(readFileSync(join(installed, `${file}.map`), 'utf8')) as { sources: string[]; sourcesContent?: string[] };
      expect(map.sourcesContent?.length ?? 0, file).toBe(map.sources.length);
      sources += map.sources.length;
    }
    expect(sources).toBeGreaterThan(100);
  });

  it('is built by `npm pack` and `npm publish` themselves (prepack)', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['prepack']).toBe('npm run build');
    expect(pkg.scripts['build']).toBe('tsup && tsx scripts/cjs-declarations.ts');
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.cjs');
  });

  it('passes publint --strict (the exports map, the files it points to)', () => {
    const { status, output } = check(bin('publint'), ['run', tarball, '--strict']);
    expect(status, output).toBe(0);
  });

  it('passes attw: the types resolve for node10, node16 (CJS and ESM) and bundlers', () => {
    const { status, output } = check(bin('attw'), [tarball, '--no-color', '--no-emoji']);
    expect(status, output).toBe(0);
  });

  it('declares no run-time dependencies: DuckDB is an optional peer of the command line only', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg['dependencies']).toBeUndefined();
    expect(Object.keys(pkg['peerDependencies'] as object)).toEqual(['@duckdb/node-api']);
    expect(pkg['peerDependenciesMeta']).toEqual({ '@duckdb/node-api': { optional: true } });
    expect(Object.keys(pkg['devDependencies'] as object)).toContain('@duckdb/node-api');
    // Only dist/cli.js names it, in a dynamic import left external; no library file does.
    const installed = join(work, 'app', 'node_modules', 'cx-metrics');
    const naming = files.filter((f) => /\.(js|cjs)$/.test(f) && readFileSync(join(installed, f), 'utf8').includes('@duckdb/node-api'));
    expect(naming).toEqual(['dist/cli.js']);
    expect(readFileSync(join(installed, 'dist/cli.js'), 'utf8')).toMatch(/import\(\s*["']@duckdb\/node-api["']\s*\)/);
    expect(existsSync(join(work, 'app', 'node_modules', '@duckdb'))).toBe(false);
  });

  it('imports as ESM from the root and every subpath, with one error class', () => {
    const app = join(work, 'app');
    const script = `
      import * as root from 'cx-metrics';
      ${subpaths.map((s) => `import * as ${s} from 'cx-metrics/${s}';`).join('\n')}
      const out = { root: Object.keys(root).length, same: models.CxMetricsError === root.CxMetricsError };
      ${subpaths.map((s) => `out[${JSON.stringify(s)}] = Object.keys(${s}).every((k) => ${s}[k] === root[k]);`).join('\n')}
      console.log(JSON.stringify(out));`;
    writeFileSync(join(app, 'esm.mjs'), script);
    const out = JSON.parse(run('node', ['esm.mjs'], app)) as Record<string, unknown>;
    expect(out['root']).toBeGreaterThan(0);
    expect(out).toMatchObject({ same: true, ...Object.fromEntries(subpaths.map((s) => [s, true])) });
  });

  it('requires as CommonJS from the root and every subpath, with one error class', () => {
    const app = join(work, 'app');
    const script = `
      const root = require('cx-metrics');
      const out = { root: Object.keys(root).length };
      for (const s of ${JSON.stringify(subpaths)}) {
        const mod = require('cx-metrics/' + s);
        out[s] = Object.keys(mod).every((k) => mod[k] === root[k]);
      }
      out.same = require('cx-metrics/models').CxMetricsError === root.CxMetricsError;
      console.log(JSON.stringify(out));`;
    writeFileSync(join(app, 'cjs.cjs'), script);
    const out = JSON.parse(run('node', ['cjs.cjs'], app)) as Record<string, unknown>;
    expect(out['root']).toBeGreaterThan(0);
    expect(out).toMatchObject({ same: true, ...Object.fromEntries(subpaths.map((s) => [s, true])) });
  });

  it('ships ESM one file per source module, so bundlers see the real module graph', () => {
    const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.endsWith('.ts') && !f.startsWith('src/cli/') && existsSync(join(repoRoot, f)));
    // The command line is not a library module: it ships as one bundled executable, dist/cli.js.
    const expected = [...sources.map((f) => f.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')), 'dist/cli.js'].sort();
    expect(files.filter((f) => f.endsWith('.js')).sort()).toEqual(expected);
  });

  it('bundles for the browser with no Node built-ins', async () => {
    const app = join(work, 'app');
    writeFileSync(join(app, 'browser.js'), `import * as cx from 'cx-metrics'; globalThis.cx = cx;`);
    const result = await build({
      entryPoints: [join(app, 'browser.js')],
      absWorkingDir: app,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/from\s+["']node:|require\(["'](node:|fs|path|os|crypto)/);
  });
});

/** Bytes of `code` (an app importing the installed package) bundled for the browser, minified and gzipped. */
async function minGzip(name: string, code: string): Promise<number> {
  const app = join(work, 'app');
  writeFileSync(join(app, `${name}.js`), code);
  const result = await build({
    entryPoints: [join(app, `${name}.js`)],
    absWorkingDir: app,
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).length;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

/**
 * What a user pays, as their bundler sees the published package (esbuild, minified, gzipped).
 * The budgets are issue 11's; never raise one to make it pass: make the code smaller.
 */
describe('size budgets (min+gzip)', () => {
  // Issue 11's budgets: nps ≤ 2 kB and fitBgNbd ≤ 8 kB, both met (fitBgNbd was 8.24 kB once fits
  // became independent of row order and grouping, 7.95 kB since the kernels it shares shed what
  // it does not use). Never raise a budget to make it pass: make the code smaller.
  it('importing only `nps` stays within its budget (2 kB)', async () => {
    const size = await minGzip('only-nps', `import { nps } from 'cx-metrics'; globalThis.f = nps;`);
    console.info(`size: nps alone ${kB(size)} (budget 2 kB)`);
    expect(size, `nps alone is ${kB(size)}`).toBeLessThanOrEqual(2000);
  });

  it('importing only `fitBgNbd` stays within its budget (8 kB)', async () => {
    const size = await minGzip('only-fit-bg-nbd', `import { fitBgNbd } from 'cx-metrics'; globalThis.f = fitBgNbd;`);
    console.info(`size: fitBgNbd alone ${kB(size)} (budget 8 kB)`);
    expect(size, `fitBgNbd alone is ${kB(size)}`).toBeLessThanOrEqual(8000);
  });

  it('the whole library is the figure the README states (within 10%)', async () => {
    const size = await minGzip('everything', `import * as cx from 'cx-metrics'; globalThis.cx = cx;`);
    console.info(`size: the whole library ${kB(size)}`);
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const stated = /whole library[^.]*?\*\*(\d+(?:\.\d+)?) kB\*\* min\+gzip/.exec(readme);
    expect(stated, 'README.md states "whole library … **N kB** min+gzip"').not.toBeNull();
    const readmeBytes = Number(stated?.[1]) * 1000;
    expect(Math.abs(readmeBytes - size) / size, `README says ${kB(readmeBytes)}, measured ${kB(size)}: update README.md`).toBeLessThanOrEqual(0.1);
  });
});

/** Run `npx cx-metrics …` in the fresh project (offline: the package is installed there). */
function npx(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npx', ['--offline', 'cx-metrics', ...args], { cwd: join(work, 'app'), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The installed bin run by node directly (the same file npx runs, without npx's start-up time). */
function installedBin(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(work, 'app', 'node_modules', '.bin', 'cx-metrics'), ...args], { cwd: join(work, 'app'), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the cx-metrics command, installed from the tarball into a fresh project', () => {
  // The sample report is the costliest command (seconds of CPU): one run through npx writes both
  // the JSON and the HTML that the two tests below read.
  let report: ReturnType<typeof npx>;
  beforeAll(() => {
    report = npx('report', '--sample', '--json', '--html', 'r.html');
  });

  it('report --sample --json --html r.html writes the report with every chart', () => {
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('"Net Promoter Score"');
    const html = readFileSync(join(work, 'app', 'r.html'), 'utf8');
    expect(html).toContain('Net Promoter Score');
    expect((html.match(/<figure id="figure-/g) ?? []).length).toBe(14);
  });

  it('check --sample --fail-under nps=90 exits 1, nps=0 exits 0', () => {
    expect(installedBin('check', '--sample', '--fail-under', 'nps=90').status).toBe(1);
    expect(installedBin('check', '--sample', '--fail-under', 'nps=0').status).toBe(0);
  });

  it('a malformed file exits 2 with file, line and field', () => {
    writeFileSync(join(work, 'app', 'bad.csv'), 'customer_id,date,amount\nc1,2024-01-01,10\nc2,2024-01-02,ten\n');
    const result = installedBin('check', '--purchases', 'bad.csv', '--fail-under', 'nps=0');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('bad.csv:3, field amount: expected a finite number ≥ 0, got "ten"');
  });

  it('--json output validates against the schema the package ships', () => {
    const schema = JSON.parse(readFileSync(join(work, 'app', 'node_modules', 'cx-metrics', 'schema', 'cx-metrics.schema.json'), 'utf8')) as Record<string, unknown>;
    expect(validate(schema, JSON.parse(report.stdout)), 'report --sample --json').toEqual([]);
    const check = installedBin('check', '--json', '--purchases', 'bad.csv', '--fail-under', 'nps=0');
    expect(validate(schema, JSON.parse(check.stdout)), 'check --json').toEqual([]);
  });

  it('--engine duckdb without @duckdb/node-api installed: a usage error saying what to install, exit 2', () => {
    const result = installedBin('fit', 'bg-nbd', '--sample', '--engine', 'duckdb');
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('install @duckdb/node-api to use --engine duckdb');
    const text = installedBin('report', '--sample', '--engine', 'duckdb');
    expect(text.status).toBe(2);
    expect(text.stderr).toContain('error: install @duckdb/node-api to use --engine duckdb');
  });

  it('--help documents the formats; --version prints the package version', () => {
    expect(installedBin('report', '--help').stdout).toContain('Dates and times');
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(installedBin('--version').stdout.trim()).toBe(pkg.version);
  });
});

describe('examples/, run against the installed package', () => {
  const app = () => join(work, 'app');
  beforeAll(() => cpSync(join(repoRoot, 'examples'), join(app(), 'examples'), { recursive: true, filter: (src) => !src.endsWith('app.bundle.js') }));

  it('node-script.mjs prints NPS with its interval, CSAT and a BG/NBD fit', () => {
    const out = run('node', ['examples/node-script.mjs'], app());
    expect(out).toMatch(/^NPS 33\.3 \(95 % interval -?[\d.]+ to [\d.]+\) from 9 answers, 1 skipped\nCSAT 80 %\nBG\/NBD on 300 customers \(converged\), r [\d.]+, α [\d.]+, a [\d.]+, b [\d.]+; P\(alive\): c0 \d+ %, c1 \d+ %, c2 \d+ %, c3 \d+ %\n$/);
  });

  it('edge-worker.mjs answers a POST with NPS and CSAT, a bad score with 422 and its code', () => {
    writeFileSync(
      join(app(), 'call-worker.mjs'),
      `import worker from './examples/edge-worker.mjs';
       const post = (body) => worker.fetch(new Request('https://example.test/', { method: 'POST', body: JSON.stringify(body) }));
       const ok = await post({ scores: [10, 9, 9, 8, 7, 6, 3, 10, 9], csat: [5, 4, 4, 3, 5] });
       const bad = await post({ scores: [9, 11] });
       const get = await worker.fetch(new Request('https://example.test/'));
       console.log(JSON.stringify({ ok: [ok.status, await ok.json()], bad: [bad.status, await bad.json()], get: get.status }));`,
    );
    const out = JSON.parse(run('node', ['call-worker.mjs'], app())) as { ok: [number, { nps: { score: number; answers: number }; csat: { share: number } }]; bad: [number, { code: string }]; get: number };
    expect(out.ok[0]).toBe(200);
    expect(out.ok[1].nps.score).toBeCloseTo(100 / 3, 10);
    expect(out.ok[1].nps.answers).toBe(9);
    expect(out.ok[1].csat.share).toBe(0.8);
    expect(out.bad).toEqual([422, { error: expect.stringContaining('11'), code: 'OUT_OF_RANGE' }]);
    expect(out.get).toBe(405);
  });

  it('browser/: the page script bundles for the browser and fills in the result', async () => {
    const result = await build({ entryPoints: [join(app(), 'examples', 'browser', 'app.js')], absWorkingDir: app(), bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent' });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/require\(["'](node:|fs|path)/);
    // A minimal document: the two elements the page has.
    const elements: Record<string, { value?: string; textContent?: string; addEventListener: () => void }> = {
      scores: { value: '10, 9, 9, 8, 7, 6, 3, 10', addEventListener: () => {} },
      result: { textContent: '', addEventListener: () => {} },
    };
    runInNewContext(code, { document: { getElementById: (id: string) => elements[id] } });
    expect(elements.result?.textContent).toMatch(/^NPS 25\.0 \(95 % interval −?-?[\d.]+ to [\d.]+\) from 8 answers$/);
    const page = readFileSync(join(repoRoot, 'examples', 'browser', 'index.html'), 'utf8');
    expect(page).toContain('id="scores"');
    expect(page).toContain('id="result"');
    expect(page).toContain('<script src="app.bundle.js"></script>');
  });
});
