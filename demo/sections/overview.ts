import { count, day } from '../format';
import type { ReportInput, Section } from './types';

/** What the report was computed on. */
export function overviewSection(input: ReportInput): Section {
  const types = { survey: 0, support: 0, visit: 0, purchase: 0 };
  for (const i of input.interactions) types[i.type]++;
  const buyers = new Set(input.purchases.map((p) => p.customerId)).size;
  // Customers carry no instant the report reads: without any dated record there is no period.
  const dated = input.purchases.length + input.interactions.length + input.journeys.length > 0;
  const data = {
    customers: input.customers.length,
    buyers,
    purchases: input.purchases.length,
    surveyAnswers: types.survey,
    supportContacts: types.support,
    journeys: input.journeys.length,
    observationEnd: dated ? day(input.observationEnd) : undefined,
    calibrationEnd: input.calibrationEnd === undefined ? undefined : day(input.calibrationEnd),
  };
  const purchases = input.purchases.length === 0 ? 'no purchases' : `${count(buyers)} buying customers, ${count(input.purchases.length)} purchases`;
  const lines = [
    `${input.customers.length === 0 ? '' : `${count(input.customers.length)} customers, `}${purchases}, ${count(types.survey)} survey answers, ` +
      `${count(types.support)} support contacts, ${count(input.journeys.length)} journeys; ` +
      (dated ? `data up to ${data.observationEnd}.` : 'no dated records, so no period to report on.'),
  ];
  if (input.purchases.length === 0) lines.push('No purchases: the retention, survival, CLV and RFM sections need them.');
  return { id: 'data', title: 'Data', lines, data };
}
