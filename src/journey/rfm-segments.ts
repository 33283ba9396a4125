import { forEachValue, isMissing, requireValues } from "../internal/input";
import {
  describeValue,
  fail,
  requireNonNegative,
  requireOneOf,
} from "../internal/validate";
import type { Accessor, Values } from "../models/values";
import { optionKeys, readOptions, requireAccessor } from "../internal/options";

/** An inclusive range of RFM scores, e.g. `[4, 5]`. */
export type RfmScoreRange = readonly [number, number];

/** One row of a segment rule table: a customer whose scores fall in every range gets `segment`. */
export interface RfmSegmentRule {
  /** Segment name given to matching customers. */
  readonly segment: string;
  /** Recency scores covered (5 = most recent). */
  readonly recency: RfmScoreRange;
  /** Frequency scores covered (5 = most frequent). */
  readonly frequency: RfmScoreRange;
  /** Monetary scores covered (5 = highest spend). Default `[1, 5]` (any). */
  readonly monetary?: RfmScoreRange;
}

/**
 * The default segment rules, on recency × frequency (the usual 5 × 5 grid; monetary is
 * reported but not used). The first matching rule wins; together they cover all 25 cells.
 *
 * ```text
 *        F=1              F=2                 F=3                 F=4      F=5
 * R=5    new              potential-loyalist  potential-loyalist  champions champions
 * R=4    promising        potential-loyalist  potential-loyalist  loyal    loyal
 * R=3    about-to-sleep   about-to-sleep      need-attention      loyal    loyal
 * R=2    hibernating      hibernating         at-risk             at-risk  cant-lose
 * R=1    lost             hibernating         at-risk             at-risk  cant-lose
 * ```
 *
 * Source: the recency × frequency segment grid common in marketing practice (e.g. Putler's
 * "RFM analysis" segments), with `lost` (R = F = 1) split from `hibernating`.
 *
 * @example
 * ```ts
 * import { DEFAULT_RFM_SEGMENT_RULES } from 'cx-metrics/journey';
 * DEFAULT_RFM_SEGMENT_RULES[0]; // => { segment: 'champions', recency: [5, 5], frequency: [4, 5] }
 * DEFAULT_RFM_SEGMENT_RULES.length; // => 11
 * ```
 */
export const DEFAULT_RFM_SEGMENT_RULES: readonly RfmSegmentRule[] =
  Object.freeze(
    (
      [
        ["champions", [5, 5], [4, 5]],
        ["loyal", [3, 4], [4, 5]],
        ["cant-lose", [1, 2], [5, 5]],
        ["at-risk", [1, 2], [3, 4]],
        ["potential-loyalist", [4, 5], [2, 3]],
        ["new", [5, 5], [1, 1]],
        ["promising", [4, 4], [1, 1]],
        ["need-attention", [3, 3], [3, 3]],
        ["about-to-sleep", [3, 3], [1, 2]],
        ["lost", [1, 1], [1, 1]],
        ["hibernating", [1, 2], [1, 2]],
      ] as const
    ).map(([segment, recency, frequency]) =>
      Object.freeze({
        segment,
        recency: Object.freeze(recency),
        frequency: Object.freeze(frequency),
      })
    )
  );

/** What a row's recency measures. */
export type RfmRecencyMeaning =
  | "since-last-purchase"
  | "first-to-last-purchase";

/**
 * The documented row of {@link rfmSegments}: a customer summary with these fields (the rows
 * of the CLV domain's `summarizeTransactions` have them). Only on rows of this shape are the
 * fields read without accessors; any other row type needs the accessors, which the types
 * require (see {@link RfmSegmentsOptions}).
 */
export interface RfmRow {
  /** Time since the last purchase, or from the first to the last (see `recencyMeaning`). */
  readonly recency: number | null | undefined;
  /** Purchases (or repeat purchases). */
  readonly frequency: number | null | undefined;
  /** Total or average spend. */
  readonly monetaryValue: number | null | undefined;
  /** The customer's age, first purchase to now (read with `'first-to-last-purchase'`). */
  readonly T?: number | null | undefined;
}

