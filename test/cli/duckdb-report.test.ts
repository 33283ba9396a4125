/**
 * `cx-metrics report --engine duckdb`: the CLV section from DuckDB's aggregates equals the
 * `fit` command's BG/NBD and holdout check, the RFM segments are the memory engine's, and the
 * sections that need every purchase in memory are left out with a note.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../support/json-schema';
import { repoRoot } from '../support/doc-examples';
import { writeSampleFiles, type SampleFiles } from './duckdb-files';
import { cli, cliAsync } from './run-cli';

let files: SampleFiles;
beforeAll(async () => {
  files = await writeSampleFiles();
}, 60_000);
afterAll(() => files.remove());

const relative = (x: number, y: number): number => Math.abs(x - y) / Math.max(1, Math.abs(y));

interface FitJson {
  parameters: Record<string, number>;
  validation: Record<string, number | string>;
}

describe('cx-metrics report --engine duckdb', () => {
  it('computes the CLV section from DuckDB’s aggregates and says what it leaves out', async () => {
    const fit = JSON.parse(cli('fit', 'bg-nbd', '--sample').stdout) as FitJson;
    const result = await cliAsync('report', '--sample', '--json', '--engine', 'duckdb');
    expect(result.code).toBe(0);
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'cx-metrics.schema.json'), 'utf8')) as Record<string, unknown>;
    expect(validate(schema, JSON.parse(result.stdout))).toEqual([]);
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
    expect(Object.keys(sections)).not.toContain('retention');
    // RFM from the histogram of every customer's summary: the memory engine's segments (sizes
    // exactly) and, with the model both choose on the sample (MBG/NBD), its values.
    const rfm = sections['rfm'] as { model: string; segments: { segment: string; customers: number; meanClv: number; meanProbabilityAlive: number }[]; unmatched: number };
    const memory = (JSON.parse(cli('report', '--sample', '--json').stdout) as { sections: { rfm: typeof rfm } }).sections.rfm;
    expect(rfm.model).toBe('mbgNbd');
    expect(memory.model).toBe('mbgNbd');
    expect(rfm.segments.map((x) => [x.segment, x.customers])).toEqual([
      ['champions', 413],
      ['loyal', 310],
      ['cant-lose', 3],
      ['at-risk', 81],
      ['potential-loyalist', 250],
      ['need-attention', 82],
      ['about-to-sleep', 349],
      ['lost', 460],
      ['hibernating', 409],
    ]);
    expect(rfm.unmatched).toBe(0);
    rfm.segments.forEach((x, i) => {
      expect(relative(x.meanClv, memory.segments[i]?.meanClv as number), x.segment).toBeLessThan(1e-6);
      expect(relative(x.meanProbabilityAlive, memory.segments[i]?.meanProbabilityAlive as number), x.segment).toBeLessThan(1e-6);
    });
    const text = await cliAsync('report', '--purchases', files.parquet, '--engine', 'duckdb');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('need every purchase in memory and are left out');
    expect(text.stdout).toContain('2,357 buying customers, 6,919 purchases');
    expect(text.stdout).not.toContain('No purchases');
  }, 60_000);
});

