import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';
import { dateRange, INPUT_FLAGS, inputOptions, loadInput, sampleDir, STAGES } from '../../src/cli/input';
import { InputFileError } from '../../src/cli/load';
import type { Interaction, Journey, Purchase } from '../../src/models';

const dir = mkdtempSync(join(tmpdir(), 'cx-metrics-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (...argv: string[]) => inputOptions(parseArgs(argv, INPUT_FLAGS));

describe('inputOptions', () => {
  it('the sample, or files by kind; stages and the windows', () => {
    expect(options('--sample')).toEqual({ sample: true, files: {} });
    expect(options('--purchases', 'p.csv', '--journeys=j.json', '--stages', 'a, b,c', '--calibration-end', '1997-09-30', '--observation-end', '1998-06-30')).toEqual({
      sample: false,
      files: { purchases: 'p.csv', journeys: 'j.json' },
      stages: ['a', 'b', 'c'],
      calibrationEnd: Date.UTC(1997, 8, 30),
      // The whole last day counts.
      observationEnd: Date.UTC(1998, 5, 30, 23, 59, 59),
    });
  });

  it('usage errors: no data, both the sample and files, bad stages, bad dates', () => {
    expect(() => options()).toThrow(UsageError);
    expect(() => options('--sample', '--purchases', 'p.csv')).toThrow(/either --sample or your own files/);
    expect(() => options('--sample', '--stages', 'a,,b')).toThrow('--stages expects distinct stage names separated by commas');
    expect(() => options('--sample', '--stages', 'a,b,a')).toThrow('--stages expects distinct stage names separated by commas');
    expect(() => options('--sample', '--observation-end', '1998-02-30')).toThrow(UsageError);
  });
});

describe('dateRange', () => {
  it('spans purchases, every instant of a support contact, and journey stages; undefined without dates', () => {
    const purchases = [{ type: 'purchase', customerId: '1', at: Date.UTC(2020, 0, 5), amount: 1, currency: 'USD' }] as Purchase[];
    const interactions = [
      { type: 'support', customerId: '1', at: new Date(Date.UTC(2020, 0, 3)), channel: 'email', firstResponseAt: Date.UTC(2020, 0, 4), resolvedAt: Date.UTC(2020, 1, 1) },
    ] as Interaction[];
    const journeys = [{ customerId: '1', stages: [{ name: 'awareness', enteredAt: Date.UTC(2019, 11, 31), interactions: [] }] }] as unknown as Journey[];
    expect(dateRange(purchases, interactions, journeys)).toEqual({ first: Date.UTC(2019, 11, 31), last: Date.UTC(2020, 1, 1) });
    expect(dateRange(purchases, [], [])).toEqual({ first: Date.UTC(2020, 0, 5), last: Date.UTC(2020, 0, 5) });
    expect(dateRange([], [], [])).toBeUndefined();
  });
});

describe('loadInput', () => {
  it('finds the bundled sample and reads only the kinds asked for, with the paper windows', () => {
    expect(existsSync(join(sampleDir(), 'purchases.csv'))).toBe(true);
    const input = loadInput({ sample: true, files: {} }, ['customers']);
    expect(input.files).toEqual([{ kind: 'customers', file: 'sample/customers.json', records: input.customers.length }]);
    expect(input.customers.length).toBeGreaterThan(0);
    expect(input.purchases).toEqual([]);
    expect(input.sample).toBe(true);
    expect(input.observationEnd).toBe(Date.UTC(1998, 5, 30, 23, 59, 59));
    expect(input.calibrationEnd).toBe(Date.UTC(1997, 8, 30));
    expect(input.stages).toEqual(STAGES);
    expect(input.firstInstant).toBeUndefined();
  });

  it('own files: observation ends at the last instant, no calibration split, purchases among interactions are added', () => {
    const purchases = join(dir, 'p.csv');
    writeFileSync(purchases, 'customer_id,date,amount\n1,2020-01-02,10\n2,2020-01-05,20\n');
    const interactions = join(dir, 'i.json');
    writeFileSync(interactions, JSON.stringify([{ type: 'purchase', customerId: '3', at: '2020-02-01T12:00:00Z', amount: 5, currency: 'USD' }]));
    const input = loadInput({ sample: false, files: { purchases, interactions }, stages: ['x', 'y'] });
    expect(input.files).toEqual([
      { kind: 'purchases', file: purchases, records: 2 },
      { kind: 'interactions', file: interactions, records: 1 },
    ]);
    expect(input.purchases.map((p) => p.customerId)).toEqual(['1', '2', '3']);
    expect(input.firstInstant).toBe(Date.UTC(2020, 0, 2));
    expect(input.observationEnd).toBe(Date.UTC(2020, 1, 1, 12));
    expect(input.calibrationEnd).toBeUndefined();
    expect(input.stages).toEqual(['x', 'y']);
  });

  it('refuses purchases in several currencies', () => {
    const purchases = join(dir, 'money.csv');
    writeFileSync(purchases, 'customer_id,date,amount,currency\n1,2020-01-02,10,USD\n2,2020-01-05,20,EUR\n');
    try {
      loadInput({ sample: false, files: { purchases } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputFileError);
      expect((error as InputFileError).problems).toMatchObject([{ code: 'MIXED_CURRENCIES', field: 'currency', message: expect.stringContaining('2 currencies (EUR, USD)') }]);
    }
  });
});
