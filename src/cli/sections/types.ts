import type { Customer, Interaction, Journey, Purchase } from '../../models/index';

/** One file read: its kind, its name as given (or `sample/…`) and how many records it held. */
export interface FileSummary {
  readonly kind: 'purchases' | 'interactions' | 'customers' | 'journeys';
  readonly file: string;
  readonly records: number;
}

/** Everything the report reads, already validated. */
export interface ReportInput {
  /** The files read, in the order purchases, interactions, customers, journeys. */
  readonly files: readonly FileSummary[];
  /** Whether the data is the bundled sample. */
  readonly sample: boolean;
  /** The earliest instant anywhere in the data (epoch ms), `undefined` without dated records. */
  readonly firstInstant: number | undefined;
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
