import { describe, expect, it } from 'vitest';
import { CxMetricsError } from '../../src/internal/errors';
import { forEachRecord, isCollection, requireValues } from '../../src/internal/input';
import { isPlainObject, nearestName, readOptions, refuseExtraArguments, refuseOptions, requireAccessor, requireAccessorGiven, requireFlag } from '../../src/internal/options';
import { describeValue } from '../../src/internal/validate';
import { thrownBy } from '../support/error-code';

function caught(run: () => unknown): CxMetricsError {
  const error = thrownBy(run);
  if (!(error instanceof CxMetricsError)) throw new Error(`expected a CxMetricsError, got ${String(error)}`);
  return error;
}

describe('the input gate', () => {

  it('suggests only near misses', () => {
    expect(nearestName('levle', ['level', 'method'])).toBe('level');
    expect(nearestName('acessor', ['accessor', 'weight'])).toBe('accessor');
    expect(nearestName('metod', ['level', 'method'])).toBe('method');
    expect(nearestName('x', ['T'])).toBeUndefined();
    expect(nearestName('colour', ['level', 'method'])).toBeUndefined();
    expect(nearestName('LEVLE', ['level'])).toBe('level');
    // One character missing, extra, wrong, or two adjacent ones swapped.
    expect(nearestName('weigth', ['accessor', 'weight'])).toBe('weight');
    expect(nearestName('accessorr', ['accessor'])).toBe('accessor');
    expect(nearestName('levek', ['level'])).toBe('level');
    expect(nearestName('zzUnknownKey', ['accessor', 'weight', 'level', 'method', 'minimumSize'])).toBeUndefined();
    // Two-letter names: a shared single letter is no near miss.
    expect(nearestName('ab', ['ac', 'ba'])).toBeUndefined();
    expect(nearestName('xy', ['xyz'])).toBe('xyz');
  });

  it('tells plain objects from everything else', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    for (const v of [null, undefined, 1, 'x', [], new Date(0), new Map(), () => ({}), new (class A {})()]) expect(isPlainObject(v)).toBe(false);
  });

  it('reads options: undefined gives every default, unknown keys and non-objects are rejected', () => {
    expect(readOptions('f', undefined, ['level'])).toEqual({});
    const o = { level: 0.9 };
    expect(readOptions('f', o, ['level'])).toBe(o);
    const typo = caught(() => readOptions('f', { levle: 0.9 }, ['level', 'method']));
    expect([typo.code, typo.message, typo.details.field]).toEqual(['INVALID_OPTION', 'f: option "levle" is not known; did you mean "level"?', 'levle']);
    expect(caught(() => readOptions('f', { colour: 1 }, ['level', 'method'])).message).toBe(
      'f: option "colour" is not known (known options: level, method)',
    );
    for (const bad of [null, 5, 'x', [], () => ({}), new Date(0)]) {
      const e = caught(() => readOptions('f', bad as object, ['level']));
      expect([e.code, e.details.field]).toEqual(['INVALID_OPTION', 'options']);
      expect(e.message).toBe(`f: options ${describeValue(bad)} must be a plain object such as { level: … }`);
    }
  });

  it('checks accessors: functions pass, a field name is told to use an accessor', () => {
    const read = (d: { f: number }) => d.f;
    expect(requireAccessor('f', 'accessor', read)).toBe(read);
    expect(requireAccessor('f', 'accessor', undefined)).toBeUndefined();
    expect(caught(() => requireAccessor('fitX', 'frequency', 'f')).message).toBe(
      'fitX: frequency "f" must be a function such as (d) => d.f; records are read through accessors, never by field name',
    );
    expect(caught(() => requireAccessor('fitX', 'frequency', 'my field')).message).toContain('"my field" must be a function such as (d) => d.');
    const e = caught(() => requireAccessor('fitX', 'frequency', 5));
    expect([e.code, e.message, e.details.field]).toEqual(['INVALID_OPTION', 'fitX: frequency 5 must be a function such as (d) => d.frequency', 'frequency']);
    expect(caught(() => requireAccessorGiven('fitX', 'stage', undefined)).message).toBe('fitX: stage is required: a function such as (d) => d.stage');
  });

  it('accepts collections only as data, with one code', () => {
    for (const ok of [[], new Float64Array(2), new Set([1]), (function* () {})(), { length: 2, 0: 1, 1: 2 }]) expect(isCollection(ok)).toBe(true);
    for (const bad of [null, undefined, 5, 'abc', true, {}, { length: -1 }, { length: 1.5 }, () => [], Symbol('s'), 5n]) {
      expect(isCollection(bad)).toBe(false);
      const e = caught(() => requireValues('nps', 'values', bad));
      expect([e.code, e.message, e.details.field]).toEqual([
        'INVALID_INPUT',
        `nps: values ${describeValue(bad)} must be an array, a typed array or an iterable`,
        'values',
      ]);
    }
  });

  it('skips and counts null records before the visitor sees them', () => {
    const seen: [unknown, number][] = [];
    const skipped = forEachRecord([null, { a: 1 }, undefined, { a: 2 }], (d, i) => seen.push([d, i]));
    expect(skipped).toBe(2);
    expect(seen).toEqual([
      [{ a: 1 }, 1],
      [{ a: 2 }, 3],
    ]);
  });

  it('describes bigints, symbols and functions without throwing', () => {
    expect(describeValue(9n)).toBe('9n');
    expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
    expect(describeValue(() => 1)).toBe('a function');
  });
});