/** The settings and accessors of {@link rfmSegments}; on {@link RfmRow} rows every accessor is optional. */
export interface RfmSegmentsSettings<T> {
  /**
   * What the `recency` field means (required, because the two conventions are opposite):
   * `'since-last-purchase'` — time from the last purchase to now, lower is better (classic
   * RFM); `'first-to-last-purchase'` — time from the first to the last purchase, as in the
   * BG/NBD summaries of the CLV functions; then `T − recency` is used as the time since
   * the last purchase.
   */
  readonly recencyMeaning: RfmRecencyMeaning;
  /** Reads the recency, ≥ 0. Default (on {@link RfmRow} rows): the row's `recency` field. */
  readonly recency?: Accessor<T, number | null | undefined>;
  /** Reads the frequency (purchases or repeat purchases), ≥ 0. Default (on {@link RfmRow} rows): the row's `frequency` field. */
  readonly frequency?: Accessor<T, number | null | undefined>;
  /** Reads the monetary value (total or average spend), ≥ 0. Default (on {@link RfmRow} rows): the row's `monetaryValue` field. */
  readonly monetary?: Accessor<T, number | null | undefined>;
  /** Reads the customer's age T (first purchase to now), used only with `'first-to-last-purchase'`. Default (on {@link RfmRow} rows): the row's `T` field. */
  readonly T?: Accessor<T, number | null | undefined>;
  /** Segment rule table, first match wins. Default {@link DEFAULT_RFM_SEGMENT_RULES}. */
  readonly rules?: readonly RfmSegmentRule[];
}

/**
 * Options of {@link rfmSegments}: on {@link RfmRow} rows every accessor is optional; on any
 * other row type `recency`, `frequency` and `monetary` are required, and `T` too with
 * `recencyMeaning: 'first-to-last-purchase'`.
 */
export type RfmSegmentsOptions<T> = [T] extends [RfmRow | null | undefined]
  ? RfmSegmentsSettings<T>
  :
      | (RfmSegmentsSettings<T> &
          Required<
            Pick<RfmSegmentsSettings<T>, "recency" | "frequency" | "monetary">
          > & {
            /** Without a `T` accessor only `'since-last-purchase'`: `'first-to-last-purchase'` needs it on this row type. */
            readonly recencyMeaning: "since-last-purchase";
          })
      | (RfmSegmentsSettings<T> &
          Required<
            Pick<
              RfmSegmentsSettings<T>,
              "recency" | "frequency" | "monetary" | "T"
            >
          >);

/** One customer's scores. */
export interface RfmSegmentsCustomer {
  /** Position of the row in the input. */
  readonly index: number;
  /** Time since the last purchase (after conversion from first-to-last if asked), in the input's unit. */
  readonly recency: number;
  /** Frequency as read. */
  readonly frequency: number;
  /** Monetary value as read. */
  readonly monetary: number;
  /** Recency score 1–5 (5 = most recent). */
  readonly r: number;
  /** Frequency score 1–5 (5 = most frequent). */
  readonly f: number;
  /** Monetary score 1–5 (5 = highest). */
  readonly m: number;
  /** The three scores as a code, e.g. `'545'`. */
  readonly code: string;
  /** The first matching rule's segment; `undefined` when no rule matches. */
  readonly segment: string | undefined;
}

/** Size of one segment. */
export interface RfmSegmentCount {
  /** Segment name. */
  readonly segment: string;
  /** Customers in it. */
  readonly count: number;
  /** `count / customers scored`; `undefined` when no customer was scored. */
  readonly share: number | undefined;
}

/** What {@link rfmSegments} returns. */
export interface RfmSegmentsResult {
  /** Scored customers, in input order. */
  readonly customers: readonly RfmSegmentsCustomer[];
  /** Rows skipped: `null`/`undefined`, or a missing recency, frequency, monetary value or T. */
  readonly skipped: number;
  /** Every segment of the rule table with its size, in rule order (a name used twice is listed once). */
  readonly segments: readonly RfmSegmentCount[];
  /** Customers no rule matched. */
  readonly unmatched: number;
}

const FN = "rfmSegments";
const OPTION_KEYS = optionKeys<RfmSegmentsSettings<unknown>>({
  recencyMeaning: true,
  recency: true,
  frequency: true,
  monetary: true,
  T: true,
  rules: true,
});

