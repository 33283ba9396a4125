/**
 * `cx-metrics fit --engine duckdb`: the purchase file aggregated by DuckDB gives the in-memory
 * engine's JSON: the log-likelihood to 1e-12, every parameter and validation figure to 1e-9
 * relative, for every model (DuckDB's recency and T equal the library's bit for bit; its mean
 * spends can differ in the last bit, which the fits' final Newton steps leave at ~1e-12).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/doc-examples';
import { validate } from '../support/json-schema';
import { writeSampleFiles, type SampleFiles } from './duckdb-files';
import { cli, cliAsync } from './run-cli';

const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'cx-metrics.schema.json'), 'utf8')) as Record<string, unknown>;
let files: SampleFiles;
beforeAll(async () => {
  files = await writeSampleFiles();
}, 60_000);
afterAll(() => files.remove());

interface FitJson {
  data: Record<string, unknown>;
  parameters: Record<string, number>;
  diagnostics: { logLikelihood: number; n: number; converged: boolean; standardErrors: Record<string, number> };
  validation: Record<string, number | string>;
}

const relative = (x: number, y: number): number => Math.abs(x - y) / Math.max(1, Math.abs(y));

function expectSameFit(got: FitJson, want: FitJson): void {
  expect(got.data).toEqual(want.data);
  expect(got.diagnostics.n).toBe(want.diagnostics.n);
  expect(got.diagnostics.converged).toBe(true);
  expect(relative(got.diagnostics.logLikelihood, want.diagnostics.logLikelihood)).toBeLessThan(1e-12);
  for (const [k, v] of Object.entries(want.parameters)) expect(relative(got.parameters[k] as number, v), k).toBeLessThan(1e-9);
  for (const [k, v] of Object.entries(want.validation)) {
    if (typeof v === 'number') expect(relative(got.validation[k] as number, v), k).toBeLessThan(1e-9);
    else expect(got.validation[k]).toBe(v);
  }
}

describe('cx-metrics fit --engine duckdb equals the memory engine', () => {
  // The sample's window: the same customers and holdout as --sample, from the files written above.
  const window = ['--calibration-end', '1997-09-30', '--observation-end', '1998-06-30'];
  const fromFile = (want: FitJson, file: string): FitJson => ({ ...want, data: { ...want.data, files: [{ kind: 'purchases', file, records: 6919 }] } });
  for (const [model, file] of [
    ['bg-nbd', 'csv'],
    ['pareto-nbd', undefined],
    ['gamma-gamma', 'parquet'],
  ] as const) {
    it(`${model} on the sample${file === undefined ? ' (--sample)' : `, from ${file}`}`, async () => {
      const want = JSON.parse(cli('fit', model, '--sample').stdout) as FitJson;
      if (file === undefined) {
        const sample = await cliAsync('fit', model, '--sample', '--engine', 'duckdb');
        expect(sample.stderr).toBe('');
        expect(sample.code).toBe(0);
        expectSameFit(JSON.parse(sample.stdout) as FitJson, want);
        expect(validate(schema, JSON.parse(sample.stdout))).toEqual([]);
        return;
      }
      const path = files[file];
      const result = await cliAsync('fit', model, '--purchases', path, ...window, '--engine', 'duckdb');
      expect(result.code, result.stdout).toBe(0);
      expectSameFit(JSON.parse(result.stdout) as FitJson, fromFile(want, path));
    }, 60_000);
  }

  it('without a calibration end: no validation, the observation end is the latest purchase', async () => {
    const got = JSON.parse((await cliAsync('fit', 'bg-nbd', '--purchases', files.parquet, '--engine', 'duckdb')).stdout) as FitJson;
    expect(got.validation).toBeNull();
    expect(got.data).toMatchObject({ customers: 2357, calibrationEnd: null, observationEnd: '1998-06-30' });
  }, 60_000);
});

