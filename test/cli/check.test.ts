import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, parseGates } from '../../src/cli/check';
import { parseInteraction, type Interaction } from '../../src/models';
import { cli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'cx-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** 10 NPS answers: 5 promoters, 3 passives, 2 detractors → NPS 30. */
const answers = [10, 10, 9, 9, 9, 8, 8, 7, 3, 6].map((score, k) => ({ type: 'survey', customerId: `c${k}`, at: '2024-03-05', metric: 'nps', score }));
const csatAnswers = [5, 4, 4, 2].map((score, k) => ({ type: 'survey', customerId: `d${k}`, at: '2024-03-05T10:00:00Z', metric: 'csat', score }));
const interactions: Interaction[] = [...answers, ...csatAnswers].map((a) => parseInteraction(a));
const surveys = file('surveys.ndjson', [...answers, ...csatAnswers].map((a) => JSON.stringify(a)).join('\n'));

describe('gates', () => {
  it('compare the point estimate or an interval bound with the threshold (known values)', () => {
    const results = evaluate(parseGates('nps=30,nps.lower=0,nps.upper=60,csat=0.8'), interactions);
    expect(results.map((r) => [r.name, r.verdict])).toEqual([
      ['nps', 'pass'], // 30 ≥ 30
      ['nps.lower', 'fail'],
      ['nps.upper', 'pass'],
      ['csat', 'fail'], // 3 of 4 satisfied = 0.75 < 0.8
    ]);
    expect(results[0]?.value).toBeCloseTo(30, 12);
    expect(results[3]?.value).toBe(0.75);
    // The bound read is the interval's: the same interval on every nps gate.
    const ci = results[0]?.interval;
    expect(results[1]?.value).toBe(ci?.lower);
    expect(results[2]?.value).toBe(ci?.upper);
    expect(ci?.lower).toBeLessThan(0);
  });

  it('a figure without answers cannot pass: verdict no-data', () => {
    expect(evaluate(parseGates('ces=4'), interactions)[0]).toMatchObject({ verdict: 'no-data', answers: 0, value: undefined });
  });

  it('refuses unknown gates, non-numbers, and thresholds outside the figure range (with a hint for CSAT percentages)', () => {
    expect(() => parseGates('nsp=3')).toThrow('unknown gate "nsp"');
    expect(() => parseGates('nps.median=3')).toThrow('unknown gate');
    expect(() => parseGates('nps=high')).toThrow('must be a number, got "high"');
    expect(() => parseGates('nps')).toThrow('expected name=threshold');
    expect(() => parseGates('nps=150')).toThrow('must lie in -100..100');
    expect(() => parseGates('csat=80')).toThrow('did you mean 0.8?');
  });
});

describe('cx-metrics check', () => {
  it('exit 0 when every gate passes, one line per gate with value, interval, threshold and verdict', () => {
    const result = cli('check', '--interactions', surveys, '--fail-under', 'nps=30,csat=0.7');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^PASS +nps +\+30\.0 +\(95 % interval −?[\d.]+ to \+[\d.]+, 10 answers\) +threshold ≥ \+30\.0$/);
    expect(lines[1]).toMatch(/^PASS +csat +75\.0 % .*threshold ≥ 70\.0 %$/);
    expect(lines[2]).toBe('all 2 gates passed');
  });

  it('exit 1 when a gate is breached', () => {
    const result = cli('check', '--interactions', surveys, '--fail-under', 'nps.lower=20');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL +nps\.lower/);
    expect(result.stdout).toContain('1 of 1 gates did not pass');
  });

  it('exit 2 when a gated figure cannot be computed, for bad usage and for bad files', () => {
    expect(cli('check', '--interactions', surveys, '--fail-under', 'ces=4').code).toBe(2);
    expect(cli('check', '--interactions', surveys).code).toBe(2);
    expect(cli('check', '--interactions', surveys, '--fail-under', 'nps=1,nps=2').stderr).toContain('the gate nps is given twice');
    const bad = cli('check', '--interactions', file('bad.json', '[\n{"type":"survey","customerId":"a","at":"2024-03-05","metric":"nps","score":11}\n]'), '--fail-under', 'nps=0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json:2, field score: expected an integer 0–10, got 11');
  });

  it('reads gates from a thresholds file, and refuses a malformed one', () => {
    const ok = file('gates.json', JSON.stringify({ failUnder: { nps: 10, 'csat.upper': 0.5 } }));
    const result = cli('check', '--interactions', surveys, '--thresholds', ok, '--json');
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { passed: boolean; gates: { gate: string; verdict: string }[] };
    expect(body.passed).toBe(true);
    expect(body.gates.map((g) => g.gate)).toEqual(['nps', 'csat.upper']);
    expect(cli('check', '--interactions', surveys, '--thresholds', file('g2.json', '{"nps": 10}')).code).toBe(2);
    // A JSON string is not a number: the file's "30" is refused, not coerced (only --fail-under text is parsed).
    const quoted = cli('check', '--interactions', surveys, '--thresholds', file('g3.json', '{"failUnder": {"nps": "10"}}'));
    expect(quoted.code).toBe(2);
    expect(quoted.stderr).toContain('the threshold of nps must be a number, got "10"');
  });

  it('mixed scales of one metric cannot be pooled', () => {
    const mixed = file('mixed.json', JSON.stringify([csatAnswers[0], { ...csatAnswers[1], scale: { min: 1, max: 7 } }]));
    const result = cli('check', '--interactions', mixed, '--fail-under', 'csat=0.5');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('different scales');
  });

  it('on the bundled sample: nps=90 fails (exit 1), nps=0 passes (exit 0)', () => {
    expect(cli('check', '--sample', '--fail-under', 'nps=90').code).toBe(1);
    expect(cli('check', '--sample', '--fail-under', 'nps=0').code).toBe(0);
  });
});
