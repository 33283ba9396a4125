import type { Accessor } from '../models/values';

/** A plain answer: a score, or `null`/`undefined` for no answer. */
export type PlainScore = number | null | undefined;

/**
 * The options of a survey calculator reading elements of type `T`: as given for plain scores
 * (numbers, `null`/`undefined`, typed arrays); for any other element type, they must carry an
 * `accessor` that reads the score. So `nps(['9'])` and `nps([{ s: 9 }])` do not type-check,
 * while `nps([{ s: 9 }], { accessor: (r) => r.s })` does.
 */
export type WithScoreAccessor<T, O> = [T] extends [PlainScore]
  ? O
  : O & {
      /** Reads the score of a record (required for records). `null`/`undefined` = no answer. */
      readonly accessor: Accessor<T, PlainScore>;
    };

/**
 * The trailing options argument of a survey calculator reading `T`: optional for plain scores,
 * required (with an `accessor`) for records. See {@link WithScoreAccessor}.
 */
export type ScoreOptionsArgument<T, O> = [T] extends [PlainScore] ? [options?: O] : [options: WithScoreAccessor<T, O>];
