import type { Customer, Interaction, Journey, Purchase } from '../../src/models/index';

/** Everything the report reads, already validated. */
export interface ReportInput {
  readonly purchases: readonly Purchase[];
  /** Survey answers, support contacts, visits (and purchases, which the sections ignore here). */
  readonly interactions: readonly Interaction[];
  readonly customers: readonly Customer[];
  readonly journeys: readonly Journey[];
  /** End of observation, epoch ms: the last instant the data covers. */
  readonly observationEnd: number;
  /** End of the calibration window for the CLV models, epoch ms; `undefined` to fit on everything. */
  readonly calibrationEnd: number | undefined;
  /** The journeys' stage names in funnel order. */
  readonly stages: readonly string[];
}

/** One section of the report: its text lines and the same content as plain data for `--json`. */
export interface Section {
  /** Key of the section in the JSON output. */
  readonly id: string;
  readonly title: string;
  readonly lines: readonly string[];
  readonly data: unknown;
}
