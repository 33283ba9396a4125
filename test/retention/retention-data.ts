/**
 * Reading the published sBG calibration data and the independent reference values that
 * `reference/retention_reference.py` computes (tests only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/doc-examples';

/** Table 1 of Fader & Hardie (2007): percent alive after each yearly renewal, × 1,000 customers = counts. */
export function paperSurvivors(): { regular: number[]; highEnd: number[] } {
  const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'data', 'sbg_survival_calibration.csv'), 'utf8');
  const rows = text.trim().split(/\r?\n/).slice(1).map((line) => line.split(',').map(Number));
  return {
    regular: rows.map((r) => Math.round((r[1] as number) * 10)),
    highEnd: rows.map((r) => Math.round((r[2] as number) * 10)),
  };
}

interface SbgReferenceFit {
  alpha: number;
  beta: number;
  logLikelihood: number;
  se: [number, number];
}

/** `reference/retention-reference.json`; see the script for how each value is computed. */
export interface RetentionReference {
  freireich6mp: {
    data: [number, 0 | 1][];
    /** time, at risk, events, censored, S, SE, log-log lower, upper, log lower, upper. */
    steps: number[][];
    median: number;
    restrictedMean35: number;
  };
  sbgRegular: SbgReferenceFit;
  sbgHighEnd: SbgReferenceFit;
  sbgMixed: SbgReferenceFit;
  sbgFallingSupremum: { survivors: number[]; theta: number; logLikelihood: number };
  /** [α, β, t, S(t)] */
  sbgSurvival: [number, number, number, number][];
  /** [α, β, t, r(t)] */
  sbgRetentionRate: [number, number, number, number][];
  /** [α, β, H, E[min(T, H)]] */
  sbgRestrictedLifetime: [number, number, number, number][];
  /** [α, β, d, renewals, DERL] */
  sbgDerl: [number, number, number, number, number][];
}

export const reference: RetentionReference = JSON.parse(
  readFileSync(join(repoRoot, 'test', 'retention', 'reference', 'retention-reference.json'), 'utf8'),
) as RetentionReference;

/** |a − b| / |b| (|a| when b = 0). */
export const relativeError = (a: number, b: number): number => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));

/** S(t) as the product of retention rates r(1)…r(t): the defining product, term by term. */
export function survivalByProduct(alpha: number, beta: number, t: number): number {
  let s = 1;
  for (let k = 1; k <= t; k++) s *= (beta + k - 1) / (alpha + beta + k - 1);
  return s;
}
