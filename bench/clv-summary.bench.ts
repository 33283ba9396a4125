/**
 * summarizeTransactions over CDNOW_master-sized-and-more synthetic data: 1,000,000 purchases
 * of 100,000 customers over 18 months, against the obvious implementation (group every
 * purchase into per-customer arrays, sort each, walk it), in the same process.
 */
import { summarizeTransactions } from '../src/clv/summarize-transactions';
import type { Purchase } from '../src/models/interaction';
import { benchSuite, seededRandom } from './harness';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const START = Date.UTC(1997, 0, 1);
const CALIBRATION_END = Date.UTC(1997, 8, 30);
const OBSERVATION_END = Date.UTC(1998, 5, 30);

function simulate(customers: number, purchases: number, seed: number): Purchase[] {
  const random = seededRandom(seed);
  const out: Purchase[] = [];
  const firsts = Array.from({ length: customers }, () => START + Math.floor(random() * 90) * DAY);
  for (let i = 0; i < purchases; i++) {
    // Every customer buys at least once (their first purchase), the rest are spread at random.
    const c = i < customers ? i : Math.floor(random() * customers);
    const first = firsts[c] as number;
    const at = i < customers ? first : first + Math.floor(random() * ((OBSERVATION_END - first) / DAY + 1)) * DAY;
    out.push({ type: 'purchase', customerId: `c${c}`, at, amount: Math.round(5 + random() * 60 * 100) / 100, currency: 'USD' });
  }
  return out;
}

/** The baseline: group into arrays, sort each customer's purchases, walk the days. */
function naiveSummary(purchases: readonly Purchase[]) {
  const groups = new Map<string, Purchase[]>();
  for (const p of purchases) {
    const list = groups.get(p.customerId);
    if (list) list.push(p);
    else groups.set(p.customerId, [p]);
  }
  const calibrationDay = Math.floor(CALIBRATION_END / DAY);
  const rows: { customerId: string; frequency: number; recency: number; T: number; monetaryValue: number; holdoutFrequency: number }[] = [];
  for (const [customerId, list] of groups) {
    list.sort((a, b) => (a.at as number) - (b.at as number));
    let first = Number.NaN;
    let last = Number.NaN;
    let frequency = 0;
    let repeat = 0;
    let holdoutFrequency = 0;
    let lastHoldout = Number.NaN;
    for (const p of list) {
      const d = Math.floor((p.at as number) / DAY);
      if (d > calibrationDay) {
        if (d !== lastHoldout) holdoutFrequency++;
        lastHoldout = d;
        continue;
      }
      if (Number.isNaN(first)) first = d;
      else if (d !== last) frequency++;
      if (d !== first) repeat += p.amount;
      last = d;
    }
    if (Number.isNaN(first)) continue;
    rows.push({
      customerId,
      frequency,
      recency: ((last - first) * DAY) / WEEK,
      T: ((calibrationDay - first) * DAY) / WEEK,
      monetaryValue: frequency ? repeat / frequency : 0,
      holdoutFrequency,
    });
  }
  return rows;
}

export async function main(): Promise<void> {
  const chronological = simulate(100_000, 1_000_000, 42).sort((a, b) => (a.at as number) - (b.at as number));
  const random = seededRandom(7);
  const shuffled = [...chronological];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as Purchase, shuffled[i] as Purchase];
  }
  const options = { calibrationEnd: CALIBRATION_END, observationEnd: OBSERVATION_END, unit: 'week' } as const;

  // The two must agree before their times mean anything.
  const ours = summarizeTransactions(shuffled, options).rows;
  const theirs = new Map(naiveSummary(shuffled).map((r) => [r.customerId, r]));
  for (const row of ours) {
    const other = theirs.get(row.customerId as string);
    if (
      !other ||
      other.frequency !== row.frequency ||
      other.recency !== row.recency ||
      other.T !== row.T ||
      other.holdoutFrequency !== row.holdoutFrequency ||
      Math.abs(other.monetaryValue - row.monetaryValue) > 1e-9 * (1 + row.monetaryValue)
    ) {
      throw new Error(`summaries disagree for ${String(row.customerId)}`);
    }
  }

  benchSuite('summarizeTransactions: 1,000,000 purchases of 100,000 customers (calibration + holdout, weeks)', { runs: 5, warmup: 1 })
    .add('group into arrays + sort each (baseline)', () => naiveSummary(chronological), { baseline: true })
    .add('summarizeTransactions, purchases in time order', () => summarizeTransactions(chronological, options))
    .add('summarizeTransactions, purchases shuffled', () => summarizeTransactions(shuffled, options))
    .run();
}
