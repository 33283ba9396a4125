/**
 * Where a command writes, the JSON envelope every JSON document shares, and errors as text
 * or JSON.
 */
import { CxMetricsError } from '../internal/errors';
import { UsageError } from './args';
import { InputFileError } from './load';

/** Version of the JSON output's shape: bumped on any incompatible change (schema/cx-metrics.schema.json). */
export const SCHEMA_VERSION = 1;

/** Where a command writes. */
export interface Output {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Bold section titles (a terminal that is not told NO_COLOR). */
  readonly styled: boolean;
}

/** Exit codes: 0 success, 1 a gate breached, 2 bad input or usage. */
export const EXIT = { ok: 0, breached: 1, badInput: 2 } as const;

/** JSON with dates as ISO strings, two-space indented, one trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (v instanceof Date ? v.toISOString() : v), 2)}\n`;
}

/** One problem of a JSON error. */
export interface ErrorProblem {
  readonly file: string | null;
  readonly line: number | null;
  readonly field: string | null;
  readonly code: string;
  readonly message: string;
}

/** A JSON error document's `error`. */
export interface ErrorBody {
  readonly code: 'USAGE' | 'INPUT_FILE' | 'DATA';
  readonly message: string;
  readonly problems: readonly ErrorProblem[];
}

/** The error as the JSON `error` body, or `undefined` when it is not an expected error (a bug). */
export function errorBody(error: unknown): ErrorBody | undefined {
  if (error instanceof UsageError) return { code: 'USAGE', message: error.message, problems: [] };
  if (error instanceof InputFileError) {
    return {
      code: 'INPUT_FILE',
      message: error.message,
      problems: error.problems.map((p) => ({ file: error.file, line: p.line ?? null, field: p.field ?? null, code: p.code, message: p.message })),
    };
  }
  if (error instanceof CxMetricsError) {
    const message = `the data cannot be analysed: ${error.message}`;
    return { code: 'DATA', message, problems: [{ file: null, line: null, field: null, code: error.code, message: error.message }] };
  }
  return undefined;
}

/**
 * Report an expected error (usage, input file, data) and return exit code 2; rethrow anything
 * else. In JSON mode the error is the one JSON document on stdout; otherwise text on stderr,
 * followed by the usage for a usage error.
 */
export function reportError(error: unknown, out: Output, json: boolean, usage: string): number {
  const body = errorBody(error);
  if (body === undefined) throw error;
  if (json) out.stdout(toJson({ schemaVersion: SCHEMA_VERSION, kind: 'error', error: body }));
  else if (body.code === 'USAGE') out.stderr(`error: ${body.message}\n\n${usage}`);
  else out.stderr(`error: ${body.message}\n`);
  return EXIT.badInput;
}
