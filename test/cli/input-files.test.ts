import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { run } from '../../src/cli/run';
import { InputFileError, loadCustomers, loadInteractions, loadJourneys, loadPurchases } from '../../src/cli/load';

const dir = mkdtempSync(join(tmpdir(), 'cx-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function report(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(['report', ...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), styled: false }) as number;
  return { code, stdout, stderr };
}

/** The problems an InputFileError lists, or a failure if the loader did not throw one. */
function problems(load: () => unknown): InputFileError['problems'] {
  try {
    load();
  } catch (error) {
    if (error instanceof InputFileError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputFileError');
}

describe('user files: errors name the file, the line and the field', () => {
  it('a purchases CSV with a bad amount and a bad date', () => {
    const path = file('bad-purchases.csv', 'customer_id,date,cds,amount\n1,1997-01-01,2,29.33\n2,1997-01-02,1,abc\n3,1997-02-30,1,10\n');
    const result = report('--purchases', path);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`cannot read ${path}`);
    expect(result.stderr).toContain('bad-purchases.csv:3, field amount: expected a finite number ≥ 0, got "abc"');
    expect(result.stderr).toMatch(/bad-purchases\.csv:4, field date: expected .*got "1997-02-30T00:00:00Z"/);
  });

  it('a negative amount, a fractional cds count, an empty customer id', () => {
    const list = problems(() => loadPurchases(file('p2.csv', 'customer_id,date,cds,amount\n,1997-01-01,2,5\n7,19970101,1.5,-1\n')));
    expect(list).toEqual([
      { code: 'INVALID_RECORD', line: 2, field: 'customer_id', message: expect.stringMatching(/^missing/) },
      { code: 'INVALID_RECORD', line: 3, field: 'amount', message: 'expected a finite number ≥ 0, got -1' },
      { code: 'INVALID_RECORD', line: 3, field: 'cds', message: 'expected a whole number ≥ 0, got 1.5' },
    ]);
  });

  it('a CSV without a required column, or with a short row', () => {
    expect(problems(() => loadPurchases(file('p3.csv', 'customer,date,amount\n1,1997-01-01,3\n')))).toEqual([
      { code: 'MISSING_COLUMN', line: 1, field: 'customer_id', message: 'missing column customer_id (header: customer,date,amount)' },
    ]);
    expect(problems(() => loadPurchases(file('p4.csv', 'customer_id,date,amount\n1,1997-01-01,3\n2,1997-01-01\n')))[0]).toMatchObject({ line: 3 });
  });

  it('a JSON interactions file: the line of the element and the field path', () => {
    const path = file(
      'interactions.json',
      [
        '[',
        '{"type":"survey","customerId":"1","at":"1997-03-01T10:00:00Z","metric":"nps","score":9},',
        '{"type":"survey","customerId":"2","at":"1997-03-01T10:00:00Z","metric":"nps","score":"9"},',
        '{"type":"support","customerId":"3","at":"1997-03-01T10:00:00Z","channel":"fax"}',
        ']',
      ].join('\n'),
    );
    const result = report('--interactions', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('interactions.json:3, field score: expected an integer 0–10, got "9"');
    expect(result.stderr).toMatch(/interactions\.json:4, field channel: expected one of .*got "fax"/);
  });

  it('a JSON syntax error gives its line', () => {
    const list = problems(() => loadInteractions(file('broken.json', '[\n{"type":"visit"},\n{"type": }\n]')));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ line: 3, message: expect.stringMatching(/^not valid JSON/) });
  });

  it('interactions from CSV are checked by the same parser', () => {
    const list = problems(() =>
      loadInteractions(file('i.csv', 'type,customerId,at,metric,score,channel,resolvedOnFirstContact\nsurvey,1,1997-03-01T10:00:00Z,csat,6,,\nsupport,2,1997-03-01T10:00:00Z,,,phone,maybe\n')),
    );
    expect(list).toEqual([
      { code: 'INVALID_RECORD', line: 2, field: 'score', message: 'expected an integer 1–5, got 6' },
      { code: 'INVALID_RECORD', line: 3, field: 'resolvedOnFirstContact', message: 'expected true or false, got "maybe"' },
    ]);
  });

  it('customers and journeys', () => {
    expect(problems(() => loadCustomers(file('c.csv', 'id,acquiredAt,segment\nc1,1997-01-01,smb\nc2,yesterday,\n')))).toEqual([
      { code: 'INVALID_RECORD', line: 3, field: 'acquiredAt', message: expect.stringContaining('got "yesterday"') },
    ]);
    const journeys = file(
      'j.json',
      '[\n{"customerId":"a","stages":[{"name":"awareness","enteredAt":"1997-01-02T00:00:00Z","interactions":[]},{"name":"purchase","enteredAt":"1997-01-01T00:00:00Z","interactions":[]}]}\n]\n',
    );
    expect(problems(() => loadJourneys(journeys))).toEqual([{ code: 'INVALID_RECORD', line: 2, field: 'stages[1].enteredAt', message: expect.stringContaining('no earlier than stages[0].enteredAt') }]);
    expect(problems(() => loadJourneys(file('j.csv', 'customerId\n')))[0]?.message).toContain('JSON');
  });

  it('purchases in several currencies are refused: money cannot be added across them', () => {
    const path = file('fx.csv', 'customer_id,date,amount,currency\n1,2024-01-01,10,USD\n2,2024-01-02,12,EUR\n');
    const result = report('--purchases', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fx.csv, field currency: purchases are in 2 currencies (EUR, USD)');
  });

  it('a missing file, a file of an unknown type, a purchase file holding other interactions', () => {
    expect(report('--purchases', join(dir, 'nope.csv')).stderr).toContain('no such file');
    expect(problems(() => loadPurchases(file('p.txt', '')))[0]?.message).toContain('unknown file type ".txt"');
    expect(problems(() => loadPurchases(file('p.json', '[\n{"type":"visit","customerId":"1","at":0,"touchpoint":"home"}\n]')))).toEqual([
      { code: 'WRONG_RECORD_TYPE', line: 2, field: 'type', message: 'expected a purchase, got a "visit" interaction' },
    ]);
  });
});

describe('user files: a valid subset', () => {
  it('reports only the sections the files have data for', () => {
    const rows = ['customer_id,date,amount'];
    // Five customers, four of them buying again: enough for both models to fit.
    const days = [
      ['a', '2024-01-01', '2024-02-01', '2024-03-05'],
      ['b', '2024-01-03', '2024-01-20'],
      ['c', '2024-01-05'],
      ['d', '2024-01-10', '2024-03-01', '2024-03-20', '2024-04-02'],
      ['e', '2024-02-01', '2024-02-15'],
      ['f', '2024-02-03', '2024-04-20'],
    ];
    days.forEach(([id, ...dates], k) => dates.forEach((d, m) => rows.push(`${id},${d},${10 + 3 * k + m}`)));
    const result = report('--purchases', file('mine.csv', `${rows.join('\n')}\n`), '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const sections = Object.keys((JSON.parse(result.stdout) as { sections: object }).sections);
    expect(sections).toContain('data');
    expect(sections).not.toContain('nps');
    expect(sections).not.toContain('funnel');
    const text = report('--purchases', join(dir, 'mine.csv'));
    expect(text.stdout).not.toContain('Net Promoter Score');
    expect(text.stdout).toContain('purchases, 0 survey answers');
  });

  it('journeys with their own stage names need --stages; without it the error names the function and the stage', () => {
    const journey = (id: string, ...names: string[]) =>
      JSON.stringify({ customerId: id, stages: names.map((name, k) => ({ name, enteredAt: `2024-01-0${k + 1}T00:00:00Z`, interactions: [] })) });
    const path = file('own-journeys.json', `[\n${[journey('a', 'visit'), journey('b', 'visit', 'buy')].join(',\n')}\n]\n`);
    const failed = report('--journeys', path);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^error: the data cannot be analysed: journeyFunnel: .*"visit"/);
    const ok = report('--journeys', path, '--stages', 'visit,buy', '--json');
    expect(ok.stderr).toBe('');
    const funnel = (JSON.parse(ok.stdout) as { sections: { funnel: { stages: { stage: string; reached: number }[] } } }).sections.funnel;
    expect(funnel.stages.map((s) => [s.stage, s.reached])).toEqual([
      ['visit', 2],
      ['buy', 1],
    ]);
    expect(report('--stages', 'a,,b').code).toBe(2);
  });

  it('unknown options and bad dates are usage errors', () => {
    expect(report('--colour').code).toBe(2);
    const bad = report('--sample', '--calibration-end', '30/09/1997');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--calibration-end expects a date YYYY-MM-DD');
    expect(report('--help').stdout).toContain('Usage: cx-metrics report');
    expect(report('--sample', '--calibration-end', '1997-02-30').stderr).toContain('--calibration-end expects a date YYYY-MM-DD, got "1997-02-30"');
    expect(report('--sample', '--purchases', 'x.csv').stderr).toContain('either --sample or your own files');
    expect(report().stderr).toContain('no data: give --sample');
    expect(report('--sampel').stderr).toContain('unknown option --sampel (did you mean --sample?)');
  });
});

describe('user files that are not text', () => {
  function binary(name: string, bytes: number[] | Uint8Array): string {
    const path = join(dir, name);
    writeFileSync(path, Uint8Array.from(bytes));
    return path;
  }
  const text = (s: string): number[] => [...Buffer.from(s, 'utf8')];
  // No control character reaches the terminal: only tab and line feed may appear in the output.
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  it.each([
    ['a PNG header', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 1, 'invalid UTF-8'],
    ['a NUL byte on line 2', [...text('customer_id,date,amount\n1,2024-01-01,'), 0, ...text('5\n')], 2, 'it holds a NUL byte'],
    ['an escape sequence on line 3', [...text('customer_id,date,amount\n1,2024-01-01,5\n'), 0x1b, ...text('[2J,2024-01-02,6\n')], 3, 'it holds control character U+001B'],
    ['a bell', [...text('customer_id,date,amount\n'), 0x07, ...text('\n')], 2, 'control character U+0007'],
    ['Latin-1 text (é as one byte)', [...text('customer_id,date,amount\nRen'), 0xe9, ...text(',2024-01-01,5\n')], 2, 'invalid UTF-8'],
    ['a C1 control (U+009B, a terminal CSI)', [...text('customer_id,date,amount\n'), 0xc2, 0x9b, ...text('\n')], 2, 'control character U+009B'],
  ])('%s: says the file is not text, with its name and line, without echoing its bytes', (_what, bytes, line, why) => {
    const path = binary('upload.csv', bytes);
    const result = report('--purchases', path);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`cannot read ${path}`);
    expect(result.stderr).toContain(`upload.csv:${line}: not a text (CSV or JSON) file: `);
    expect(result.stderr).toContain(why);
    expect(result.stderr).not.toMatch(CONTROL);
  });

  it('every loader checks: a JSON file of interactions, customers or journeys too', () => {
    const path = binary('blob.json', [0x5b, 0x00, 0x5d]);
    for (const load of [loadInteractions, loadCustomers, loadJourneys, loadPurchases]) {
      expect(problems(() => load(path))).toEqual([{ code: 'NOT_TEXT', line: 1, field: undefined, message: 'not a text (CSV or JSON) file: it holds a NUL byte' }]);
    }
  });

  it('tabs, carriage returns, a byte-order mark and non-ASCII UTF-8 are text', () => {
    const path = binary('ok.csv', [0xef, 0xbb, 0xbf, ...text('customer_id,date,amount\r\n"Zoë\t1",2024-01-01,5\r\n')]);
    expect(loadPurchases(path)).toHaveLength(1);
  });
});

describe('user files: customers only', () => {
  it('says there are no purchases instead of "0 buying customers … data up to 1970-01-01"', () => {
    const path = file('only-customers.csv', 'id,acquiredAt,segment\nc1,2024-01-01,smb\nc2,2024-02-01,\n');
    const result = report('--customers', path);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('1970');
    expect(result.stdout).not.toContain('0 buying customers');
    expect(result.stdout).toContain('2 distinct customers. 2 customer records, no purchases, 0 survey answers, 0 support contacts, 0 journeys; no dated records, so no period to report on.');
    expect(result.stdout).toContain('No purchases: the retention, survival, CLV and RFM sections need them.');
    const json = JSON.parse(report('--customers', path, '--json').stdout) as { sections: { data: Record<string, unknown> } };
    expect(json.sections.data).toMatchObject({ customers: 2, buyers: 0, purchases: 0 });
    expect(json.sections.data.observationEnd).toBeUndefined();
  });
});