/**
 * RFM segmentation: recency, frequency and monetary scores 1–5 by quintile, the combined
 * code and a named segment from a rule table.
 *
 * Scores are rank-based with ties kept together: sort the customers by the measure (most
 * recent, most frequent, highest spend last); a group of tied customers whose first
 * 0-based position is s out of n gets
 *
 * ```text
 * score = ⌊5 · s / n⌋ + 1
 * ```
 *
 * so without ties each score holds n/5 customers (sizes differ by at most one), and a tie
 * never straddles two scores: it goes to the score of its lowest position, so a score's size
 * differs from n/5 by at most the size of the ties at its edges (many zero frequencies all
 * score 1). The result does not depend on the order of the rows.
 *
 * Source: A. M. Hughes (1994), *Strategic Database Marketing* (quintile RFM scoring);
 * segment names from {@link DEFAULT_RFM_SEGMENT_RULES}.
 *
 * @param summary - One row per customer; `null`/`undefined` rows skipped.
 * @param options - `recencyMeaning` (required), accessors, `rules`; see {@link RfmSegmentsOptions}.
 * @returns Per-customer scores and segment sizes; with nothing scored, no customers and
 *   every segment's `share` `undefined`.
 * @throws CxMetricsError `INVALID_NUMBER`, `NEGATIVE_VALUE` (a negative recency, frequency
 *   or spend), `ORDER_VIOLATION` (first-to-last recency greater than T), `INVALID_OPTION`
 *   (`recencyMeaning`, malformed rules).
 *   `INVALID_INPUT` when `summary` is not an array, a typed array or an iterable; `INVALID_OPTION` for options that are not a plain object or have an unknown key (the nearest documented name is suggested), or an accessor that is not a function.
 *
 * @example
 * ```ts
 * import { rfmSegments } from 'cx-metrics/journey';
 * const rows = [
 *   { recency: 2, frequency: 12, monetaryValue: 900 },
 *   { recency: 5, frequency: 8, monetaryValue: 400 },
 *   { recency: 30, frequency: 5, monetaryValue: 300 },
 *   { recency: 90, frequency: 2, monetaryValue: 50 },
 *   { recency: 200, frequency: 1, monetaryValue: 20 },
 * ];
 * const rfm = rfmSegments(rows, { recencyMeaning: 'since-last-purchase' });
 * rfm.customers.map((c) => c.code); // => ['555', '444', '333', '222', '111']
 * rfm.customers.map((c) => c.segment); // => ['champions', 'loyal', 'need-attention', 'hibernating', 'lost']
 * rfmSegments([{ recency: -1, frequency: 1, monetaryValue: 5 }], { recencyMeaning: 'since-last-purchase' }); // => throws NEGATIVE_VALUE
 * ```
 */
export function rfmSegments<T>(
  summary: Values<T | null | undefined>,
  options: RfmSegmentsOptions<T>
): RfmSegmentsResult {
  requireValues(FN, "summary", summary);
  readOptions(FN, options, OPTION_KEYS);
  const o = options as RfmSegmentsSettings<T>;
  const meaning = requireOneOf(
    FN,
    "recencyMeaning",
    (options as Partial<RfmSegmentsSettings<T>> | undefined)?.recencyMeaning,
    ["since-last-purchase", "first-to-last-purchase"] as const
  );
  const rules = readRules(o.rules ?? DEFAULT_RFM_SEGMENT_RULES);
  const readRecency =
    requireAccessor(FN, "recency", o.recency) ?? field<T>("recency", "recency");
  const readFrequency =
    requireAccessor(FN, "frequency", o.frequency) ??
    field<T>("frequency", "frequency");
  const readMonetary =
    requireAccessor(FN, "monetary", o.monetary) ??
    field<T>("monetaryValue", "monetary");
  const readT = requireAccessor(FN, "T", o.T) ?? field<T>("T", "T");
  const index: number[] = [];
  const recency: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  let skipped = 0;
  forEachValue(summary, (row, i) => {
    if (isMissing(row)) {
      skipped++;
      return;
    }
    const r = readRecency(row, i);
    const f = readFrequency(row, i);
    const m = readMonetary(row, i);
    const age = meaning === "first-to-last-purchase" ? readT(row, i) : 0;
    if (isMissing(r) || isMissing(f) || isMissing(m) || isMissing(age)) {
      skipped++;
      return;
    }
    let since = requireNonNegative(FN, "recency", r, i);
    if (meaning === "first-to-last-purchase") {
      const t = requireNonNegative(FN, "T", age, i);
      if (since > t) {
        throw fail(
          "ORDER_VIOLATION",
          FN,
          `recency ${describeValue(
            since
          )} at index ${i} is greater than T ${describeValue(t)}`,
          { index: i, field: "recency", value: r }
        );
      }
      since = t - since;
    }
    index.push(i);
    recency.push(since);
    frequency.push(requireNonNegative(FN, "frequency", f, i));
    monetary.push(requireNonNegative(FN, "monetary", m, i));
  });
  // Lower recency is better: score its negation so that 5 is the most recent.
  const rScores = quintileScores(recency.map((x) => -x));
  const fScores = quintileScores(frequency);
  const mScores = quintileScores(monetary);
  const names = [...new Set(rules.map((rule) => rule.segment))];
  const sizes = new Map<string, number>(names.map((name) => [name, 0]));
  let unmatched = 0;
  const customers = index.map((rowIndex, k) => {
    const r = rScores[k] as number;
    const f = fScores[k] as number;
    const m = mScores[k] as number;
    const rule = rules.find(
      (x) =>
        within(r, x.recency) &&
        within(f, x.frequency) &&
        (x.monetary === undefined || within(m, x.monetary))
    );
    if (rule === undefined) unmatched++;
    else sizes.set(rule.segment, (sizes.get(rule.segment) ?? 0) + 1);
    return Object.freeze({
      index: rowIndex,
      recency: recency[k] as number,
      frequency: frequency[k] as number,
      monetary: monetary[k] as number,
      r,
      f,
      m,
      code: `${r}${f}${m}`,
      segment: rule?.segment,
    });
  });
  const n = customers.length;
  return Object.freeze({
    customers: Object.freeze(customers),
    skipped,
    segments: Object.freeze(
      names.map((segment) =>
        Object.freeze({
          segment,
          count: sizes.get(segment) ?? 0,
          share: n > 0 ? (sizes.get(segment) ?? 0) / n : undefined,
        })
      )
    ),
    unmatched,
  });
}

