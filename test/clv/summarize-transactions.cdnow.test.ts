/**
 * The published CDNOW calibration summary (Fader, Hardie & Lee 2005), rebuilt from the raw
 * transactions of the 1-in-10 sample: frequency, recency and T in weeks to 2 decimals, and the
 * mean repeat spend `zbar` of the Gamma-Gamma paper.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeTransactions } from '../../src/clv/summarize-transactions';
import { repoRoot } from '../support/doc-examples';

const dataDir = join(repoRoot, '..', 'shared', 'data');

interface CdnowPurchase {
  readonly sampleId: number;
  readonly at: number;
  readonly amount: number;
}

/** `master_id sample_id YYYYMMDD number_of_cds dollar_value`, CRLF, leading spaces. */
function readSample(): CdnowPurchase[] {
  const out: CdnowPurchase[] = [];
  for (const line of readFileSync(join(dataDir, 'CDNOW_sample.txt'), 'utf8').split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const date = fields[2] as string;
    out.push({
      sampleId: Number(fields[1]),
      at: Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))),
      amount: Number(fields[4]),
    });
  }
  return out;
}

function readCsv(name: string): Record<string, number>[] {
  const [header, ...lines] = readFileSync(join(dataDir, name), 'utf8').trim().split(/\r?\n/);
  const keys = (header as string).split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i] as string, Number(v)])));
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const roundHalfUp2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;

describe('summarizeTransactions on CDNOW', () => {
  const purchases = readSample();
  const summary = summarizeTransactions(purchases, {
    customerId: (d) => d.sampleId,
    at: (d) => d.at,
    amount: (d) => d.amount,
    calibrationEnd: Date.UTC(1997, 8, 30),
    observationEnd: Date.UTC(1998, 5, 30),
    unit: 'week',
  });

  it('reads every purchase of the 2,357 customers', () => {
    expect(purchases.length).toBe(6919);
    expect(summary.purchases).toBe(6919);
    expect(summary.skipped).toBe(0);
    expect(summary.rows.length).toBe(2357);
    expect(summary.holdoutOnlyCustomers).toBe(0);
    expect(summary.rows.filter((r) => r.frequency > 0).length).toBe(946);
  });

  type SummaryRow = (typeof summary.rows)[number];
  /** Rows of a published CSV that disagree with ours, as readable lines (none expected). */
  function mismatches(file: string, agrees: (row: SummaryRow, published: Record<string, number>) => boolean): string[] {
    const published = readCsv(file);
    expect(published.length).toBe(2357);
    const byId = new Map(summary.rows.map((r) => [r.customerId, r]));
    return published
      .filter((e) => {
        const row = byId.get(e['ID'] as number);
        return row === undefined || !agrees(row, e);
      })
      .map((e) => `${e['ID']}: ${JSON.stringify(e)} vs ${JSON.stringify(byId.get(e['ID'] as number))}`);
  }

  it('rebuilds cdnow_customers_summary.csv exactly (weeks, 2 decimals)', () => {
    const bad = mismatches(
      'cdnow_customers_summary.csv',
      (row, e) => row.frequency === e['frequency'] && round2(row.recency) === e['recency'] && round2(row.T) === e['T'],
    );
    expect(bad).toEqual([]);
    expect(Math.max(...summary.rows.map((r) => r.T))).toBe(272 / 7);
  });

  it('rebuilds zbar of cdnow_customers_summary_with_transactions.csv to the cent', () => {
    const bad = mismatches(
      'cdnow_customers_summary_with_transactions.csv',
      (row, e) =>
        row.frequency === e['x'] &&
        round2(row.recency) === e['t_x'] &&
        round2(row.T) === e['T'] &&
        // zbar is rounded half up from the exact decimal mean: 18.135 → 18.14, where the double
        // 18.134999999999998 would round down. Rounding our mean half up (1e-9 nudge) gives every cent.
        roundHalfUp2(row.monetaryValue) === e['zbar'],
    );
    expect(bad).toEqual([]);
  });

  it('splits off the holdout window 1997-10-01 … 1998-06-30', () => {
    // 273 days, from the calibration end day (exclusive) to the observation end day (inclusive).
    expect(summary.rows[0]?.holdoutDuration).toBe(273 / 7);
    // Independent count: distinct (customer, day) pairs after 1997-09-30.
    const holdoutDays = new Set(purchases.filter((p) => p.at > Date.UTC(1997, 8, 30)).map((p) => `${p.sampleId}|${p.at}`));
    expect(summary.rows.reduce((s, r) => s + r.holdoutFrequency, 0)).toBe(holdoutDays.size);
  });
});
