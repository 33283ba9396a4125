/**
 * `--engine duckdb`: the purchase file aggregated by DuckDB gives the in-memory engine's JSON
 * (parameters to 1e-9 for BG/NBD; for Pareto/NBD and Gamma-Gamma, whose CDNOW likelihoods are
 * flat along a ridge, the same maximum: log-likelihood to 1e-12 and each parameter to 1e-4 of
 * its standard error, as test/sql/rfm-histogram-sql.test.ts documents), and bad files are
 * reported as the memory engine reports them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliAsync } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'cx-engine-'));
const parquet = join(dir, 'purchases.parquet');
const csv = join(dir, 'purchases.csv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The sample's purchases as Parquet (DATE column, DOUBLE amounts) and as a CSV whose dates mix
// the three accepted forms, so both readers and every date form meet the memory engine.
beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const sample = join('sample', 'purchases.csv');
  await connection.run(`COPY (SELECT customer_id, CAST(date AS DATE) AS date, CAST(amount AS DOUBLE) AS amount FROM read_csv('${sample}', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
  await connection.run(
    `COPY (SELECT customer_id, CASE WHEN row_number() OVER () % 3 = 0 THEN strftime(CAST(date AS DATE), '%Y%m%d') WHEN row_number() OVER () % 3 = 1 THEN strftime(CAST(date AS DATE), '%Y-%m-%dT00:00:00Z') ELSE date END AS date, amount FROM read_csv('${sample}', header = true, all_varchar = true)) TO '${csv}' (HEADER)`,
  );
  connection.closeSync();
  instance.closeSync();
}, 60_000);

interface FitJson {
  data: Record<string, unknown>;
  parameters: Record<string, number>;
  diagnostics: { logLikelihood: number; n: number; converged: boolean; standardErrors: Record<string, number> };
  validation: Record<string, number | string>;
}

const relative = (x: number, y: number): number => Math.abs(x - y) / Math.max(1, Math.abs(y));

function expectSameFit(got: FitJson, want: FitJson, exact: boolean): void {
  expect(got.data).toEqual(want.data);
  expect(got.diagnostics.n).toBe(want.diagnostics.n);
  expect(got.diagnostics.converged).toBe(true);
  expect(relative(got.diagnostics.logLikelihood, want.diagnostics.logLikelihood)).toBeLessThan(1e-12);
  for (const [k, v] of Object.entries(want.parameters)) {
    const se = want.diagnostics.standardErrors[k] as number;
    if (exact) expect(relative(got.parameters[k] as number, v), k).toBeLessThan(1e-9);
    else expect(Math.abs((got.parameters[k] as number) - v), k).toBeLessThan(1e-4 * se);
  }
  for (const [k, v] of Object.entries(want.validation)) {
    if (typeof v === 'number') expect(relative(got.validation[k] as number, v), k).toBeLessThan(exact ? 1e-9 : 1e-6);
    else expect(got.validation[k]).toBe(v);
  }
}

describe('cx-metrics fit --engine duckdb equals the memory engine', () => {
  // The sample's window: the same customers and holdout as --sample, from the files written above.
  const window = ['--calibration-end', '1997-09-30', '--observation-end', '1998-06-30'];
  const fromFile = (want: FitJson, file: string): FitJson => ({ ...want, data: { ...want.data, files: [{ kind: 'purchases', file, records: 6919 }] } });
  for (const [model, exact, file] of [
    ['bg-nbd', true, csv],
    ['pareto-nbd', false, undefined],
    ['gamma-gamma', false, parquet],
  ] as const) {
    it(`${model} on the sample${file === undefined ? '' : ` and from ${file.slice(-7)}`}`, async () => {
      const want = JSON.parse(cli('fit', model, '--sample').stdout) as FitJson;
      const sample = await cliAsync('fit', model, '--sample', '--engine', 'duckdb');
      expect(sample.stderr).toBe('');
      expect(sample.code).toBe(0);
      expectSameFit(JSON.parse(sample.stdout) as FitJson, want, exact);
      if (file === undefined) return;
      const result = await cliAsync('fit', model, '--purchases', file, ...window, '--engine', 'duckdb');
      expect(result.code, result.stdout).toBe(0);
      expectSameFit(JSON.parse(result.stdout) as FitJson, fromFile(want, file), exact);
    }, 60_000);
  }

  it('without a calibration end: no validation, the observation end is the latest purchase', async () => {
    const got = JSON.parse((await cliAsync('fit', 'bg-nbd', '--purchases', parquet, '--engine', 'duckdb')).stdout) as FitJson;
    expect(got.validation).toBeNull();
    expect(got.data).toMatchObject({ customers: 2357, calibrationEnd: null, observationEnd: '1998-06-30' });
  }, 60_000);
});

describe('cx-metrics report --engine duckdb', () => {
  it('computes the CLV section from DuckDB’s aggregates and says what it leaves out', async () => {
    const fit = JSON.parse(cli('fit', 'bg-nbd', '--sample').stdout) as FitJson;
    const result = await cliAsync('report', '--sample', '--json', '--engine', 'duckdb');
    expect(result.code).toBe(0);
    const sections = (JSON.parse(result.stdout) as { sections: Record<string, Record<string, unknown>> }).sections;
    const clv = sections['clv'] as { bgNbd: Record<string, number>; holdout: Record<string, number>; repeatPurchaseHistogram: { observed: number; expected: number }[] };
    // The report's BG/NBD is the fit command's (same calibration window), and so is its holdout check.
    for (const k of ['r', 'alpha', 'a', 'b']) expect(relative(clv.bgNbd[k] as number, fit.parameters[k] as number), k).toBeLessThan(1e-9);
    expect(clv.holdout['observed']).toBe(fit.validation['observed']);
    expect(relative(clv.holdout['predicted'] as number, fit.validation['predicted'] as number)).toBeLessThan(1e-9);
    // Figure 2 of Fader, Hardie & Lee (2005): 1,411 of the 2,357 customers made no repeat purchase.
    expect(clv.repeatPurchaseHistogram[0]?.observed).toBe(1411);
    expect(clv.repeatPurchaseHistogram.reduce((s, h) => s + h.observed, 0)).toBe(2357);
    expect(relative(clv.repeatPurchaseHistogram.reduce((s, h) => s + h.expected, 0), 2357)).toBeLessThan(1e-9);
    expect(sections['data']).toMatchObject({ purchases: 6919, buyers: 2357 });
    expect((sections['data'] as { files: unknown[] }).files[0]).toEqual({ kind: 'purchases', file: 'sample/purchases.csv', records: 6919 });
    // The sections that read the other files are there; those that need every purchase are left out.
    expect(Object.keys(sections)).toContain('nps');
    expect(Object.keys(sections)).not.toContain('rfm');
    const text = await cliAsync('report', '--purchases', parquet, '--engine', 'duckdb');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('need every purchase in memory and are left out');
    expect(text.stdout).toContain('2,357 buying customers, 6,919 purchases');
    expect(text.stdout).not.toContain('No purchases');
  }, 60_000);
});

describe('--engine duckdb: bad input is exit 2 with the file, the field and the count', () => {
  it('rejects an unknown engine', () => {
    const result = cli('fit', 'bg-nbd', '--sample', '--engine', 'spark');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('--engine expects memory or duckdb, got \\"spark\\"');
  });

  it('reports invalid records, missing columns, other file types and mixed currencies', async () => {
    const write = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const cases: [string, string, string][] = [
      [write('amount.csv', 'customer_id,date,amount\nc1,2024-01-01,10\nc2,2024-01-02,ten\nc3,2024-01-03,-1\n'), 'amount', '2 records without a finite amount ≥ 0 (for example \\"ten\\")'],
      [write('date.csv', 'customer_id,date,amount\nc1,2024-02-30,10\nc2,2024-01-02T10:00:00,1\n'), 'date', '2 records without a valid date'],
      [write('customer.csv', 'customer_id,date,amount\n,2024-01-01,10\n'), 'customer_id', '1 record without a customer id'],
      [write('columns.csv', 'customer,date,amount\nc1,2024-01-01,10\n'), 'customer_id', 'missing column customer_id'],
      [write('money.csv', 'customer_id,date,amount,currency\nc1,2024-01-01,10,USD\nc2,2024-01-01,10,EUR\n'), 'currency', 'purchases are in 2 currencies (EUR, USD)'],
      [write('orders.json', '[]'), 'null', 'reads .csv or .parquet purchase files'],
    ];
    for (const [file, field, message] of cases) {
      const result = await cliAsync('fit', 'bg-nbd', '--purchases', file, '--engine', 'duckdb');
      expect(result.code, file).toBe(2);
      expect(result.stdout, file).toContain('"code": "INPUT_FILE"');
      expect(result.stdout, file).toContain(`"field": ${field === 'null' ? 'null' : `"${field}"`}`);
      expect(result.stdout, file).toContain(message);
    }
    const missing = await cliAsync('report', '--purchases', join(dir, 'nope.csv'), '--engine', 'duckdb');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  }, 60_000);
});
