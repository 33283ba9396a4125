import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ces, csat, csatInterval, nps, npsFromCounts, surveyBreakdown, surveyBreakdownFromCounts } from '../../src/survey';
import { surveyCountsSql } from '../../src/sql';
import type { SurveyResponse } from '../../src/models';
import { thrownBy } from '../support/error-code';
import { openDuckDb, type TestDuckDb } from './duckdb';
import { seeded } from './conformance';

// 6,000 answers over two years (before and after a year end, every weekday), three channels
// and no channel, NPS, CSAT (1–5) and CES (1–7) scores with a few missing.
const random = seeded(7);
const channels = ['web', 'email', 'phone', null] as const;
const answers = Array.from({ length: 6000 }, (_, i) => ({
  id: `r${i}`,
  channel: channels[Math.floor(random() * 4)] ?? null,
  at: Date.UTC(2023, 0, 1) + Math.floor(random() * 730 * 86_400_000),
  nps: random() < 0.03 ? null : Math.floor(random() * 11),
  csat: 1 + Math.floor(random() * 5),
  ces: 1 + Math.floor(random() * 7),
}));
type Answer = (typeof answers)[number];

let db: TestDuckDb;
beforeAll(async () => {
  db = await openDuckDb();
  const csv = join(db.dir, 'answers.csv');
  const cell = (v: unknown) => (v === null ? '' : String(v));
  writeFileSync(csv, `id,channel,answered_at,nps,csat,ces\n${answers.map((a) => [a.id, cell(a.channel), new Date(a.at).toISOString(), cell(a.nps), a.csat, a.ces].join(',')).join('\n')}\n`);
  await db.connection.run(
    `CREATE TABLE answers AS SELECT * FROM read_csv('${csv}', header = true, columns = {'id': 'VARCHAR', 'channel': 'VARCHAR', 'answered_at': 'TIMESTAMPTZ', 'nps': 'INTEGER', 'csat': 'INTEGER', 'ces': 'INTEGER'})`,
  );
});
afterAll(() => db.close());

const monthStart = (ms: number) => Date.UTC(new Date(ms).getUTCFullYear(), new Date(ms).getUTCMonth(), 1);
interface CountRow {
  group: string | null;
  period: Date;
  score: number | null;
  responses: number;
}

/** The answers and the count rows of each (channel, month). */
function cells(rows: readonly CountRow[]): { key: string; raw: Answer[]; counts: CountRow[] }[] {
  const byKey = new Map<string, { key: string; raw: Answer[]; counts: CountRow[] }>();
  const get = (key: string) => byKey.get(key) ?? byKey.set(key, { key, raw: [], counts: [] }).get(key)!;
  for (const a of answers) get(`${a.channel}|${monthStart(a.at)}`).raw.push(a);
  for (const r of rows) get(`${r.group}|${r.period.getTime()}`).counts.push(r);
  return [...byKey.values()];
}

