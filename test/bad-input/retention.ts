/** Bad-input rows of the retention domain (see `table.ts`). Owned by the retention/clv gate (h/gate-b). */
import { logRankTest } from '../../src/retention/log-rank-test';
import { replaceField, type Row } from './table';

type Life = { t: number; c: boolean };
const LIVES_A: Life[] = [{ t: 2, c: true }, { t: 3, c: false }, { t: 5, c: true }, { t: 6, c: true }];
const LIVES_B: Life[] = [{ t: 1, c: true }, { t: 2, c: true }, { t: 4, c: false }, { t: 4, c: true }];
const LIVES = { duration: (d: Life) => d.t, churned: (d: Life) => d.c };

export const retentionRows: readonly Row[] = [
  {
    name: 'logRankTest',
    call: (data, options) => logRankTest(data as never, options as never),
    valid: { data: { a: LIVES_A, b: LIVES_B }, options: LIVES },
    optionKeys: ['duration', 'churned', 'customerId', 'at', 'type', 'firstActive', 'lastActive', 'unit', 'observationEnd', 'activity', 'churnAfter', 'projection'],
    accessors: ['duration', 'churned'],
    numbers: [
      { what: 'duration', put: (bad) => ({ data: { a: replaceField(LIVES_A, 2, 't', bad), b: LIVES_B }, options: LIVES }) },
      { what: 'alpha', put: (bad) => ({ data: { a: LIVES_A, b: LIVES_B }, options: { ...LIVES, projection: { alpha: bad, beta: 1 } } }) },
    ],
    nullRecords: true,
    withNulls: (data) => {
      const groups = data as { a: Life[]; b: Life[] };
      return { a: [null, ...groups.a, undefined], b: groups.b };
    },
  },
];
