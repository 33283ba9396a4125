import { toEpochMs } from '../internal/calendar';
import { forEachRecord, isMissing, requireValues } from '../internal/input';
import { addToSum, createSum, mergeSums, sumValue, type CompensatedSum } from '../internal/sum';
import { describeValue, fail, requireFiniteTotal, requireNonNegative, requireScore } from '../internal/validate';
import type { Interaction } from '../models/interaction';
import type { Values } from '../models/values';
import type { NpsCategory } from './classify-nps';
import { optionKeys, readOptions } from '../internal/options';

/** Options of {@link npsRevenue}. */
export interface NpsRevenueOptions {
  /**
   * Only purchases in this ISO 4217 currency are counted (others are counted in `ignored`).
   * Default: every purchase, which must then all be in one currency (`INCONSISTENT_INPUT` otherwise).
   */
  readonly currency?: string;
}

/** Customers and revenue of one NPS category (or of the non-respondents). */
export interface NpsRevenueGroup {
  /** Customers in the group. */
  readonly customers: number;
  /** Their total revenue (compensated sum), ≥ 0. */
  readonly revenue: number;
  /** revenue / customers; `undefined` when the group is empty. */
  readonly revenuePerCustomer: number | undefined;
  /** Share of all revenue, in [0, 1]; `undefined` when there is no revenue at all. */
  readonly revenueShare: number | undefined;
  /** Share of all customers, in [0, 1]; `undefined` when there are no customers. */
  readonly customerShare: number | undefined;
}

/** What {@link npsRevenue} reports. Frozen. */
export interface NpsRevenueResult {
  /** The currency of the revenue; `undefined` when there was no purchase. */
  readonly currency: string | undefined;
  /** Total revenue of all customers seen. */
  readonly revenue: number;
  /** Customers seen (respondents and purchasers). */
  readonly customers: number;
  /** Customers whose latest answer was 9–10. */
  readonly promoters: NpsRevenueGroup;
  /** Customers whose latest answer was 7–8. */
  readonly passives: NpsRevenueGroup;
  /** Customers whose latest answer was 0–6. */
  readonly detractors: NpsRevenueGroup;
  /** Purchasers who never answered the NPS question. */
  readonly nonRespondents: NpsRevenueGroup;
  /** NPS over the respondents' latest answers (one vote per customer), in points; `undefined` without respondents. */
  readonly score: number | undefined;
  /** NPS responses without an answer (`null`/`undefined` score), plus `null`/`undefined` entries of the input. */
  readonly skipped: number;
  /** Interactions that are neither NPS responses nor counted purchases (CSAT, support, visits, other currencies). */
  readonly ignored: number;
}

interface CustomerRow {
  latestAt: number;
  category: NpsCategory | undefined;
  revenue: CompensatedSum;
}

const FN = 'npsRevenue';


const OPTION_KEYS = optionKeys<NpsRevenueOptions>({ currency: true });

/**
 * Who are your promoters worth? Joins each customer's latest NPS answer with their purchases:
 * revenue, customers and revenue per customer of promoters, passives, detractors and
 * non-respondents, and each group's share of revenue.
 *
 * ```text
 * category(customer) = classifyNps(score of the customer's latest NPS answer by `at`;
 *                      ties: the later one in input order), or non-respondent
 * revenue(group)     = Σ purchase amounts of the group's customers (all their purchases)
 * revenuePerCustomer = revenue(group) / customers(group)
 * revenueShare       = revenue(group) / Σ revenue
 * ```
 *
 * Source: the "economics of loyalty" view of F. F. Reichheld (2006), *The Ultimate Question*,
 * Harvard Business School Press (ch. 3, customer value by NPS category). This is a
 * descriptive join, not a causal estimate: promoters may spend more because they are
 * richer, not because they promote.
 *
 * @param interactions - Survey responses and purchases, in any order (other interactions are counted in `ignored`).
 * @param options - Currency filter.
 * @returns The four groups with revenue, customers and shares.
 * @throws {@link models!CxMetricsError} the score codes of {@link nps} for a bad NPS answer
 *   (`INCONSISTENT_INPUT` for an NPS response whose `scale` is not 0–10);
 *   `NEGATIVE_VALUE`/`INVALID_NUMBER` for a bad purchase amount; `INVALID_DATE` for a bad
 *   `at` of a response or purchase; `INCONSISTENT_INPUT` for purchases in several currencies without a
 *   `currency` option; `INVALID_RECORD` for an interaction that is not an object, has no string
 *   customerId, or a purchase without a string currency; `INVALID_OPTION` for a non-string `currency` option;
 *   `OUT_OF_RANGE` for a revenue beyond a double.
 *
 * @example
 * ```ts
 * import { npsRevenue } from 'cx-metrics/survey';
 * const at = Date.UTC(2024, 0, 1);
 * const later = Date.UTC(2024, 5, 1);
 * const r = npsRevenue([
 *   { type: 'survey', metric: 'nps', customerId: 'ann', at, score: 4 },
 *   { type: 'survey', metric: 'nps', customerId: 'ann', at: later, score: 10 }, // latest answer counts
 *   { type: 'survey', metric: 'nps', customerId: 'bob', at, score: 2 },
 *   { type: 'purchase', customerId: 'ann', at, amount: 300, currency: 'EUR' },
 *   { type: 'purchase', customerId: 'bob', at, amount: 50, currency: 'EUR' },
 *   { type: 'purchase', customerId: 'cid', at, amount: 150, currency: 'EUR' },
 * ]);
 * r.promoters; // => { customers: 1, revenue: 300, revenueShare: 0.6 }
 * r.detractors.revenuePerCustomer; // => 50
 * r.nonRespondents; // => { customers: 1, revenue: 150 }
 * r.score; // => 0
 * ```
 */
