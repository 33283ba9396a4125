import { count, day } from '../format';
import type { ReportInput, Section } from './types';

/** What the report was computed on: the files, their rows, the customers and the date range. */
export function overviewSection(input: ReportInput): Section {
  const types = { survey: 0, support: 0, visit: 0, purchase: 0 };
  for (const i of input.interactions) types[i.type]++;
  const buyers = new Set(input.purchases.map((p) => p.customerId)).size;
  const customerIds = new Set<string>([...input.customers.map((c) => c.id), ...input.interactions.map((i) => i.customerId), ...input.journeys.map((j) => j.customerId)]);
  for (const p of input.purchases) customerIds.add(p.customerId);
  // Customers carry no instant the report reads: without any dated record there is no period.
  const dated = input.firstInstant !== undefined;
  const data = {
    files: input.files,
    distinctCustomers: customerIds.size,
    customers: input.customers.length,
    buyers,
    purchases: input.purchases.length,
    surveyAnswers: types.survey,
    supportContacts: types.support,
    journeys: input.journeys.length,
    firstDate: input.firstInstant === undefined ? undefined : day(input.firstInstant),
    observationEnd: dated ? day(input.observationEnd) : undefined,
    calibrationEnd: input.calibrationEnd === undefined ? undefined : day(input.calibrationEnd),
  };
  const purchases = input.purchases.length === 0 ? 'no purchases' : `${count(buyers)} buying customers, ${count(input.purchases.length)} purchases`;
  const lines = [
    ...input.files.map((f) => `${f.kind.padEnd(12)} ${f.file}: ${count(f.records)} record${f.records === 1 ? '' : 's'}`),
    `${count(customerIds.size)} distinct customers. ${input.customers.length === 0 ? '' : `${count(input.customers.length)} customer records, `}${purchases}, ${count(types.survey)} survey answers, ` +
      `${count(types.support)} support contacts, ${count(input.journeys.length)} journeys; ` +
      (dated ? `data from ${data.firstDate} up to ${data.observationEnd}.` : 'no dated records, so no period to report on.'),
  ];
  if (input.purchases.length === 0) lines.push('No purchases: the retention, survival, CLV and RFM sections need them.');
  return { id: 'data', title: 'Data', lines, data };
}
