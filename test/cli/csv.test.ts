import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvField, parseCsv } from '../../src/cli/csv';

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
