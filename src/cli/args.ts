/**
 * Command-line arguments: `--flag`, `--flag value` and `--flag=value`, checked against the
 * flags a command knows (an unknown flag is a usage error with the nearest known one).
 */

/** A mistake in the command line: exit code 2, with the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The flags a command accepts: boolean switches or flags taking a value. */
export type FlagSpec = Readonly<Record<string, 'switch' | 'value'>>;

/** Parsed arguments: the flags given (switches as `true`) and the positional arguments. */
export interface ParsedArgs {
  readonly flags: Readonly<Record<string, string | true>>;
  readonly positionals: readonly string[];
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The known flag nearest to `flag`, when it is close enough to be a typo. */
export function nearest(flag: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(flag, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(flag.length / 3)) ? best : undefined;
}

/** Parse `argv` against `spec`; throws {@link UsageError} for unknown flags, missing values and repeats. */
export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] as string;
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg === '-h' ? '--help' : eq > 0 ? arg.slice(0, eq) : arg;
    const kind = spec[flag];
    if (kind === undefined) {
      const guess = nearest(flag, Object.keys(spec));
      throw new UsageError(`unknown option ${flag}${guess === undefined ? '' : ` (did you mean ${guess}?)`}`);
    }
    if (flags[flag] !== undefined) throw new UsageError(`${flag} is given twice`);
    if (kind === 'switch') {
      if (eq > 0) throw new UsageError(`${flag} takes no value`);
      flags[flag] = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++k];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${flag} expects a value`);
    flags[flag] = value;
  }
  return { flags, positionals };
}

/** A `YYYY-MM-DD` flag value as epoch milliseconds of its UTC midnight. */
export function parseDay(flag: string, value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  // Round-trip: 1997-02-30 would roll over to March.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${flag} expects a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return ms;
}
