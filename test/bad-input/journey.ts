/** Bad-input rows of the journey domain (see `table.ts`). */
import { journeyFunnel } from '../../src/journey/journey-funnel';
import { journeyFunnelTally } from '../../src/journey/journey-funnel-tally';
import { journeyPaths } from '../../src/journey/journey-paths';
import { journeySatisfaction } from '../../src/journey/journey-satisfaction';
import { rfmSegments } from '../../src/journey/rfm-segments';
import { serviceLevels } from '../../src/journey/service-levels';
import { stageTiming } from '../../src/journey/stage-timing';
import { touchpointScores } from '../../src/journey/touchpoint-scores';
import { weakestTouchpoints } from '../../src/journey/weakest-touchpoints';
import { foldWith, replaceAt, replaceField, type NumberSite, type Row } from './table';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const STAGES = ['awareness', 'purchase'];

function survey(customerId: string, score: unknown, touchpoint = 'checkout'): object {
  return { type: 'survey', customerId, at: T0, metric: 'nps', touchpoint, channel: 'web', score };
}

/** A two-stage journey of customer `c<k>`, the second stage holding one NPS answer `score`. */
function journey(k: number, score: unknown = 9, enteredAt: unknown = T0): object {
  const customerId = `c${k}`;
  return {
    customerId,
    segment: 'smb',
    stages: [
      { name: 'awareness', enteredAt, interactions: [{ type: 'visit', customerId, at: T0, touchpoint: 'home', channel: 'web' }] },
      { name: 'purchase', enteredAt: T0 + DAY, interactions: [survey(customerId, score)] },
    ],
  };
}

const JOURNEYS = [0, 1, 2, 3].map((k) => journey(k));
const AT = 2;

/** Where a journey function reads numbers: the answer's score (when it reads answers) and the first stage's entry instant. */
function journeySites(options: object | undefined, readsScores: boolean): NumberSite[] {
  const sites: NumberSite[] = [
    { what: 'enteredAt', code: 'INVALID_DATE', put: (bad) => ({ data: replaceAt(JOURNEYS, AT, journey(AT, 9, bad)), options }) },
  ];
  if (readsScores) sites.push({ what: 'score', put: (bad) => ({ data: replaceAt(JOURNEYS, AT, journey(AT, bad)), options }) });
  return sites;
}

/** An option that must be a number, with the row's other valid options. */
function optionSite(what: string, options: object = {}, data: unknown = JOURNEYS): NumberSite {
  return { what, put: (bad) => ({ data, options: { ...options, [what]: bad } }) };
}

const RFM_ROWS = [
  { recency: 1, frequency: 5, monetaryValue: 300 },
  { recency: 20, frequency: 1, monetaryValue: 40 },
  { recency: 3, frequency: 3, monetaryValue: 120 },
  { recency: 9, frequency: 2, monetaryValue: 80 },
  { recency: 14, frequency: 4, monetaryValue: 200 },
];
const RFM_OPTIONS = {
  recencyMeaning: 'since-last-purchase',
  recency: (r: { recency: number }) => r.recency,
  frequency: (r: { frequency: number }) => r.frequency,
  monetary: (r: { monetaryValue: number }) => r.monetaryValue,
};

const MIN = 60_000;
const CONTACTS = [0, 1, 2, 3].map((k) => ({
  type: 'support',
  customerId: `c${k}`,
  channel: 'chat',
  at: T0 + k * MIN,
  firstResponseAt: T0 + (k + 5) * MIN,
  resolvedAt: T0 + (k + 30) * MIN,
}));

const ANSWERS = [10, 9, 9, 8, 6, 3, 2, 1, 9, 10].map((score, k) => survey(`c${k}`, score));
const SCORES = touchpointScores(ANSWERS as never);

/** SCORES with field `path` (`['nps', 'score']`) of its first group set to `bad` (a result restored or built by hand). */
function scoresWith(path: readonly string[], bad: unknown): unknown {
  const set = (target: unknown, keys: readonly string[]): unknown =>
    keys.length === 0 ? bad : { ...(target as object), [keys[0]!]: set((target as Record<string, unknown> | undefined)?.[keys[0]!], keys.slice(1)) };
  return { ...SCORES, groups: [set(SCORES.groups[0], path), ...SCORES.groups.slice(1)] };
}

