/** Bad-input rows of the survey domain (see `table.ts`). */
import { nps } from '../../src/survey/nps';
import { replaceAt, replaceField, type Row } from './table';

const SCORES = [10, 9, 8, 7, 3, 0];
const RECORDS = SCORES.map((s) => ({ s, w: 1 }));
const BY_RECORD = { accessor: (r: { s: number }) => r.s, weight: (r: { w: number }) => r.w };

export const surveyRows: readonly Row[] = [
  {
    name: 'nps',
    call: (data, options) => nps(data as number[], options as never),
    valid: { data: RECORDS, options: BY_RECORD },
    collection: { name: 'values' },
    optionKeys: ['accessor', 'weight'],
    accessors: ['accessor', 'weight'],
    numbers: [
      { what: 'score', put: (bad) => ({ data: replaceAt(SCORES, 2, bad) }) },
      { what: 'score', put: (bad) => ({ data: replaceField(RECORDS, 2, 's', bad), options: BY_RECORD }) },
      { what: 'weight', put: (bad) => ({ data: replaceField(RECORDS, 2, 'w', bad), options: BY_RECORD }) },
    ],
    nullRecords: true,
  },
];
