import { describe, expect, it } from 'vitest';
import { fitDocument } from '../../src/cli/fit-document';

const result = {
  model: 'bg-nbd',
  files: [{ kind: 'purchases', file: 'orders.csv', records: 3 }] as const,
  customers: 2,
  repeatCustomers: 1,
  calibrationEnd: undefined,
  observationEnd: Date.UTC(2024, 5, 30, 23, 59, 59),
  parameters: { r: 1, alpha: 2, a: 3, b: 4 },
  fit: { logLikelihood: -5, iterations: 7, converged: true, method: 'bfgs', message: 'ok', standardErrors: undefined, n: 2 },
  validation: null,
};

describe('fitDocument: the JSON of cx-metrics fit, whichever engine', () => {
  it('writes days, null for a missing calibration end, standard errors and validation', () => {
    const doc = JSON.parse(fitDocument(result)) as Record<string, unknown>;
    expect(doc).toEqual({
      schemaVersion: 1,
      kind: 'fit',
      model: 'bg-nbd',
      timeUnit: 'week',
      data: { files: result.files, customers: 2, repeatCustomers: 1, calibrationEnd: null, observationEnd: '2024-06-30' },
      parameters: result.parameters,
      diagnostics: { ...result.fit, standardErrors: null },
      validation: null,
    });
  });

  it('turns a relative error that cannot be computed (nothing observed) into null', () => {
    const validation = { measure: 'm', predicted: 1.5, observed: 0, relativeError: Number.NaN };
    const doc = JSON.parse(fitDocument({ ...result, calibrationEnd: Date.UTC(2024, 0, 1), validation })) as { data: { calibrationEnd: string }; validation: unknown };
    expect(doc.data.calibrationEnd).toBe('2024-01-01');
    expect(doc.validation).toEqual({ ...validation, relativeError: null });
  });
});
