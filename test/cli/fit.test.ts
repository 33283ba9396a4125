import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'cx-fit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface FitOutput {
  schemaVersion: number;
  kind: string;
  model: string;
  parameters: Record<string, number>;
  diagnostics: { logLikelihood: number; converged: boolean };
  validation: { predicted: number; observed: number; relativeError: number } | null;
  data: { customers: number; repeatCustomers: number; calibrationEnd: string | null };
}

describe('cx-metrics fit on the bundled CDNOW sample', () => {
  it('bg-nbd reproduces the published estimates (Fader, Hardie & Lee 2005) and validates on the holdout', () => {
    const result = cli('fit', 'bg-nbd', '--sample');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as FitOutput;
    expect(out).toMatchObject({ schemaVersion: 1, kind: 'fit', model: 'bg-nbd', data: { customers: 2357, repeatCustomers: 946, calibrationEnd: '1997-09-30' } });
    expect(out.parameters.r).toBeCloseTo(0.243, 3);
    expect(out.parameters.alpha).toBeCloseTo(4.414, 2);
    expect(out.parameters.a).toBeCloseTo(0.793, 3);
    expect(out.parameters.b).toBeCloseTo(2.426, 2);
    expect(out.diagnostics.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(out.diagnostics.converged).toBe(true);
    // Holdout: the 39 weeks after calibration; 1,882 weeks with a purchase observed in the sample
    // (counted by summarizeTransactions' distinct periods), the same figures the report's holdout check prints.
    expect(out.validation).toMatchObject({ holdoutWeeks: 39, observed: 1882 });
    expect(out.validation?.predicted).toBeCloseTo(1653.4, 1);
    expect(out.validation?.relativeError).toBeCloseTo(1653.4087 / 1882 - 1, 5);
  });

  it('gamma-gamma reproduces p, q, γ of the paper and compares holdout spend', () => {
    const out = JSON.parse(cli('fit', 'gamma-gamma', '--sample').stdout) as FitOutput;
    expect(out.parameters.p).toBeCloseTo(6.25, 2);
    expect(out.parameters.q).toBeCloseTo(3.74, 2);
    expect(out.parameters.gamma).toBeCloseTo(15.44, 1);
    expect(out.validation?.observed).toBeGreaterThan(0);
  });

  it('pareto-nbd converges on the same data', () => {
    const out = JSON.parse(cli('fit', 'pareto-nbd', '--sample').stdout) as FitOutput;
    expect(Object.keys(out.parameters)).toEqual(['r', 'alpha', 's', 'beta']);
    expect(out.diagnostics.converged).toBe(true);
  });
});

describe('cx-metrics fit: usage and input errors are JSON, exit 2', () => {
  it('names the models when the model is missing or unknown', () => {
    for (const argv of [['fit', '--sample'], ['fit', 'bgnbd', '--sample']]) {
      const result = cli(...argv);
      expect(result.code).toBe(2);
      const body = JSON.parse(result.stdout) as { kind: string; error: { code: string; message: string } };
      expect(body).toMatchObject({ kind: 'error', error: { code: 'USAGE' } });
      expect(body.error.message).toContain('bg-nbd, pareto-nbd, gamma-gamma');
    }
  });

  it('a malformed purchase file: file, line, field and code', () => {
    const path = join(dir, 'p.csv');
    writeFileSync(path, 'customer_id,date,amount\na,2024-01-01,5\nb,2024-13-01,5\n');
    const result = cli('fit', 'bg-nbd', '--purchases', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
    const body = JSON.parse(result.stdout) as { error: { code: string; problems: unknown[] } };
    expect(body.error.code).toBe('INPUT_FILE');
    expect(body.error.problems).toEqual([{ file: path, line: 3, field: 'date', code: 'INVALID_RECORD', message: expect.stringContaining('month 13 does not exist') }]);
  });
});
