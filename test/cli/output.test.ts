/**
 * Every JSON document the command line prints validates against the published schema
 * (schema/cx-metrics.schema.json), and the validator used here can fail.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/cli/output';
import { repoRoot } from '../support/doc-examples';
import { validate } from '../support/json-schema';
import { cli } from './run-cli';

const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'cx-metrics.schema.json'), 'utf8')) as Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), 'cx-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('the published JSON schema', () => {
  let report: unknown;
  beforeAll(() => {
    report = JSON.parse(cli('report', '--sample', '--json').stdout);
  });

  it('names the schema version the code writes', () => {
    expect(((schema.$defs as Record<string, { const: number }>).schemaVersion as { const: number }).const).toBe(SCHEMA_VERSION);
  });

  it('validates report --json on the sample', () => {
    expect(validate(schema, report)).toEqual([]);
  });

  it('describes the survey tests of the report: the monthly and segment flags, the trend and the key-driver table (and rejects them broken)', () => {
    const body = report as { sections: Record<string, Record<string, unknown>> };
    const withSection = (name: string, patch: (section: Record<string, unknown>) => Record<string, unknown>) => ({
      ...body,
      sections: { ...body.sections, [name]: patch(body.sections[name]!) },
    });
    const nps = body.sections.nps!;
    const segments = body.sections.npsSegments!;
    const drivers = body.sections.keyDrivers!;
    const monthly = nps.monthly as Record<string, unknown>[];
    const bySegment = segments.bySegment as Record<string, unknown>[];
    const driverRows = drivers.drivers as Record<string, unknown>[];
    expect(validate(schema, withSection('nps', (s) => ({ ...s, monthly: [{ ...monthly[1], significant: 'yes' }] })))).not.toEqual([]);
    expect(validate(schema, withSection('nps', (s) => ({ ...s, monthly: [{ ...monthly[1], adjustedPValue: 1.5 }] })))).not.toEqual([]);
    expect(validate(schema, withSection('nps', (s) => ({ ...s, trend: { ...(s.trend as object), periods: 1 } })))).not.toEqual([]);
    expect(validate(schema, withSection('npsSegments', (s) => ({ ...s, bySegment: [{ ...bySegment[0], significant: undefined }] })))).not.toEqual([]);
    expect(validate(schema, withSection('keyDrivers', (s) => ({ ...s, drivers: [{ ...driverRows[0], quadrant: 'fix' }] })))).not.toEqual([]);
    expect(validate(schema, withSection('keyDrivers', (s) => ({ ...s, rSquared: 1.2 })))).not.toEqual([]);
    expect(validate(schema, withSection('keyDrivers', (s) => ({ ...s, drivers: [] })))).not.toEqual([]);
  });

  it('validates check --json: passed, breached and no-data', () => {
    for (const gates of ['nps=0', 'nps=90,csat.lower=0.5']) expect(validate(schema, JSON.parse(cli('check', '--sample', '--json', '--fail-under', gates).stdout))).toEqual([]);
    const surveys = file('s.json', '[{"type":"survey","customerId":"a","at":"2024-03-05","metric":"nps","score":9}]');
    const noData = cli('check', '--interactions', surveys, '--json', '--fail-under', 'ces=3,nps.lower=0');
    expect(noData.code).toBe(2);
    expect(validate(schema, JSON.parse(noData.stdout))).toEqual([]);
  });

  it('validates fit output for every model', () => {
    for (const model of ['bg-nbd', 'pareto-nbd', 'gamma-gamma']) expect(validate(schema, JSON.parse(cli('fit', model, '--sample').stdout)), model).toEqual([]);
  });

  it('validates every kind of JSON error: usage, input file, data; stdout holds it and stderr stays empty', () => {
    const bad = file('bad.csv', 'customer_id,date,amount\na,2024-01-01,x\n');
    const journeys = file('j.json', `[${JSON.stringify({ customerId: 'a', stages: [{ name: 'visit', enteredAt: '2024-01-01', interactions: [] }] })}]`);
    const cases = [
      cli('report', '--json', '--colour'),
      cli('report', '--json', '--purchases', bad),
      cli('report', '--json', '--journeys', journeys),
      cli('check', '--json', '--sample'),
      cli('nonsense', '--json'),
    ];
    for (const result of cases) {
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('');
      const body = JSON.parse(result.stdout) as { kind: string };
      expect(body.kind).toBe('error');
      expect(validate(schema, body)).toEqual([]);
    }
    expect(JSON.parse(cases[1]?.stdout ?? '')).toMatchObject({ error: { code: 'INPUT_FILE', problems: [{ file: bad, line: 2, field: 'amount', code: 'INVALID_RECORD' }] } });
    expect(JSON.parse(cases[2]?.stdout ?? '')).toMatchObject({ error: { code: 'DATA', problems: [{ code: expect.any(String) }] } });
  });

  it('the validator rejects documents that break the schema (it can fail)', () => {
    const ok = JSON.parse(cli('check', '--sample', '--json', '--fail-under', 'nps=0').stdout) as Record<string, unknown>;
    expect(validate(schema, ok)).toEqual([]);
    expect(validate(schema, { ...ok, schemaVersion: 2 })).not.toEqual([]);
    expect(validate(schema, { ...ok, extra: true })).not.toEqual([]);
    expect(validate(schema, { ...ok, gates: [] })).not.toEqual([]);
    expect(validate(schema, { ...ok, gates: [{ ...(ok.gates as object[])[0], verdict: 'maybe' }] })).not.toEqual([]);
    expect(validate(schema, { schemaVersion: 1, kind: 'error', error: { code: 'USAGE', message: 'x', problems: [{ file: null, line: 0, field: null, code: 'X', message: 'y' }] } })).not.toEqual([]);
    expect(validate(schema, { schemaVersion: 1, kind: 'report', sections: {} })).not.toEqual([]);
    expect(() => validate({ type: 'object', if: {} }, {})).toThrow('unsupported keyword if');
  });
});