describe('requireFlag', () => {
  it('reads undefined as false and accepts booleans only', () => {
    expect(requireFlag('f', 'flag', undefined)).toBe(false);
    expect(requireFlag('f', 'flag', false)).toBe(false);
    expect(requireFlag('f', 'flag', true)).toBe(true);
    for (const bad of [1, 0, 'true', null, {}]) {
      const error = thrownBy(() => requireFlag('f', 'flag', bad));
      expect(error).toBeInstanceOf(CxMetricsError);
      expect((error as CxMetricsError).code).toBe('INVALID_OPTION');
      expect((error as CxMetricsError).message).toMatch(/^f: flag .* must be true or false$/);
    }
  });
});

describe('refuseExtraArguments', () => {
  it('accepts no extra arguments and trailing undefined ones', () => {
    expect(() => refuseExtraArguments('f', 'm.f', 1, [], 'call f(x, options)')).not.toThrow();
    expect(() => refuseExtraArguments('f', 'm.f', 1, [undefined, undefined], 'call f(x, options)')).not.toThrow();
  });
  it('refuses the first extra argument that is not undefined, naming the method, its position and the hint', () => {
    for (const [extra, shown, position] of [
      [[{ maxIterations: 5 }], 'an object', 2],
      [[undefined, 0], '0', 3],
      [[Symbol('s')], 'Symbol(s)', 2],
      [[null], 'null', 2],
    ] as const) {
      const error = thrownBy(() => refuseExtraArguments('f', 'm.f', 1, extra, 'call f(x, options)'));
      expect(error).toBeInstanceOf(CxMetricsError);
      expect((error as CxMetricsError).code).toBe('INVALID_OPTION');
      expect((error as CxMetricsError).message).toBe(`f: m.f takes 1 argument; argument ${position} (${shown}) would be ignored: call f(x, options)`);
    }
    expect((thrownBy(() => refuseExtraArguments('g', 'm.g', 2, [1], 'h')) as Error).message).toBe('g: m.g takes 2 arguments; argument 3 (1) would be ignored: h');
  });
});

describe('refuseOptions (a function without options)', () => {
  it('passes undefined and an empty object, and says the function takes no options otherwise', () => {
    expect(refuseOptions('f', undefined)).toBeUndefined();
    expect(refuseOptions('f', {})).toBeUndefined();
    const error = caught(() => refuseOptions('f', 5));
    expect([error.code, error.message, error.details.field]).toEqual(['INVALID_OPTION', 'f: options 5 must be undefined', 'options']);
    const key = caught(() => refuseOptions('f', { a: 1 }));
    expect([key.code, key.message, key.details.field, key.details.value]).toEqual(['INVALID_OPTION', 'f: option "a" is not known; f takes no options', 'a', 1]);
    for (const bad of [null, 'x', [], () => ({}), new Date(0)]) expect(caught(() => refuseOptions('f', bad)).message).toBe(`f: options ${describeValue(bad)} must be undefined`);
  });
});
