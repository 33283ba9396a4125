import { count, day } from '../format';
import type { ReportInput, Section } from './types';

/** What the report was computed on. */
export function overviewSection(input: ReportInput): Section {
  const types = { survey: 0, support: 0, visit: 0, purchase: 0 };
  for (const i of input.interactions) types[i.type]++;
  const buyers = new Set(input.purchases.map((p) => p.customerId)).size;
  const data = {
    customers: input.customers.length,
    buyers,
    purchases: input.purchases.length,
    surveyAnswers: types.survey,
    supportContacts: types.support,
    journeys: input.journeys.length,
    observationEnd: day(input.observationEnd),
    calibrationEnd: input.calibrationEnd === undefined ? undefined : day(input.calibrationEnd),
  };
  const lines = [
    `${count(buyers)} buying customers, ${count(input.purchases.length)} purchases, ${count(types.survey)} survey answers, ` +
      `${count(types.support)} support contacts, ${count(input.journeys.length)} journeys; data up to ${data.observationEnd}.`,
  ];
  return { id: 'data', title: 'Data', lines, data };
}
