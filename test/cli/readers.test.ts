import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvField, parseCsv } from '../../src/cli/csv';
import { arrayElementLines, jsonErrorLine } from '../../src/cli/json-lines';

describe('parseCsv', () => {
  it('reads a header and records with the line each starts on, CRLF or LF, blank lines skipped', () => {
    const table = parseCsv('a,b\r\n1,2\r\n\r\n3, 4 \r\n');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.records).toEqual([
      { line: 2, fields: { a: '1', b: '2' } },
      { line: 4, fields: { a: '3', b: '4' } },
    ]);
  });

  it('handles quoted fields with commas, doubled quotes and line breaks (RFC 4180)', () => {
    const table = parseCsv('id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,x\n');
    expect(table.records.map((r) => r.fields.note)).toEqual(['a, b', 'say "hi"', 'two\nlines', 'x']);
    expect(table.records.map((r) => r.line)).toEqual([2, 3, 4, 6]);
  });

  it('rejects a short row and an unclosed quote, with the line', () => {
    expect(() => parseCsv('a,b\n1\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,2\n3,"open\n');
    } catch (error) {
      expect(error).toMatchObject({ line: 3, message: 'a quoted field is not closed' });
    }
    expect.assertions(2);
  });

  it('quotes only what needs quoting, and round-trips', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'x\ny', 42];
    const text = `v\n${values.map(csvField).join('\n')}\n`;
    expect(csvField('plain')).toBe('plain');
    expect(parseCsv(text).records.map((r) => r.fields.v)).toEqual(values.map(String));
  });
});

describe('arrayElementLines', () => {
  it('gives the line each top-level element starts on, ignoring brackets and commas inside strings', () => {
    const text = '[\n{"a":"[x, y]"},\n  {"b":[1,\n2]},\n"\\"],[",\n3\n]';
    expect(arrayElementLines(text)).toEqual([2, 3, 5, 6]);
    expect(arrayElementLines('[1, 2, 3]')).toEqual([1, 1, 1]);
    expect(arrayElementLines('[]')).toEqual([]);
    expect(arrayElementLines('{"a": 1}')).toEqual([]);
  });
});

describe('jsonErrorLine', () => {
  it('finds the line of the first syntax error', () => {
    for (const [text, line] of [
      ['[\n{"a": 1},\n{"b": }\n]', 3],
      ['[\n1,\n2,\n]', 4],
      ['[\n"unterminated\n]', 2],
      ['[1]\n\nx', 3],
      ['{\n"a": tru\n}', 2],
    ] as const) {
      expect(() => JSON.parse(text)).toThrow();
      expect(jsonErrorLine(text), text).toBe(line);
    }
  });
});
