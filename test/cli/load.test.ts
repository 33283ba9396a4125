import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputFileError, loadCustomers, loadInteractions, loadJourneys, loadPurchases, notText, type InputProblem } from '../../src/cli/load';

const dir = mkdtempSync(join(tmpdir(), 'cx-metrics-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The problems of the InputFileError `f` throws (fails when it throws nothing else). */
function problems(f: () => unknown): readonly InputProblem[] {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(InputFileError);
    return (error as InputFileError).problems;
  }
  throw new Error('expected an InputFileError');
}

const ms = (at: Date | number): number => (typeof at === 'number' ? at : at.getTime());

describe('loadPurchases', () => {
  it('reads a CSV: three date formats, cds as items, default currency USD', () => {
    const p = loadPurchases(file('p.csv', 'customer_id,date,amount,cds\n1,1997-01-01,29.33,2\n1,19970118,29.73,2\n2,1997-03-02T10:30:00Z,14.96,1\n'));
    expect(p.map((x) => [x.type, x.customerId, ms(x.at), x.amount, x.currency, x.items])).toEqual([
      ['purchase', '1', Date.UTC(1997, 0, 1), 29.33, 'USD', 2],
      ['purchase', '1', Date.UTC(1997, 0, 18), 29.73, 'USD', 2],
      ['purchase', '2', Date.UTC(1997, 2, 2, 10, 30), 14.96, 'USD', 1],
    ]);
  });

  it('names the file, the line and the CSV column of every bad record', () => {
    const path = file('bad.csv', 'customer_id,date,amount,currency\n1,1997-01-01,12abc,EUR\n2,not-a-date,3,EUR\n,1997-01-02,-4,EUR\n');
    const found = problems(() => loadPurchases(path));
    expect(found.every((p) => p.code === 'INVALID_RECORD')).toBe(true);
    expect(found.map((p) => [p.line, p.field])).toEqual(expect.arrayContaining([[2, 'amount'], [3, 'date'], [4, 'customer_id'], [4, 'amount']]));
    expect(() => loadPurchases(path)).toThrow(/^cannot read .*bad\.csv:\n {2}bad\.csv:2, field amount: /);
  });

  it('a missing column, a short row, and a JSON file of other interactions', () => {
    expect(problems(() => loadPurchases(file('nocol.csv', 'customer_id,amount\n1,2\n')))).toEqual([
      { code: 'MISSING_COLUMN', line: 1, field: 'date', message: 'missing column date (header: customer_id,amount)' },
    ]);
    expect(problems(() => loadPurchases(file('short.csv', 'customer_id,date,amount\n1,1997-01-01\n')))).toMatchObject([{ code: 'CSV_SYNTAX', line: 2 }]);
    const visit = file('visits.json', '[\n{"type":"visit","customerId":"1","at":"1997-01-01T00:00:00Z","touchpoint":"web"}\n]');
    expect(problems(() => loadPurchases(visit))).toEqual([{ code: 'WRONG_RECORD_TYPE', line: 2, field: 'type', message: 'expected a purchase, got a "visit" interaction' }]);
  });
});

describe('loadInteractions', () => {
  it('reads JSON, NDJSON and CSV alike', () => {
    const record = { type: 'survey', customerId: '7', at: '1997-01-01T08:00:00Z', touchpoint: 'checkout', channel: 'web', metric: 'nps', score: 9 };
    const fromJson = loadInteractions(file('i.json', JSON.stringify([record], null, 1)));
    const fromNdjson = loadInteractions(file('i.ndjson', `\n${JSON.stringify(record)}\n`));
    const fromCsv = loadInteractions(file('i.csv', 'type,customerId,at,touchpoint,channel,metric,score\nsurvey,7,1997-01-01T08:00:00Z,checkout,web,nps,9\n'));
    for (const list of [fromJson, fromNdjson, fromCsv]) {
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ type: 'survey', customerId: '7', metric: 'nps', score: 9, touchpoint: 'checkout', channel: 'web' });
    }
  });

  it('JSON: the line of the bad element and the field path; syntax errors and non-arrays', () => {
    const bad = file('bad.json', '[\n{"type":"survey","customerId":"1","at":"1997-01-01T00:00:00Z","metric":"nps","score":9},\n{"type":"survey","customerId":"2","at":"1997-01-01T00:00:00Z","metric":"nps","score":11}\n]');
    expect(problems(() => loadInteractions(bad))).toMatchObject([{ code: 'INVALID_RECORD', line: 3, field: 'score' }]);
    expect(problems(() => loadInteractions(file('syntax.json', '[\n{"a": 1},\n{"b": }\n]')))).toMatchObject([{ code: 'JSON_SYNTAX', line: 3 }]);
    expect(problems(() => loadInteractions(file('obj.json', '{"a": 1}')))).toMatchObject([{ code: 'NOT_AN_ARRAY', line: 1 }]);
    expect(problems(() => loadInteractions(file('bad.ndjson', '{"a": 1}\n{oops}\n')))).toMatchObject([{ code: 'JSON_SYNTAX', line: 2 }]);
  });

  it('a missing file, an unknown extension and a binary file', () => {
    expect(problems(() => loadInteractions(join(dir, 'absent.json')))).toEqual([{ code: 'FILE_NOT_FOUND', line: undefined, field: undefined, message: 'no such file' }]);
    expect(problems(() => loadInteractions(file('i.xlsx', 'x')))).toMatchObject([{ code: 'UNKNOWN_FILE_TYPE' }]);
    expect(problems(() => loadInteractions(file('nul.json', '[\n1\0]')))).toMatchObject([{ code: 'NOT_TEXT', line: 2 }]);
  });
});