/**
 * The default reader of a documented {@link RfmRow} field: its value, or `INVALID_OPTION` when
 * the row has no such field (a row of another shape needs the `accessor` option), or
 * `INVALID_RECORD` when the row is not an object.
 */
function field<T>(
  name: keyof RfmRow,
  accessor: string
): Accessor<T, number | null | undefined> {
  return (d, i) => {
    if (d !== null && typeof d === "object") {
      if (name in d)
        return (d as Record<string, unknown>)[name] as
          | number
          | null
          | undefined;
      throw fail(
        "INVALID_OPTION",
        FN,
        `row at index ${i} has no ${name} field: pass the ${accessor} accessor for rows that are not { recency, frequency, monetaryValue, T }`,
        {
          field: accessor,
          index: i,
        }
      );
    }
    throw fail(
      "INVALID_RECORD",
      FN,
      `row ${describeValue(
        d
      )} at index ${i} is not an object; pass the accessors`,
      { index: i, value: d }
    );
  };
}

function within(score: number, range: RfmScoreRange): boolean {
  return score >= range[0] && score <= range[1];
}

/** Scores 1–5 by quintile of rank, ties to the score of their lowest position (see rfmSegments). */
function quintileScores(values: readonly number[]): Uint8Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (values[a] as number) - (values[b] as number)
  );
  const scores = new Uint8Array(n);
  let start = 0;
  while (start < n) {
    const value = values[order[start] as number] as number;
    let end = start + 1;
    while (end < n && values[order[end] as number] === value) end++;
    const score = Math.floor((5 * start) / n) + 1;
    for (let k = start; k < end; k++) scores[order[k] as number] = score;
    start = end;
  }
  return scores;
}

function readRules(rules: unknown): readonly RfmSegmentRule[] {
  if (!Array.isArray(rules)) {
    throw fail(
      "INVALID_OPTION",
      FN,
      `rules ${describeValue(rules)} is not an array of segment rules`,
      { field: "rules", value: rules }
    );
  }
  rules.forEach((rule: unknown, k) => {
    const r = rule as Partial<RfmSegmentRule> | null;
    const badRange = (range: unknown): boolean =>
      !Array.isArray(range) ||
      range.length !== 2 ||
      !range.every(
        (x) => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= 5
      ) ||
      (range[0] as number) > (range[1] as number);
    if (
      r === null ||
      typeof r !== "object" ||
      typeof r.segment !== "string" ||
      r.segment === "" ||
      badRange(r.recency) ||
      badRange(r.frequency) ||
      (r.monetary !== undefined && badRange(r.monetary))
    ) {
      throw fail(
        "INVALID_OPTION",
        FN,
        `rules[${k}] is not { segment, recency: [min, max], frequency: [min, max], monetary? } with whole scores 1–5, min ≤ max`,
        {
          field: `rules[${k}]`,
          value: rule,
          index: k,
        }
      );
    }
  });
  return rules as readonly RfmSegmentRule[];
}
