import { describe, expect, it } from 'vitest';
import { nearest, parseArgs, parseDay, UsageError, type FlagSpec } from '../../src/cli/args';

const SPEC: FlagSpec = { '--json': 'switch', '--help': 'switch', '--purchases': 'value', '--stages': 'value' };

describe('parseArgs', () => {
  it('reads switches, `--flag value`, `--flag=value`, `-h` and positionals in order', () => {
    expect(parseArgs(['nps=30', '--json', '--purchases', 'a.csv', '--stages=x,y', '-', '-h'], SPEC)).toEqual({
      flags: { '--json': true, '--purchases': 'a.csv', '--stages': 'x,y', '--help': true },
      positionals: ['nps=30', '-'],
    });
    expect(parseArgs([], SPEC)).toEqual({ flags: {}, positionals: [] });
  });

  it('a value may contain "=" after the first', () => {
    expect(parseArgs(['--stages=a=b'], SPEC).flags['--stages']).toBe('a=b');
  });

  it('rejects an unknown flag with the nearest known one, or without a guess when none is close', () => {
    expect(() => parseArgs(['--purchase', 'a.csv'], SPEC)).toThrow(new UsageError('unknown option --purchase (did you mean --purchases?)'));
    expect(() => parseArgs(['--zzzzzzzzzzzz'], SPEC)).toThrow(new UsageError('unknown option --zzzzzzzzzzzz'));
  });

  it('rejects a repeated flag, a value on a switch and a missing or empty value', () => {
    const usage = (argv: string[]): string => {
      try {
        parseArgs(argv, SPEC);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    expect(usage(['--json', '--json'])).toBe('--json is given twice');
    expect(usage(['--json=yes'])).toBe('--json takes no value');
    expect(usage(['--purchases'])).toBe('--purchases expects a value');
    expect(usage(['--purchases='])).toBe('--purchases expects a value');
    expect(usage(['--purchases', '--json'])).toBe('--purchases expects a value');
  });
});

describe('nearest', () => {
  it('suggests the closest name within the typo distance, else nothing', () => {
    expect(nearest('reprot', ['report', 'check', 'fit'])).toBe('report');
    expect(nearest('chek', ['report', 'check', 'fit'])).toBe('check');
    expect(nearest('deploy-everything', ['report', 'check', 'fit'])).toBeUndefined();
    expect(nearest('x', [])).toBeUndefined();
  });
});

describe('parseDay', () => {
  it('gives UTC midnight of a valid day', () => {
    expect(parseDay('--observation-end', '1998-06-30')).toBe(Date.UTC(1998, 5, 30));
    expect(parseDay('--x', '2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });

  it('rejects other formats and days that do not exist, naming the flag', () => {
    for (const bad of ['1997-02-30', '2023-02-29', '1998-6-30', '19980630', '1998-06-30T00:00:00Z', '', 'yesterday']) {
      expect(() => parseDay('--calibration-end', bad), bad).toThrow(new UsageError(`--calibration-end expects a date YYYY-MM-DD, got ${JSON.stringify(bad)}`));
    }
  });
});