describe('loadCustomers and loadJourneys', () => {
  it('customers from CSV (dates as days) and from JSON', () => {
    const csv = loadCustomers(file('c.csv', 'id,acquiredAt,segment\na,1997-01-05,gold\nb,,\n'));
    expect(csv).toHaveLength(2);
    expect(csv[0]).toMatchObject({ id: 'a', segment: 'gold' });
    expect(ms(csv[0]?.acquiredAt as Date)).toBe(Date.UTC(1997, 0, 5));
    expect(csv[1]?.segment).toBeUndefined();
    expect(loadCustomers(file('c.json', '[{"id":"z"}]'))).toMatchObject([{ id: 'z' }]);
    expect(problems(() => loadCustomers(file('noid.csv', 'segment\ngold\n')))).toMatchObject([{ code: 'MISSING_COLUMN', field: 'id' }]);
  });

  it('journeys from JSON; a CSV of journeys is refused', () => {
    const journeys = loadJourneys(file('j.json', JSON.stringify([{ customerId: '1', stages: [{ name: 'awareness', enteredAt: '1997-01-01T00:00:00Z', interactions: [] }] }])));
    expect(journeys).toHaveLength(1);
    expect(journeys[0]?.stages.map((s) => s.name)).toEqual(['awareness']);
    expect(problems(() => loadJourneys(file('j.csv', 'customerId\n1\n')))).toMatchObject([{ code: 'UNKNOWN_FILE_TYPE', message: 'journeys are nested records: use a JSON array or NDJSON' }]);
  });
});

describe('InputFileError', () => {
  it('shows ten problems and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, k) => ({ code: 'INVALID_RECORD' as const, line: k + 2, field: 'amount', message: 'bad' }));
    const error = new InputFileError('/data/p.csv', many);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('cannot read /data/p.csv:');
    expect(lines[1]).toBe('  p.csv:2, field amount: bad');
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('  … and 2 more');
  });
});

describe('notText', () => {
  const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
  it('accepts UTF-8 text with tabs, CR, form feeds, a BOM and non-ASCII letters', () => {
    expect(notText(bytes('\uFEFFa\tb\r\nc\fé€😀\n'))).toBeUndefined();
    expect(notText(new Uint8Array())).toBeUndefined();
  });

  it('names the line and the kind: NUL, control characters, DEL, C1, invalid UTF-8', () => {
    expect(notText(bytes('a\nb\n\0'))).toEqual({ line: 3, what: 'it holds a NUL byte' });
    expect(notText(bytes('\u001b[31m'))).toEqual({ line: 1, what: 'it holds control character U+001B' });
    expect(notText(bytes('x\n\u007f'))).toEqual({ line: 2, what: 'it holds control character U+007F' });
    expect(notText(bytes('\u0085'))).toEqual({ line: 1, what: 'it holds control character U+0085' });
    expect(notText(new Uint8Array([0x61, 0x0a, 0x0a, 0xff, 0xfe]))).toMatchObject({ line: 3, what: expect.stringMatching(/^invalid UTF-8/) });
  });
});
