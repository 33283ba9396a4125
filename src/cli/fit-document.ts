/**
 * The JSON document of `cx-metrics fit`, the same whichever engine aggregated the purchases.
 */
import { day } from './format';
import { SCHEMA_VERSION, toJson } from './output';
import type { FileSummary } from './sections/types';

/** A fit's diagnostics as the JSON output shows them. */
export interface FitDiagnostics {
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly method: string;
  readonly message: string;
  readonly standardErrors: unknown;
  readonly n: number;
}

/** What the JSON document of a fit holds, whichever engine aggregated the purchases. */
export interface FitResult {
  readonly model: string;
  readonly files: readonly FileSummary[];
  readonly customers: number;
  readonly repeatCustomers: number;
  readonly calibrationEnd: number | undefined;
  readonly observationEnd: number;
  readonly parameters: Readonly<Record<string, number>>;
  readonly fit: FitDiagnostics;
  readonly validation: Record<string, number | string> | null;
}

/** The JSON document `cx-metrics fit` prints. */
export function fitDocument(r: FitResult): string {
  const { logLikelihood, iterations, converged, method, message, standardErrors, n } = r.fit;
  const validation = r.validation;
  return toJson({
    schemaVersion: SCHEMA_VERSION,
    kind: 'fit',
    model: r.model,
    timeUnit: 'week',
    data: {
      files: r.files,
      customers: r.customers,
      repeatCustomers: r.repeatCustomers,
      calibrationEnd: r.calibrationEnd === undefined ? null : day(r.calibrationEnd),
      observationEnd: day(r.observationEnd),
    },
    parameters: r.parameters,
    diagnostics: { logLikelihood, iterations, converged, method, message, standardErrors: standardErrors ?? null, n },
    validation: validation === null || Number.isNaN(validation.relativeError) ? (validation === null ? null : { ...validation, relativeError: null }) : validation,
  });
}

