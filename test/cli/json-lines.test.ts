import { describe, expect, it } from 'vitest';
import { arrayElementLines, jsonErrorLine } from '../../src/cli/json-lines';

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
