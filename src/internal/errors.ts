/**
 * Every code a {@link CxMetricsError} can carry, for callers that switch on it.
 *
 * | code | thrown when |
 * |---|---|
 * | `INVALID_NUMBER` | a value that must be a finite number is `NaN`, `±Infinity`, a string or another type |
 * | `OUT_OF_RANGE` | a number lies outside its scale or domain (an NPS score of 11, a confidence level of 1.2), a money total overflows a double, a calendar span or cohort table exceeds its documented limit, or a model quantity cannot be computed to its accuracy at the parameters given |
 * | `NOT_AN_INTEGER` | a count or a score on an integer scale has a fractional part |
 * | `NEGATIVE_VALUE` | money, a count, a weight or a duration is negative |
 * | `INVALID_DATE` | an instant is neither a valid `Date` nor finite epoch milliseconds |
 * | `ORDER_VIOLATION` | an end before its start, a recency beyond `T`, survival counts that increase, stages out of order |
 * | `INCONSISTENT_INPUT` | values that are each valid but impossible together (more customers retained than at the start, arrays of different lengths) |
 * | `UNKNOWN_REFERENCE` | a name that is not in the list it must come from (an unknown stage), or an interaction of another customer |
 * | `INVALID_OPTION` | an option that is not one of its documented values; options that are not a plain object; an unknown option key (the message suggests the near miss: `levle` → `level`); an accessor that is not a function (a field name such as `'score'` included: records are read through accessors) |
 * | `INVALID_INPUT` | the data argument itself is not a collection: `null`, `undefined`, a number, a string, a boolean, a function, or an object that is neither iterable nor array-like (nor the counts or state form a function documents) |
 * | `INVALID_RECORD` | a parser found problems in untrusted input (`details.issues` lists every one with its path), or a reducer was handed a malformed state |
 * | `INSUFFICIENT_DATA` | a model cannot be fitted on the data given (too few customers, no repeat purchases) |
 */
export type CxMetricsErrorCode =
  | 'INVALID_NUMBER'
  | 'OUT_OF_RANGE'
  | 'NOT_AN_INTEGER'
  | 'NEGATIVE_VALUE'
  | 'INVALID_DATE'
  | 'ORDER_VIOLATION'
  | 'INCONSISTENT_INPUT'
  | 'UNKNOWN_REFERENCE'
  | 'INVALID_OPTION'
  | 'INVALID_INPUT'
  | 'INVALID_RECORD'
  | 'INSUFFICIENT_DATA';

/** The codes of {@link CxMetricsErrorCode} as a run-time list, in the order documented there. */
export const CX_METRICS_ERROR_CODES: readonly CxMetricsErrorCode[] = Object.freeze([
  'INVALID_NUMBER',
  'OUT_OF_RANGE',
  'NOT_AN_INTEGER',
  'NEGATIVE_VALUE',
  'INVALID_DATE',
  'ORDER_VIOLATION',
  'INCONSISTENT_INPUT',
  'UNKNOWN_REFERENCE',
  'INVALID_OPTION',
  'INVALID_INPUT',
  'INVALID_RECORD',
  'INSUFFICIENT_DATA',
] as const);

/** One problem found in untrusted input: where it is and what is wrong with it. */
export interface CxMetricsIssue {
  /** Path to the offending field, e.g. `interactions[3].score`; `''` for the value itself. */
  readonly path: string;
  /** What was expected and what was found, e.g. `expected an integer 0–10, got "9"`. */
  readonly message: string;
}

/** Structured facts about an error, for logs and programmatic handling. */
export interface CxMetricsErrorDetails {
  /** The public function that rejected its input, e.g. `nps`. */
  readonly function: string;
  /** Position of the offending element in the input, when there is one. */
  readonly index?: number;
  /** The offending value, as received. */
  readonly value?: unknown;
  /** Name of the offending argument, option or field. */
  readonly field?: string;
  /** Every problem found, for parsers (`INVALID_RECORD`). */
  readonly issues?: readonly CxMetricsIssue[];
}

/**
 * The one error type cx-metrics throws for bad input.
 *
 * Switch on {@link CxMetricsError.code}; read {@link CxMetricsError.details} for the function,
 * the offending value and its index. The message names all three:
 * `nps: score 11 at index 3 is outside 0–10`.
 *
 * @example
 * ```ts
 * import { CxMetricsError, nps } from 'cx-metrics';
 * let caught: CxMetricsError | undefined;
 * try {
 *   nps([10, 9, 11]);
 * } catch (error) {
 *   if (error instanceof CxMetricsError) caught = error;
 * }
 * caught?.code; // => 'OUT_OF_RANGE'
 * caught?.details.index; // => 2
 * caught?.message; // => 'nps: score 11 at index 2 is outside 0–10'
 * ```
 */
export class CxMetricsError extends Error {
  // `declare`: assigned in the constructor, so no separate field initialisers are emitted.
  /** What kind of problem this is; stable across releases. */
  declare readonly code: CxMetricsErrorCode;
  /** The function, value, index and (for parsers) every issue found. */
  declare readonly details: CxMetricsErrorDetails;

  constructor(code: CxMetricsErrorCode, message: string, details: CxMetricsErrorDetails) {
    super(message);
    this.name = 'CxMetricsError';
    this.code = code;
    this.details = details;
  }
}