/** A field of the first group that weakestTouchpoints reads for `metric`. */
function scoreSite(path: readonly string[], metric = 'nps'): NumberSite {
  return { what: path.join('.'), put: (bad) => ({ data: scoresWith(path, bad), options: { metric, minimumSize: 5 } }) };
}

const rankScores = (data: unknown, options: object = { minimumSize: 5 }) => () => weakestTouchpoints(data as never, options as never);

export const journeyRows: readonly Row[] = [
  {
    name: 'journeyFunnel',
    call: (data, options) => journeyFunnel(data as never, options as never),
    valid: { data: JOURNEYS, options: { stages: STAGES, level: 0.9, groupBy: (j: { segment: string }) => j.segment } },
    collection: { name: 'journeys' },
    optionKeys: ['stages', 'level', 'groupBy'],
    numbers: [...journeySites({ stages: STAGES, level: 0.9 }, false), optionSite('level', { stages: STAGES })],
    nullRecords: true,
  },
  {
    name: 'journeyFunnelTally',
    call: foldWith(journeyFunnelTally),
    valid: { data: JOURNEYS, options: { stages: STAGES, level: 0.9, groupBy: 'segment' } },
    optionKeys: ['stages', 'level', 'groupBy'],
    numbers: [...journeySites({ stages: STAGES }, false), optionSite('level', { stages: STAGES })],
    nullRecords: true,
  },
  {
    name: 'journeyPaths',
    call: (data, options) => journeyPaths(data as never, options as never),
    valid: { data: JOURNEYS, options: { top: 3, stages: STAGES, converted: 'purchase' } },
    collection: { name: 'journeys' },
    optionKeys: ['collapseRepeats', 'maxLength', 'top', 'converted', 'stages'],
    numbers: [...journeySites(undefined, false), optionSite('top'), optionSite('maxLength')],
    nullRecords: true,
  },
  {
    name: 'journeySatisfaction',
    call: (data, options) => journeySatisfaction(data as never, options as never),
    valid: { data: JOURNEYS, options: { stages: STAGES, converted: 'purchase' } },
    collection: { name: 'journeys' },
    optionKeys: ['converted', 'stages'],
    numbers: journeySites(undefined, true),
    nullRecords: true,
  },
  {
    name: 'stageTiming',
    call: (data, options) => stageTiming(data as never, options as never),
    valid: { data: JOURNEYS, options: { stages: STAGES, unit: 'day', percentiles: [0.5], asOf: T0 + 10 * DAY } },
    collection: { name: 'journeys' },
    optionKeys: ['stages', 'unit', 'percentiles', 'asOf'],
    numbers: [...journeySites({ stages: STAGES, unit: 'day' }, false), { ...optionSite('asOf', { stages: STAGES, unit: 'day' }), code: 'INVALID_DATE' }],
    nullRecords: true,
  },
  {
    name: 'touchpointScores',
    call: (data, options) => touchpointScores(data as never, options as never),
    valid: { data: [...JOURNEYS, ...ANSWERS], options: { by: 'touchpoint-channel', level: 0.9 } },
    collection: { name: 'input' },
    optionKeys: ['by', 'level'],
    numbers: [
      ...journeySites(undefined, true),
      { what: 'score', put: (bad) => ({ data: replaceAt(ANSWERS, AT, survey('c', bad)) }) },
      optionSite('level'),
    ],
    nullRecords: true,
  },
  {
    name: 'weakestTouchpoints',
    call: (data, options) => weakestTouchpoints(data as never, options as never),
    valid: { data: SCORES, options: { metric: 'nps', minimumSize: 5, limit: 2 } },
    collection: { name: 'scores' },
    optionKeys: ['metric', 'minimumSize', 'limit'],
    numbers: [
      optionSite('minimumSize', {}, SCORES),
      optionSite('limit', {}, SCORES),
      scoreSite(['nps', 'total']),
      scoreSite(['nps', 'score']),
      scoreSite(['npsInterval', 'lower']),
      scoreSite(['npsInterval', 'upper']),
      scoreSite(['csat', 'total'], 'csat'),
      scoreSite(['csat', 'share'], 'csat'),
      scoreSite(['ces', 'total'], 'ces'),
      scoreSite(['ces', 'mean'], 'ces'),
    ],
    rejects: [
      { what: 'a null group', run: rankScores({ ...SCORES, groups: [null] }), code: 'INVALID_INPUT', mentions: ['groups[0]', 'null'] },
      { what: 'a hole in the groups', run: rankScores({ ...SCORES, groups: [, SCORES.groups[0]] }), code: 'INVALID_INPUT', mentions: ['groups[0]', 'undefined'] },
      { what: 'a null nps', run: rankScores(scoresWith(['nps'], null)), code: 'INVALID_INPUT', mentions: ['groups[0].nps', 'null'] },
      { what: 'a null ces (metric ces)', run: rankScores(scoresWith(['ces'], null), { metric: 'ces' }), code: 'INVALID_INPUT', mentions: ['groups[0].ces'] },
      { what: 'a Symbol total', run: rankScores(scoresWith(['nps', 'total'], Symbol('n'))), code: 'INVALID_NUMBER', mentions: ['nps.total', 'Symbol(n)'] },
      { what: 'a negative total', run: rankScores(scoresWith(['nps', 'total'], -3)), code: 'NEGATIVE_VALUE', mentions: ['nps.total', '-3'] },
      { what: 'an NPS above 100', run: rankScores(scoresWith(['nps', 'score'], 150)), code: 'OUT_OF_RANGE', mentions: ['nps.score', '150'] },
      { what: 'a CSAT share above 1', run: rankScores(scoresWith(['csat', 'share'], 1.5), { metric: 'csat' }), code: 'OUT_OF_RANGE', mentions: ['csat.share', '1.5'] },
      { what: 'a null interval', run: rankScores(scoresWith(['npsInterval'], null)), code: 'INVALID_INPUT', mentions: ['npsInterval', 'null'] },
      { what: 'an interval upside down', run: rankScores(scoresWith(['npsInterval', 'lower'], 99)), code: 'INCONSISTENT_INPUT', mentions: ['npsInterval', '99'] },
      { what: 'a Symbol touchpoint', run: rankScores(scoresWith(['touchpoint'], Symbol('t'))), code: 'INVALID_INPUT', mentions: ['touchpoint', 'Symbol(t)'] },
      { what: 'a numeric channel', run: rankScores(scoresWith(['channel'], 7)), code: 'INVALID_INPUT', mentions: ['channel', '7'] },
      { what: 'groups that are not an array', run: rankScores({ ...SCORES, groups: {} }), code: 'INVALID_INPUT', mentions: ['scores'] },
    ],
  },
  {
    name: 'rfmSegments',
    call: (data, options) => rfmSegments(data as never, options as never),
    valid: { data: RFM_ROWS, options: RFM_OPTIONS },
    collection: { name: 'summary' },
    optionKeys: ['recencyMeaning', 'recency', 'frequency', 'monetary', 'T', 'rules'],
    accessors: ['recency', 'frequency', 'monetary', 'T'],
    numbers: [
      { what: 'recency', put: (bad) => ({ data: replaceField(RFM_ROWS, AT, 'recency', bad), options: RFM_OPTIONS }) },
      { what: 'frequency', put: (bad) => ({ data: replaceField(RFM_ROWS, AT, 'frequency', bad), options: RFM_OPTIONS }) },
      { what: 'monetary', put: (bad) => ({ data: replaceField(RFM_ROWS, AT, 'monetaryValue', bad), options: RFM_OPTIONS }) },
    ],
    nullRecords: true,
  },
  {
    name: 'serviceLevels',
    call: (data, options) => serviceLevels(data as never, options as never),
    valid: { data: CONTACTS, options: { unit: 'minute', firstResponseTarget: 10, resolutionTarget: 60, level: 0.9 } },
    collection: { name: 'contacts' },
    optionKeys: ['unit', 'percentiles', 'firstResponseTarget', 'resolutionTarget', 'asOf', 'level'],
    numbers: [
      { what: 'at', code: 'INVALID_DATE', put: (bad) => ({ data: replaceField(CONTACTS, AT, 'at', bad), options: { unit: 'minute' } }) },
      { what: 'resolvedAt', code: 'INVALID_DATE', put: (bad) => ({ data: replaceField(CONTACTS, AT, 'resolvedAt', bad), options: { unit: 'minute' } }) },
      optionSite('firstResponseTarget', { unit: 'minute' }, CONTACTS),
      optionSite('level', { unit: 'minute' }, CONTACTS),
    ],
    nullRecords: true,
  },
];
