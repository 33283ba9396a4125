/**
 * Bad-input rows of the models domain (see `table.ts`). The parsers take `unknown` (typically
 * `JSON.parse` output) and report every problem, the input itself included, as one
 * `INVALID_RECORD` whose `details.issues` lists each with its path: that is their documented
 * code for every class. They take no options, and a `null` element of a list is an issue, not a
 * missing answer (a parser returns records, it does not count).
 */
import { bgNbd, fitBgNbd, simulateBgNbd } from '../../src/clv/index';
import { drawParameters } from '../../src/models/draw-parameters';
import { parseCustomer } from '../../src/models/parse-customer';
import { parseInteraction } from '../../src/models/parse-interaction';
import { parseInteractions } from '../../src/models/parse-interactions';
import { parseJourney } from '../../src/models/parse-journey';
import { parseJourneys } from '../../src/models/parse-journeys';
import { parseTouchpoint } from '../../src/models/parse-touchpoint';
import { replaceAt, type NumberSite, type Row } from './table';

const at = '2024-03-04T18:25:00Z';
const SURVEY = { type: 'survey', customerId: 'c1', at, metric: 'nps', score: 9 };
const PURCHASE = { type: 'purchase', customerId: 'c1', at, amount: 120, currency: 'USD' };
const JOURNEY = {
  customerId: 'c1',
  stages: [
    { name: 'awareness', enteredAt: '2024-03-01T10:00:00Z', interactions: [] },
    { name: 'purchase', enteredAt: '2024-03-04T18:20:00Z', interactions: [PURCHASE] },
  ],
};
const PARSER = { code: 'INVALID_RECORD' } as const;
const BG_NBD_FIT = fitBgNbd(simulateBgNbd({ r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, { customers: 500, T: 39, seed: 2 }));

/** Number sites of one interaction, as `wrap` places it in the parser's input. */
function interactionSites(wrap: (interaction: object) => unknown): NumberSite[] {
  return [
    { what: 'score', put: (bad) => ({ data: wrap({ ...SURVEY, score: bad }) }), ...PARSER },
    { what: 'amount', put: (bad) => ({ data: wrap({ ...PURCHASE, amount: bad }) }), ...PARSER },
    // `at` also accepts ISO strings: '9' is not one.
    { what: 'at', put: (bad) => ({ data: wrap({ ...PURCHASE, at: bad }) }), ...PARSER },
  ];
}

function journeyWith(interaction: object): object {
  return { ...JOURNEY, stages: [JOURNEY.stages[0], { ...JOURNEY.stages[1], interactions: [interaction] }] };
}

export const modelsRows: readonly Row[] = [
  {
    // The data argument is the fit: one record, no collection and no missing values.
    name: 'drawParameters',
    call: (data, options) => drawParameters(bgNbd, data as never, options as never),
    valid: { data: BG_NBD_FIT, options: { draws: 3, seed: 1 } },
    optionKeys: ['draws', 'seed'],
    numbers: [
      { what: 'draws', put: (bad) => ({ data: BG_NBD_FIT, options: { draws: bad } }) },
      { what: 'seed', put: (bad) => ({ data: BG_NBD_FIT, options: { seed: bad } }) },
      // A fit restored from storage is input too.
      { what: 'fit.r', put: (bad) => ({ data: { ...BG_NBD_FIT, r: bad }, options: { draws: 3 } }) },
      { what: 'fit.logParameterCovariance[1][1]', put: (bad) => ({ data: { ...BG_NBD_FIT, logParameterCovariance: BG_NBD_FIT.logParameterCovariance!.map((row, i) => (i === 1 ? row.map((x, j) => (j === 1 ? bad : x)) : row)) }, options: { draws: 3 } }) },
    ],
    sizes: [{ what: 'draws', put: (huge) => ({ data: BG_NBD_FIT, options: { draws: huge } }) }],
    rejects: [
      {
        // every/map skip holes: a sparse covariance once reached the Cholesky factor as a ragged matrix.
        what: 'a covariance matrix with a hole',
        run: () => {
          const holey = BG_NBD_FIT.logParameterCovariance!.slice();
          delete holey[2];
          return drawParameters(bgNbd, { ...BG_NBD_FIT, logParameterCovariance: holey } as never, { draws: 3 });
        },
        code: 'INVALID_INPUT',
        mentions: ['fit.logParameterCovariance', '4 × 4 matrix'],
      },
      {
        what: 'a covariance row with a hole',
        run: () => {
          const holey = BG_NBD_FIT.logParameterCovariance!.map((row) => row.slice());
          delete holey[1]![2];
          return drawParameters(bgNbd, { ...BG_NBD_FIT, logParameterCovariance: holey } as never, { draws: 3 });
        },
        code: 'INVALID_NUMBER',
        mentions: ['fit.logParameterCovariance[1][2]', 'undefined'],
      },
    ],
  },
  {
    name: 'parseCustomer',
    call: (data) => parseCustomer(data),
    valid: { data: { id: 'c1', acquiredAt: '2024-01-15T09:00:00Z', segment: 'smb' } },
    collection: { name: 'input', ...PARSER },
    numbers: [{ what: 'acquiredAt', put: (bad) => ({ data: { id: 'c1', acquiredAt: bad } }), ...PARSER }],
  },
  {
    name: 'parseTouchpoint',
    call: (data) => parseTouchpoint(data),
    valid: { data: { id: 'checkout', name: 'Checkout page', channel: 'web' } },
    collection: { name: 'input', ...PARSER },
  },
  {
    name: 'parseInteraction',
    call: (data) => parseInteraction(data),
    valid: { data: PURCHASE },
    collection: { name: 'input', ...PARSER },
    numbers: interactionSites((i) => i),
  },
  {
    name: 'parseInteractions',
    call: (data) => parseInteractions(data),
    valid: { data: [SURVEY, PURCHASE] },
    collection: { name: 'input', ...PARSER },
    numbers: interactionSites((i) => replaceAt([SURVEY, PURCHASE], 1, i)),
  },
  {
    name: 'parseJourney',
    call: (data) => parseJourney(data),
    valid: { data: JOURNEY },
    collection: { name: 'input', ...PARSER },
    numbers: [
      ...interactionSites(journeyWith),
      { what: 'enteredAt', put: (bad) => ({ data: { ...JOURNEY, stages: [{ ...JOURNEY.stages[0], enteredAt: bad }, JOURNEY.stages[1]] } }), ...PARSER },
    ],
  },
  {
    name: 'parseJourneys',
    call: (data) => parseJourneys(data),
    valid: { data: [JOURNEY, JOURNEY] },
    collection: { name: 'input', ...PARSER },
    numbers: interactionSites((i) => [JOURNEY, journeyWith(i)]),
  },
];