export function npsRevenue(interactions: Values<Interaction>, options?: NpsRevenueOptions): NpsRevenueResult {
  readOptions(FN, options, OPTION_KEYS);
  const wanted = options?.currency;
  if (wanted !== undefined && typeof wanted !== 'string') {
    throw fail('INVALID_OPTION', FN, `currency ${describeValue(wanted)} must be a string such as 'EUR'`, { field: 'currency', value: wanted });
  }
  const rows = new Map<string, CustomerRow>();
  const row = (id: unknown, i: number): CustomerRow => {
    if (typeof id !== 'string') {
      throw fail('INVALID_RECORD', FN, `customerId ${describeValue(id)} at index ${i} is not a string`, { field: 'customerId', value: id, index: i });
    }
    let r = rows.get(id);
    if (r === undefined) {
      r = { latestAt: -Infinity, category: undefined, revenue: createSum() };
      rows.set(id, r);
    }
    return r;
  };
  let currency: string | undefined = wanted;
  let skipped = 0;
  let ignored = 0;
  // A null or undefined entry is skipped and counted, as a response without a score is.
  const nullEntries = forEachRecord(requireValues<Interaction>(FN, 'interactions', interactions), (d, i) => {
    if (typeof d !== 'object') {
      throw fail('INVALID_RECORD', FN, `interaction ${describeValue(d)} at index ${i} is not an object`, { value: d, index: i });
    }
    if (d.type === 'survey' && d.metric === 'nps') {
      if (d.scale !== undefined && (d.scale?.min !== 0 || d.scale?.max !== 10)) {
        throw fail('INCONSISTENT_INPUT', FN, `NPS response at index ${i} has a scale other than 0–10`, { field: 'scale', value: d.scale, index: i });
      }
      if (isMissing(d.score)) {
        skipped++;
        return;
      }
      const score = requireScore(FN, d.score, 0, 10, i);
      const at = toEpochMs(FN, 'at', d.at, i);
      const r = row(d.customerId, i);
      if (at >= r.latestAt) {
        r.latestAt = at;
        r.category = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
      }
    } else if (d.type === 'purchase') {
      if (typeof d.currency !== 'string') {
        throw fail('INVALID_RECORD', FN, `purchase at index ${i} has currency ${describeValue(d.currency)}, not a code such as 'EUR'`, {
          field: 'currency',
          value: d.currency,
          index: i,
        });
      }
      toEpochMs(FN, 'at', d.at, i);
      if (wanted !== undefined && d.currency !== wanted) {
        ignored++;
        return;
      }
      if (currency === undefined) currency = d.currency;
      else if (d.currency !== currency) {
        throw fail('INCONSISTENT_INPUT', FN, `purchase at index ${i} is in ${describeValue(d.currency)}, earlier ones in '${currency}'; pass the currency option`, {
          field: 'currency',
          value: d.currency,
          index: i,
        });
      }
      const amount = requireNonNegative(FN, 'amount', d.amount, i);
      addToSum(row(d.customerId, i).revenue, amount);
    } else {
      ignored++;
    }
  });
  skipped += nullEntries;

  const sums = { promoter: createSum(), passive: createSum(), detractor: createSum(), none: createSum() };
  const counts = { promoter: 0, passive: 0, detractor: 0, none: 0 };
  let all = createSum();
  for (const r of rows.values()) {
    const key = r.category ?? 'none';
    counts[key]++;
    sums[key] = mergeSums(sums[key], r.revenue);
    all = mergeSums(all, r.revenue);
  }
  const revenue = requireFiniteTotal(FN, 'revenue', sumValue(all));
  const customers = rows.size;
  const group = (key: keyof typeof counts): NpsRevenueGroup => {
    const value = sumValue(sums[key]);
    return Object.freeze({
      customers: counts[key],
      revenue: value,
      revenuePerCustomer: counts[key] > 0 ? value / counts[key] : undefined,
      revenueShare: revenue > 0 ? Math.min(1, value / revenue) : undefined,
      customerShare: customers > 0 ? counts[key] / customers : undefined,
    });
  };
  const respondents = counts.promoter + counts.passive + counts.detractor;
  return Object.freeze({
    currency,
    revenue,
    customers,
    promoters: group('promoter'),
    passives: group('passive'),
    detractors: group('detractor'),
    nonRespondents: group('none'),
    score: respondents > 0 ? (100 * (counts.promoter - counts.detractor)) / respondents : undefined,
    skipped,
    ignored,
  });
}
