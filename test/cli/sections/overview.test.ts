import { describe, expect, it } from 'vitest';
import { overviewSection } from '../../../src/cli/sections/overview';
import { answer, day, purchase, reportInput } from './report-input';

describe('overviewSection', () => {
  it('counts files, distinct customers across every kind of record, buyers, answers, contacts and journeys', () => {
    const input = reportInput({
      files: [{ kind: 'purchases', file: 'p.csv', records: 3 }, { kind: 'customers', file: 'c.json', records: 1 }],
      purchases: [purchase('1', day(2020, 1, 2), 5), purchase('1', day(2020, 1, 9), 5), purchase('2', day(2020, 2, 1), 7)],
      interactions: [answer('3', 'nps', 9, day(2020, 1, 3)), { type: 'support', customerId: '2', at: day(2020, 1, 4), channel: 'email' }],
      customers: [{ id: '4' }],
      journeys: [{ customerId: '5', stages: [{ name: 'awareness', enteredAt: day(2020, 1, 1), interactions: [] }] }],
      firstInstant: day(2020, 1, 1),
      observationEnd: day(2020, 2, 1),
    });
    const s = overviewSection(input);
    expect(s.id).toBe('data');
    expect(s.data).toEqual({
      files: input.files,
      distinctCustomers: 5,
      customers: 1,
      buyers: 2,
      purchases: 3,
      surveyAnswers: 1,
      supportContacts: 1,
      journeys: 1,
      firstDate: '2020-01-01',
      observationEnd: '2020-02-01',
      calibrationEnd: undefined,
    });
    expect(s.lines).toEqual([
      'purchases    p.csv: 3 records',
      'customers    c.json: 1 record',
      '5 distinct customers. 1 customer records, 2 buying customers, 3 purchases, 1 survey answers, 1 support contacts, 1 journeys; data from 2020-01-01 up to 2020-02-01.',
    ]);
  });

  it('customers only: no period and no purchases, said so', () => {
    const s = overviewSection(reportInput({ customers: [{ id: 'a' }, { id: 'b' }] }));
    expect(s.lines[0]).toBe('2 distinct customers. 2 customer records, no purchases, 0 survey answers, 0 support contacts, 0 journeys; no dated records, so no period to report on.');
    expect(s.lines[1]).toBe('No purchases: the retention, survival, CLV and RFM sections need them.');
    expect(s.data).toMatchObject({ firstDate: undefined, observationEnd: undefined });
  });
});
