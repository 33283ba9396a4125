/**
 * Retention benchmarks (issue 4): `cohortRetention`, `periodRetention` and `kaplanMeier` from
 * activity over 1,000,000 customers and 10,000,000 activity records (two years, in time order,
 * read through accessors from typed arrays), against
 *
 * - a bare hand-written loop (the baseline: dense integer ids, no `Map`, no validation, only
 *   first/last month per customer — the least any cohort table must do), and
 * - the idiomatic version: `Map<id, Set<month>>` with `new Date(ms)` per record.
 *
 * Target: seconds, with memory growing with customers and their active months, not records.
 */
import { cohortRetention, kaplanMeier, periodRetention } from '../src/retention/index';
import { benchSuite, seededRandom } from './harness';

const CUSTOMERS = 1_000_000;
const RECORDS = 10_000_000;
const START = Date.UTC(2023, 0, 1);
const SPAN = Date.UTC(2025, 0, 1) - START;

export async function main(): Promise<void> {
  const random = seededRandom(4);
  // Customers arrive uniformly over two years and stay active a geometric number of months;
  // records are spread over each customer's active window, then sorted by time.
  const arrival = new Float64Array(CUSTOMERS);
  const stay = new Float64Array(CUSTOMERS);
  for (let c = 0; c < CUSTOMERS; c++) {
    arrival[c] = START + random() * SPAN * 0.9;
    stay[c] = Math.min(START + SPAN - 1 - (arrival[c] as number), (-Math.log(1 - random()) * 6 + 0.2) * 30 * 86_400_000);
  }
  const pairs = new Float64Array(RECORDS * 2);
  for (let i = 0; i < RECORDS; i++) {
    const c = i < CUSTOMERS ? i : Math.floor(random() * CUSTOMERS);
    pairs[2 * i] = (arrival[c] as number) + (i < CUSTOMERS ? 0 : random() * (stay[c] as number));
    pairs[2 * i + 1] = c;
  }
  const order = new Uint32Array(RECORDS);
  for (let i = 0; i < RECORDS; i++) order[i] = i;
  order.sort((a, b) => (pairs[2 * a] as number) - (pairs[2 * b] as number));
  const at = new Float64Array(RECORDS);
  const ids = new Int32Array(RECORDS);
  for (let i = 0; i < RECORDS; i++) {
    at[i] = pairs[2 * (order[i] as number)] as number;
    ids[i] = pairs[2 * (order[i] as number) + 1] as number;
  }
  const index = order; // reused as the record list: record i is read through the accessors
  for (let i = 0; i < RECORDS; i++) index[i] = i;
  const accessors = { customerId: (i: number) => ids[i] as number, at: (i: number) => at[i] as number, unit: 'month' as const };

  benchSuite(`cohort tables over ${CUSTOMERS.toLocaleString('en')} customers, ${RECORDS.toLocaleString('en')} records`, { runs: 3, warmup: 1 })
    .add(
      'bare loop: first/last month per dense id (baseline, no validation)',
      () => {
        const first = new Int32Array(CUSTOMERS).fill(2 ** 31 - 1);
        const last = new Int32Array(CUSTOMERS).fill(-1);
        for (let i = 0; i < RECORDS; i++) {
          const d = new Date(at[i] as number);
          const p = d.getUTCFullYear() * 12 + d.getUTCMonth();
          const c = ids[i] as number;
          if (p < (first[c] as number)) first[c] = p;
          if (p > (last[c] as number)) last[c] = p;
        }
        return last;
      },
      { baseline: true },
    )
    .add('idiomatic: Map<id, Set<month>> then count', () => {
      const months = new Map<number, Set<number>>();
      for (let i = 0; i < RECORDS; i++) {
        const d = new Date(at[i] as number);
        const p = d.getUTCFullYear() * 12 + d.getUTCMonth();
        const c = ids[i] as number;
        let s = months.get(c);
        if (s === undefined) months.set(c, (s = new Set()));
        s.add(p);
      }
      const table = new Map<string, number>();
      for (const s of months.values()) {
        const f = Math.min(...s);
        for (const p of s) table.set(`${f}:${p - f}`, (table.get(`${f}:${p - f}`) ?? 0) + 1);
      }
      return table;
    })
    .add('cohortRetention (classic + unbounded)', () => cohortRetention(index, accessors))
    .add('periodRetention', () => periodRetention(index, accessors))
    .add('kaplanMeier from activity', () => kaplanMeier(index, { ...accessors, observationEnd: START + SPAN - 1 }))
    .run();
}
