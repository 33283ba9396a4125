import {
  cohortRetention,
  fitSbg,
  kaplanMeier,
  periodRetention,
  sbgExpectedLifetime,
  sbgSurvival,
  type CohortRetentionResult,
  type KaplanMeierResult,
  type SbgFit,
} from '../../retention/index';
import { count, interval, num, pct, table } from '../format';
import type { ReportInput, Section } from './types';

/** A customer is counted as lost after this many months without a purchase. */
export const CHURN_AFTER_MONTHS = 3;
/** How far the sBG projection runs, in months. */
export const PROJECTION_MONTHS = 24;

/** Retention figures shared by the report and the charts. */
export interface RetentionAnalysis {
  readonly cohorts: CohortRetentionResult;
  readonly survival: KaplanMeierResult;
  readonly sbg: SbgFit;
  /** S(t) of the sBG fit for t = 0 … {@link PROJECTION_MONTHS}. */
  readonly projection: readonly number[];
}

function monthIndex(at: Date | number): number {
  const d = typeof at === 'number' ? new Date(at) : at;
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Cohort table, Kaplan–Meier curve and the sBG fit on the same purchase-based lifetimes. */
export function analyseRetention(input: ReportInput): RetentionAnalysis | undefined {
  if (input.purchases.length === 0) return undefined;
  const activity = { unit: 'month', observationEnd: input.observationEnd } as const;
  const cohorts = cohortRetention(input.purchases, activity);
  const survival = kaplanMeier(input.purchases, { ...activity, churnAfter: CHURN_AFTER_MONTHS });
  // The same lifetimes for the sBG: monthly "renewals" from the first to the last purchase
  // month; lost when silent for CHURN_AFTER_MONTHS months, else still a customer (censored).
  const span = new Map<string, [number, number]>();
  for (const p of input.purchases) {
    const m = monthIndex(p.at);
    const s = span.get(p.customerId);
    if (s === undefined) span.set(p.customerId, [m, m]);
    else {
      s[0] = Math.min(s[0], m);
      s[1] = Math.max(s[1], m);
    }
  }
  const end = monthIndex(input.observationEnd);
  const lifetimes = [...span.values()].map(([first, last]) => {
    const churned = end - last >= CHURN_AFTER_MONTHS;
    return { renewals: churned ? last - first : end - first, churned };
  });
  if (!lifetimes.some((l) => l.churned)) return undefined;
  const sbg = fitSbg(lifetimes, { renewals: (d) => d.renewals, churned: (d) => d.churned });
  const projection = Array.from({ length: PROJECTION_MONTHS + 1 }, (_, t) => sbgSurvival(sbg, t));
  return { cohorts, survival, sbg, projection };
}

/** Quarterly retention and churn, and the monthly cohort table. */
export function retentionSection(input: ReportInput): Section | undefined {
  if (input.purchases.length === 0) return undefined;
  const quarters = periodRetention(input.purchases, { unit: 'quarter', observationEnd: input.observationEnd });
  const cohorts = cohortRetention(input.purchases, { unit: 'month', observationEnd: input.observationEnd });
  const widest = Math.max(...cohorts.cohorts.map((c) => c.retention.length));
  const lines = [
    'Active = bought in the period. Retention = share of last period’s buyers who bought again; returning buyers are counted apart.',
    ...table(
      [
        { header: 'quarter' },
        { header: 'active', align: 'right' },
        { header: 'new', align: 'right' },
        { header: 'retained', align: 'right' },
        { header: 'returning', align: 'right' },
        { header: 'lost', align: 'right' },
        { header: 'retention', align: 'right' },
        { header: 'churn', align: 'right' },
      ],
      quarters.periods.map((q) => [q.period, count(q.active), count(q.acquired), count(q.retained), count(q.reactivated), count(q.churned), pct(q.retentionRate), pct(q.churnRate)]),
    ),
    '',
    'Monthly cohorts: % of each first-purchase cohort buying in month 0, 1, 2, …',
    ...table(
      [{ header: 'cohort' }, { header: 'size', align: 'right' }, ...Array.from({ length: widest }, (_, k) => ({ header: `M${k}`, align: 'right' as const }))],
      cohorts.cohorts.map((c) => [c.cohort, count(c.size), ...c.retention.map((r) => num(100 * r, 0))]),
    ),
  ];
  return { id: 'retention', title: 'Retention and cohorts', lines, data: { quarterly: quarters.periods, cohorts: cohorts.cohorts } };
}

const SHOWN_MONTHS = [1, 2, 3, 6, 9, 12, 15, 18, 24] as const;

/** Kaplan–Meier survival of buying customers and the sBG projection fitted to the same lifetimes. */
export function survivalSection(input: ReportInput): Section | undefined {
  const analysis = analyseRetention(input);
  if (analysis === undefined) return undefined;
  const { survival, sbg, projection } = analysis;
  const se = sbg.standardErrors;
  const restricted = sbgExpectedLifetime(sbg, { horizon: PROJECTION_MONTHS });
  const mean = sbgExpectedLifetime(sbg);
  const kmAt = (t: number) => {
    let step: KaplanMeierResult['steps'][number] | undefined;
    for (const s of survival.steps) if (s.time <= t) step = s;
    return step;
  };
  const observed = survival.steps.length === 0 ? 0 : (survival.steps[survival.steps.length - 1] as { time: number }).time;
  const rows = SHOWN_MONTHS.map((t) => {
    const km = t <= observed ? kmAt(t) : undefined;
    return { month: t, kaplanMeier: km?.survival, lower: km?.interval.lower, upper: km?.interval.upper, sbg: projection[t] };
  });
  const lines = [
    `A customer counts as lost after ${CHURN_AFTER_MONTHS} months without a purchase; ${count(survival.events)} of ${count(survival.subjects)} lost, ${count(survival.censored)} still active.`,
    `Kaplan–Meier median lifetime ${survival.median === undefined ? 'not reached' : `${num(survival.median, 1)} month${survival.median === 1 ? '' : 's'}`}; ` +
      `restricted mean over ${num(survival.horizon, 0)} months ${num(survival.restrictedMean, 1)} months.`,
    `sBG fit (${sbg.converged ? 'converged' : `NOT converged: ${sbg.message}`}): α = ${num(sbg.alpha, 3)}${se ? ` ± ${num(se.alpha, 3)}` : ''}, ` +
      `β = ${num(sbg.beta, 3)}${se ? ` ± ${num(se.beta, 3)}` : ''}; projected beyond the data to month ${PROJECTION_MONTHS}.`,
    `sBG expected lifetime of a new customer: ${num(restricted, 1)} of the first ${PROJECTION_MONTHS} months` +
      (mean === undefined ? ' (unrestricted mean infinite: α ≤ 1, the most loyal practically never leave).' : `, ${num(mean, 1)} months in all.`),
    ...table(
      [{ header: 'month', align: 'right' }, { header: 'Kaplan–Meier', align: 'right' }, { header: '95 % band (log-log)', align: 'right' }, { header: 'sBG', align: 'right' }],
      rows.map((r) => [String(r.month), pct(r.kaplanMeier), interval(r.lower, r.upper, (x) => pct(x)), pct(r.sbg)]),
    ),
  ];
  const data = {
    churnAfterMonths: CHURN_AFTER_MONTHS,
    subjects: survival.subjects,
    lost: survival.events,
    censored: survival.censored,
    medianMonths: survival.median,
    restrictedMeanMonths: survival.restrictedMean,
    sbg,
    sbgExpectedLifetimeMonths: { firstMonths: PROJECTION_MONTHS, restricted, unrestricted: mean },
    curve: rows,
  };
  return { id: 'survival', title: 'Survival: Kaplan–Meier and sBG projection', lines, data };
}
