/**
 * `--engine`: reading the flag, and bad purchase files through DuckDB reported as the memory
 * engine reports them (exit 2, JSON `INPUT_FILE` with the field), by count and example.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliAsync } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'cx-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
      [write('records.csv', 'customer_id,date,amount\nc1,2024-01-01,10\nc2,2024-01-02,ten\nc3,2024-01-03,-1\n,2024-01-01,10\nc4,2024-02-30,10\nc5,2024-01-02T10:00:00,1\n'), 'amount', '2 records without a finite amount ≥ 0 (for example \\"ten\\")'],
      [write('columns.csv', 'customer,date,amount\nc1,2024-01-01,10\n'), 'customer_id', 'missing column customer_id'],
      [write('money.csv', 'customer_id,date,amount,currency\nc1,2024-01-01,10,USD\nc2,2024-01-01,10,EUR\n'), 'currency', 'purchases are in 2 currencies (EUR, USD)'],
      [write('orders.json', '[]'), 'null', 'reads .csv or .parquet purchase files'],
    ];
    const records = await cliAsync('fit', 'bg-nbd', '--purchases', join(dir, 'records.csv'), '--engine', 'duckdb');
    // Every kind of problem is listed, each with its count.
    expect(records.stdout).toContain('"field": "customer_id"');
    expect(records.stdout).toContain('1 record without a customer id');
    expect(records.stdout).toContain('"field": "date"');
    expect(records.stdout).toContain('2 records without a valid date');
    for (const [file, field, message] of cases) {
      const result = await cliAsync('fit', 'bg-nbd', '--purchases', file, '--engine', 'duckdb');
      expect(result.code, file).toBe(2);
      expect(result.stdout, file).toContain('"code": "INPUT_FILE"');
      expect(result.stdout, file).toContain(`"field": ${field === 'null' ? 'null' : `"${field}"`}`);
      expect(result.stdout, file).toContain(message);
    }
    // A ragged row far into the file: DuckDB finds it while scanning, and names its line.
    const rows = Array.from({ length: 3000 }, (_, i) => `c${i},2024-01-0${(i % 9) + 1},5`);
    const ragged = write('ragged.csv', `customer_id,date,amount\n${rows.join('\n')}\nc9,2024-01-02,5,7\n`);
    const syntax = await cliAsync('fit', 'bg-nbd', '--purchases', ragged, '--engine', 'duckdb');
    expect(syntax.code).toBe(2);
    expect(syntax.stdout).toContain('"code": "CSV_SYNTAX"');
    expect(syntax.stdout).toContain('Line: 3002');
    const missing = await cliAsync('report', '--purchases', join(dir, 'nope.csv'), '--engine', 'duckdb');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  }, 60_000);
});