describe('surveyCountsSql on DuckDB: the counts give the library’s figures', () => {
  const query = (score: string) => surveyCountsSql('answers', { dialect: 'duckdb', columns: { score, group: 'channel', at: 'answered_at' }, period: 'month' });

  it('NPS per channel and month: the weighted rows and the folded counts equal the raw answers', async () => {
    const rows = (await db.rows(query('nps'))) as unknown as CountRow[];
    const all = cells(rows);
    expect(all.length).toBe(4 * 24);
    for (const { raw, counts } of all) {
      const expected = nps(raw, { accessor: (a) => a.nps });
      const weighted = nps(counts, { accessor: (r) => r.score, weight: (r) => r.responses });
      expect(weighted.score).toBeCloseTo(expected.score as number, 12);
      expect(weighted.weights).toEqual({ promoters: expected.promoters, passives: expected.passives, detractors: expected.detractors, total: expected.total });
      const sum = (test: (s: number) => boolean) => counts.reduce((s, r) => s + (r.score !== null && test(r.score) ? r.responses : 0), 0);
      const folded = npsFromCounts({ promoters: sum((s) => s >= 9), passives: sum((s) => s === 7 || s === 8), detractors: sum((s) => s <= 6) });
      expect(folded).toMatchObject({ score: expected.score, total: expected.total, effectiveSampleSize: expected.effectiveSampleSize });
      expect(counts.filter((r) => r.score === null).reduce((s, r) => s + r.responses, 0)).toBe(expected.skipped);
    }
  });

  it('CSAT and CES per channel and month', async () => {
    const csatRows = cells((await db.rows(query('csat'))) as unknown as CountRow[]);
    for (const { raw, counts } of csatRows) {
      const expected = csat(raw, { accessor: (a) => a.csat });
      const weighted = csat(counts, { accessor: (r) => r.score, weight: (r) => r.responses });
      expect(weighted.share).toBeCloseTo(expected.share as number, 14);
      expect(weighted.mean).toBeCloseTo(expected.mean as number, 12);
      const satisfied = counts.reduce((s, r) => s + ((r.score as number) >= 4 ? r.responses : 0), 0);
      const total = counts.reduce((s, r) => s + r.responses, 0);
      expect(csatInterval({ satisfied, total })).toEqual(csatInterval(raw, { accessor: (a) => a.csat }));
    }
    const cesRows = cells((await db.rows(query('ces'))) as unknown as CountRow[]);
    for (const { raw, counts } of cesRows) {
      const expected = ces(raw, { accessor: (a) => a.ces });
      const weighted = ces(counts, { accessor: (r) => r.score, weight: (r) => r.responses });
      expect(weighted.mean).toBeCloseTo(expected.mean as number, 12);
      expect(weighted.easyShare).toBeCloseTo(expected.easyShare as number, 14);
      expect(weighted.difficultShare).toBeCloseTo(expected.difficultShare as number, 14);
    }
  });

  it('surveyBreakdown by channel and month scores the same groups', async () => {
    const rows = (await db.rows(query('nps'))) as unknown as CountRow[];
    const responses: SurveyResponse[] = answers
      .filter((a) => a.nps !== null)
      .map((a) => ({ type: 'survey', metric: 'nps', customerId: a.id, at: a.at, score: a.nps as number, ...(a.channel === null ? {} : { touchpoint: a.channel }) }));
    const breakdown = surveyBreakdown(responses, { metric: 'nps', by: 'touchpoint', period: 'month', minimumSize: 1 });
    const byKey = new Map(cells(rows).map((c) => [c.key, c]));
    for (const g of breakdown.groups) {
      const cell = byKey.get(`${g.group ?? null}|${g.periodStart}`);
      const weighted = nps(cell?.counts ?? [], { accessor: (r) => r.score, weight: (r) => r.responses });
      expect(weighted.score).toBeCloseTo(g.score as number, 12);
      expect(weighted.weights?.total).toBe(g.n);
    }
    expect(breakdown.groups.length).toBe(4 * 24);
    // The library reads the engine's counts back into the same breakdown, skipped answers included.
    // A null score is a missing answer (skipped), as a NULL score row of the counts is.
    const everyAnswer = answers.map((a) => ({ type: 'survey', metric: 'nps', customerId: a.id, at: a.at, score: a.nps, ...(a.channel === null ? {} : { touchpoint: a.channel }) })) as unknown as SurveyResponse[];
    expect(surveyBreakdownFromCounts(rows, { metric: 'nps', period: 'month', minimumSize: 1 })).toEqual(
      surveyBreakdown(everyAnswer, { metric: 'nps', by: 'touchpoint', period: 'month', minimumSize: 1 }),
    );
  });

  it('counts without groups or periods', async () => {
    const rows = (await db.rows(surveyCountsSql('answers', { dialect: 'duckdb', columns: { score: 'ces' } }))) as unknown as { score: number; responses: number }[];
    expect(rows.reduce((s, r) => s + r.responses, 0)).toBe(6000);
    expect(Object.keys(rows[0] as object).sort()).toEqual(['responses', 'score']);
  });
});

describe('surveyCountsSql: text and bad input', () => {
  for (const dialect of ['bigquery', 'snowflake', 'spark', 'postgres', 'duckdb'] as const) {
    it(`golden text: ${dialect}`, async () => {
      const { sql, parameters } = surveyCountsSql('cx.answers', { dialect, columns: { score: 'nps', group: 'channel', at: 'answered_at' }, period: 'week' });
      expect(parameters).toEqual([]);
      await expect(sql).toMatchFileSnapshot(`golden/survey-counts-sql.${dialect}.sql`);
    });
  }
  const code = (run: () => unknown) => (thrownBy(run) as { code?: string } | undefined)?.code;
  it.each([
    ['a period without a time column', () => surveyCountsSql('a', { dialect: 'duckdb', columns: { score: 's' }, period: 'month' }), 'INVALID_OPTION'],
    ['an unknown period', () => surveyCountsSql('a', { dialect: 'duckdb', columns: { score: 's', at: 't' }, period: 'hour' as never }), 'INVALID_OPTION'],
    ['a bad group column', () => surveyCountsSql('a', { dialect: 'duckdb', columns: { score: 's', group: 'x"y' } }), 'INVALID_OPTION'],
    ['a missing score column', () => surveyCountsSql('a', { dialect: 'duckdb', columns: {} as never }), 'INVALID_OPTION'],
    ['an unknown dialect', () => surveyCountsSql('a', { dialect: 'sqlite' as never, columns: { score: 's' } }), 'INVALID_OPTION'],
  ])('%s', (_name, run, expected) => {
    expect(code(run)).toBe(expected);
  });
});
