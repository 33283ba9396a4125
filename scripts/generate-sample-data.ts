/**
 * Writes the report's generated sample data, `sample/{customers,interactions,journeys}.json`,
 * for the customers of the CDNOW sample in `sample/purchases.csv`. Deterministic: the
 * same seed and purchases give byte-identical files.
 *
 *   npx tsx scripts/generate-sample-data.ts                 # regenerate from purchases.csv
 *   npx tsx scripts/generate-sample-data.ts --cdnow test/fixtures/data/CDNOW_sample.txt
 *                                                           # first rebuild purchases.csv from the original
 *   npx tsx scripts/generate-sample-data.ts --out DIR       # write to DIR instead of sample
 *
 * What is simulated (everything else is real CDNOW data):
 * - each customer has a latent satisfaction driven by how often they really bought
 *   (repeat buyers are happier), their acquisition source and noise;
 * - survey answers (NPS 0–10, CSAT 1–5, CES 1–7) per touchpoint, mapped from that latent
 *   score through realistic, skewed answer distributions; delivery is the weak spot, worse in
 *   the 1997 holiday season; slow or unresolved support contacts lower the answers about them;
 * - attribute ratings 1–5 on the relationship NPS surveys (`ratings`), generated with known
 *   drivers (see {@link DRIVERS}): each rating loads on the answer's latent score with a fixed
 *   strength, so a key-driver analysis recovers the order delivery speed > support quality >
 *   product range > price > app experience (no effect); drawn from their own seeded stream, so
 *   every other generated value is unchanged;
 * - support contacts with log-normal first-response and resolution times per channel, a
 *   first-contact-resolution flag, and contacts still open at the end of the period;
 * - journeys awareness → consideration → purchase → onboarding → loyalty with their touchpoint
 *   visits: every CDNOW customer reached purchase, loyalty means a real second purchase day,
 *   and prospects who never bought drop off before purchase.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvField, parseCsv } from '../src/cli/csv';
import { createRandom, normalCdf, type Random } from './lib/random';

const SEED = 20050401; // FHL 2005, Marketing Science 24(2): the paper the purchases come from
const DAY = 86_400_000;
const MINUTE = 60_000;
const PERIOD_START = Date.UTC(1997, 0, 1);
const PERIOD_END = Date.UTC(1998, 5, 30, 23, 59, 59); // last instant of the CDNOW observation window
const PROSPECTS = 2000;

const root = fileURLToPath(new URL('..', import.meta.url));
const sampleDir = join(root, 'sample');
/** Where the files are written: sample, or the directory after `--out` (the determinism test uses a temporary one). */
const outIndex = process.argv.indexOf('--out');
const dataDir = outIndex === -1 ? sampleDir : (process.argv[outIndex + 1] ?? sampleDir);

/** Answer distributions (shares of each score, lowest first) that the latent score is mapped through. */
const ANSWER_SHARES = {
  nps: [0.03, 0.015, 0.025, 0.03, 0.03, 0.06, 0.07, 0.12, 0.18, 0.19, 0.25],
  csat: [0.05, 0.07, 0.13, 0.35, 0.4],
  ces: [0.03, 0.05, 0.08, 0.14, 0.25, 0.27, 0.18],
} as const;
const SCALE_MIN = { nps: 0, csat: 1, ces: 1 } as const;

type Metric = keyof typeof ANSWER_SHARES;

/**
 * The known drivers of the relationship NPS: each attribute rating is
 * loading × (the answer's latent score) + √(1 − loading²) × noise, shifted by `level` (in SDs;
 * below 0 = rated worse than average), mapped to 1–5 through {@link RATING_SHARES}, and left
 * unanswered with probability `skip`.
 */
const DRIVERS = {
  'delivery speed': { loading: 0.6, level: -0.45, skip: 0.04 },
  'support quality': { loading: 0.45, level: -0.1, skip: 0.12 },
  'product range': { loading: 0.3, level: 0.3, skip: 0.03 },
  price: { loading: 0.15, level: 0.05, skip: 0.03 },
  'app experience': { loading: 0, level: 0.35, skip: 0.08 },
} as const;
/** Shares of ratings 1–5 at level 0. */
const RATING_SHARES = [0.06, 0.14, 0.3, 0.33, 0.17] as const;
/** Seed of the ratings' own stream. */
const RATINGS_SEED = 2000_0101; // Johnson (2000), the relative-weights paper
type Channel = 'web' | 'app' | 'email' | 'phone' | 'chat' | 'social';
type Source = 'search' | 'email' | 'social' | 'partner';

/** Touchpoints: channel, stage and how much better (+) or worse (−) answers about them are, in latent SDs. */
const TOUCHPOINTS = {
  'search-ad': { channel: 'web', effect: 0 },
  newsletter: { channel: 'email', effect: 0 },
  'social-post': { channel: 'social', effect: 0 },
  'partner-site': { channel: 'web', effect: 0 },
  'product-page': { channel: 'web', effect: 0.1 },
  reviews: { channel: 'web', effect: 0.1 },
  'app-browse': { channel: 'app', effect: 0.15 },
  checkout: { channel: 'web', effect: 0.05 },
  'app-checkout': { channel: 'app', effect: 0.3 },
  delivery: { channel: 'email', effect: -0.35 },
  'order-confirmation': { channel: 'email', effect: 0 },
  'help-centre': { channel: 'web', effect: -0.1 },
  'loyalty-club': { channel: 'app', effect: 0.2 },
  account: { channel: 'email', effect: 0 },
  'support-phone': { channel: 'phone', effect: -0.25 },
  'support-chat': { channel: 'chat', effect: 0.15 },
  'support-email': { channel: 'email', effect: -0.15 },
  'support-social': { channel: 'social', effect: -0.05 },
} as const satisfies Record<string, { channel: Channel; effect: number }>;
type TouchpointId = keyof typeof TOUCHPOINTS;

const SOURCES: readonly (readonly [Source, number])[] = [
  ['search', 0.45],
  ['email', 0.2],
  ['social', 0.2],
  ['partner', 0.15],
];
const SOURCE_TOUCHPOINT: Record<Source, TouchpointId> = { search: 'search-ad', email: 'newsletter', social: 'social-post', partner: 'partner-site' };
/** Acquisition sources differ a little in how happy their customers are. */
const SOURCE_EFFECT: Record<Source, number> = { search: 0.05, email: 0.15, social: -0.15, partner: -0.05 };

/** Support channels: share of contacts, medians (minutes) and spread of the log-normal times, first-contact-resolution rate. */
const SUPPORT = {
  phone: { share: 0.3, response: 3, responseSigma: 0.8, resolve: 12, resolveSigma: 0.8, fcr: 0.74 },
  chat: { share: 0.3, response: 1.5, responseSigma: 0.9, resolve: 20, resolveSigma: 0.9, fcr: 0.7 },
  email: { share: 0.35, response: 300, responseSigma: 1, resolve: 900, resolveSigma: 0.9, fcr: 0.55 },
  social: { share: 0.05, response: 90, responseSigma: 1, resolve: 480, resolveSigma: 1, fcr: 0.6 },
} as const;
type SupportChannel = keyof typeof SUPPORT;

/** A purchase row of purchases.csv. */
interface PurchaseRow {
  readonly customerId: string;
  readonly day: number; // epoch ms of the UTC day
  readonly cds: number;
  readonly amount: number;
}

/** An interaction as written to JSON (instants as ISO strings). */
type Json = { [key: string]: string | number | boolean | Json | Json[] | undefined };

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Convert the original CDNOW sample (`master_id sample_id yyyymmdd cds dollars`) to purchases.csv. */
function convertCdnow(path: string): void {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const out = ['customer_id,date,cds,amount'];
  for (const line of lines) {
    const [, sampleId, date, cds, dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
    out.push([String(Number(sampleId)), `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, cds, dollars].map(csvField).join(','));
  }
  writeFileSync(join(dataDir, 'purchases.csv'), `${out.join('\n')}\n`);
}

function readPurchases(file: string): PurchaseRow[] {
  const table = parseCsv(readFileSync(file, 'utf8'));
  return table.records.map(({ fields }) => ({
    customerId: fields.customer_id as string,
    day: Date.parse(`${fields.date}T00:00:00Z`),
    cds: Number(fields.cds),
    amount: Number(fields.amount),
  }));
}

/** A survey answer on the metric's scale for a latent score (standard normal scale). */
/** An attribute rating 1–5 for a standard-normal latent value. */
function rating(latent: number): number {
  const u = normalCdf(latent);
  let cumulative = 0;
  for (let k = 0; k < RATING_SHARES.length; k++) {
    cumulative += RATING_SHARES[k] as number;
    if (u < cumulative) return k + 1;
  }
  return RATING_SHARES.length;
}

/** The attribute ratings of a relationship survey whose answer had this latent score (see {@link DRIVERS}). */
function ratingsFor(random: Random, latent: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, d] of Object.entries(DRIVERS)) {
    const value = d.loading * latent + Math.sqrt(1 - d.loading ** 2) * random.normal() + d.level;
    if (!random.chance(d.skip)) out[name] = rating(value);
  }
  return out;
}

function answer(metric: Metric, latent: number): number {
  const u = normalCdf(latent);
  const shares = ANSWER_SHARES[metric];
  let cumulative = 0;
  for (let k = 0; k < shares.length; k++) {
    cumulative += shares[k] as number;
    if (u < cumulative) return SCALE_MIN[metric] + k;
  }
  return SCALE_MIN[metric] + shares.length - 1;
}

/** A time of day for a customer action: mostly 08:00–23:00 UTC. */
function timeOfDay(random: Random): number {
  return Math.round(8 * 60 + random.uniform() * 15 * 60) * MINUTE;
}

/** The season effect on answers about delivery: the 1997 holiday rush went badly. */
function deliveryRush(at: number): number {
  return at >= Date.UTC(1997, 10, 15) && at < Date.UTC(1998, 0, 15) ? -0.45 : 0;
}

/** A gentle company-wide trend: answers slip in autumn 1997 and recover in 1998. */
function trend(at: number): number {
  const months = (at - PERIOD_START) / (30.436875 * DAY);
  return -0.12 * Math.exp(-((months - 11) ** 2) / 18) + 0.01 * months;
}

interface CustomerFacts {
  readonly id: string;
  readonly days: readonly number[]; // distinct purchase days, ascending
  readonly source: Source;
  readonly satisfaction: number; // latent, ~standard normal
}

function main(): void {
  mkdirSync(dataDir, { recursive: true });
  const cdnow = process.argv.indexOf('--cdnow');
  if (cdnow !== -1) convertCdnow(process.argv[cdnow + 1] ?? '');
  const random = createRandom(SEED);
  const ratingsRandom = createRandom(RATINGS_SEED);
  const purchases = readPurchases(join(cdnow === -1 ? sampleDir : dataDir, 'purchases.csv'));

  // Distinct purchase days per customer, in order of first appearance.
  const daysById = new Map<string, Set<number>>();
  for (const p of purchases) {
    let set = daysById.get(p.customerId);
    if (set === undefined) daysById.set(p.customerId, (set = new Set()));
    set.add(p.day);
  }
  const loyalty = [...daysById.values()].map((d) => Math.log1p(d.size - 1));
  const mean = loyalty.reduce((s, x) => s + x, 0) / loyalty.length;
  const sd = Math.sqrt(loyalty.reduce((s, x) => s + (x - mean) ** 2, 0) / loyalty.length);

  const customers: CustomerFacts[] = [...daysById].map(([id, set]) => {
    const source = random.pick(SOURCES);
    const repeat = (Math.log1p(set.size - 1) - mean) / sd;
    return {
      id,
      days: [...set].sort((a, b) => a - b),
      source,
      satisfaction: 0.55 * repeat + SOURCE_EFFECT[source] + 0.75 * random.normal(),
    };
  });

  const interactions: Json[] = [];
  const journeys: Json[] = [];
  const survey = (c: CustomerFacts, metric: Metric, touchpoint: TouchpointId, at: number, shift = 0): void => {
    if (at > PERIOD_END) return;
    const latent = (c.satisfaction + TOUCHPOINTS[touchpoint].effect + trend(at) + shift + 0.6 * random.normal()) / 1.05;
    const record: Json = { type: 'survey', customerId: c.id, at: iso(at), touchpoint, channel: TOUCHPOINTS[touchpoint].channel, metric, score: answer(metric, latent) };
    // The relationship survey also asks for attribute ratings (the key-driver data).
    if (metric === 'nps' && touchpoint === 'account') record.ratings = ratingsFor(ratingsRandom, latent);
    interactions.push(record);
  };

  for (const c of customers) {
    const first = c.days[0] as number;
    const engaged = normalCdf(c.satisfaction); // happier customers answer more surveys

    // Relationship NPS 30 days after the first purchase, then every six months.
    for (let at = first + 30 * DAY; at <= PERIOD_END; at += 182 * DAY) {
      if (random.chance(0.2 + 0.25 * engaged)) survey(c, 'nps', 'account', at + timeOfDay(random));
    }
    // Transactional surveys after each purchase day.
    for (const day of c.days) {
      const app = random.chance(0.25 + 0.2 * ((day - PERIOD_START) / (PERIOD_END - PERIOD_START)));
      const checkout: TouchpointId = app ? 'app-checkout' : 'checkout';
      const at = day + timeOfDay(random);
      if (random.chance(0.18)) survey(c, 'csat', checkout, at + 10 * MINUTE);
      if (random.chance(0.12)) survey(c, 'ces', checkout, at + 10 * MINUTE);
      const delivered = day + random.integer(2, 7) * DAY + timeOfDay(random);
      if (random.chance(0.14)) survey(c, 'csat', 'delivery', delivered + DAY, deliveryRush(delivered));
      if (random.chance(0.07)) survey(c, 'nps', 'delivery', delivered + DAY, deliveryRush(delivered));
    }
    // Support contacts: about one for every four purchase days, after a purchase.
    const contacts = random.poisson(0.28 * c.days.length);
    for (let k = 0; k < contacts; k++) {
      const day = c.days[random.integer(0, c.days.length - 1)] as number;
      const opened = day + random.integer(1, 20) * DAY + timeOfDay(random);
      if (opened > PERIOD_END) continue;
      const channel = random.pick((Object.keys(SUPPORT) as SupportChannel[]).map((ch) => [ch, SUPPORT[ch].share] as const));
      const s = SUPPORT[channel];
      const response = opened + Math.max(1, Math.round(random.logNormal(s.response, s.responseSigma))) * MINUTE;
      const firstContact = random.chance(s.fcr + 0.08 * (engaged - 0.5));
      const work = random.logNormal(s.resolve, s.resolveSigma) * (firstContact ? 1 : 3 + random.uniform() * 6);
      const resolved = response + Math.max(1, Math.round(work)) * MINUTE;
      const touchpoint = `support-${channel}` as TouchpointId;
      interactions.push({
        type: 'support',
        customerId: c.id,
        at: iso(opened),
        touchpoint,
        channel,
        firstResponseAt: response <= PERIOD_END ? iso(response) : undefined,
        resolvedAt: resolved <= PERIOD_END ? iso(resolved) : undefined,
        resolvedOnFirstContact: resolved <= PERIOD_END ? firstContact : undefined,
      });
      if (resolved > PERIOD_END || !random.chance(0.4)) continue;
      // Post-contact survey: slow or repeated contacts hurt.
      const slow = Math.log((resolved - opened) / MINUTE / s.resolve);
      const shift = (firstContact ? 0.1 : -0.55) - 0.15 * Math.max(0, slow);
      const surveyed = resolved + random.integer(5, 600) * MINUTE;
      survey(c, 'csat', touchpoint, surveyed, shift);
      survey(c, 'ces', touchpoint, surveyed + MINUTE, shift);
      if (random.chance(0.5)) survey(c, 'nps', touchpoint, surveyed + 2 * MINUTE, shift);
    }

    journeys.push(customerJourney(random, c));
  }

  // Prospects who never bought: awareness, some consideration, then nothing.
  for (let k = 1; k <= PROSPECTS; k++) {
    const id = `P${String(k).padStart(4, '0')}`;
    const source = random.pick(SOURCES);
    const aware = PERIOD_START + Math.floor(random.uniform() * (PERIOD_END - PERIOD_START - 30 * DAY));
    const stages: Json[] = [stage('awareness', id, aware + timeOfDay(random) - (aware % DAY), [SOURCE_TOUCHPOINT[source]], random)];
    if (random.chance(0.38)) {
      const considered = aware - (aware % DAY) + Math.max(1, Math.round(random.logNormal(4, 1))) * DAY + timeOfDay(random);
      stages.push(stage('consideration', id, considered, browse(random), random));
    }
    journeys.push({ customerId: id, segment: source, stages });
  }

  interactions.sort((a, b) => (a.at as string).localeCompare(b.at as string) || String(a.customerId).localeCompare(String(b.customerId)));
  const customerRecords: Json[] = customers.map((c) => ({ id: c.id, acquiredAt: iso(c.days[0] as number), segment: c.source }));
  writeJsonLines('customers.json', customerRecords);
  writeJsonLines('interactions.json', interactions);
  writeJsonLines('journeys.json', journeys);
  const count = (type: string): number => interactions.filter((i) => i.type === type).length;
  console.log(
    `wrote ${customerRecords.length} customers, ${count('survey')} survey answers, ${count('support')} support contacts, ${journeys.length} journeys to ${dataDir}`,
  );
}

/** Touchpoints a customer browses while considering. */
function browse(random: Random): TouchpointId[] {
  const first = random.pick<TouchpointId>([['product-page', 0.55], ['app-browse', 0.25], ['reviews', 0.2]]);
  return random.chance(0.3) ? [first, 'reviews'] : [first];
}

/** A journey stage entered at `at`, with a visit to each touchpoint a few minutes apart. */
function stage(name: string, customerId: string, at: number, touchpoints: readonly TouchpointId[], random: Random): Json {
  let when = at;
  const interactions = touchpoints.map((touchpoint) => {
    const visit = { type: 'visit', customerId, at: iso(when), touchpoint, channel: TOUCHPOINTS[touchpoint].channel };
    when += random.integer(1, 30) * MINUTE;
    return visit;
  });
  return { name, enteredAt: iso(at), interactions };
}

/** The journey of a CDNOW customer, anchored on their real purchase days. */
function customerJourney(random: Random, c: CustomerFacts): Json {
  const first = c.days[0] as number;
  const second = c.days[1];
  const purchaseAt = first + timeOfDay(random);
  const lead = Math.max(1, Math.round(random.logNormal(9, 0.9))); // days from awareness to first purchase
  const aware = first - lead * DAY + timeOfDay(random);
  const stages: Json[] = [stage('awareness', c.id, aware, [SOURCE_TOUCHPOINT[c.source]], random)];
  if (random.chance(0.9)) {
    const considered = Math.min(aware + Math.round(random.uniform() * lead * 0.8) * DAY + random.integer(10, 300) * MINUTE, purchaseAt - 30 * MINUTE);
    stages.push(stage('consideration', c.id, Math.max(considered, aware), browse(random), random));
  }
  stages.push(stage('purchase', c.id, purchaseAt, [random.chance(0.3) ? 'app-checkout' : 'checkout'], random));
  const repeats = second !== undefined;
  if (repeats || random.chance(0.82)) {
    let onboarded = first + random.integer(2, 6) * DAY + timeOfDay(random);
    if (second !== undefined) onboarded = Math.min(onboarded, second + 7 * 60 * MINUTE);
    stages.push(stage('onboarding', c.id, Math.max(onboarded, purchaseAt + 60 * MINUTE), [random.chance(0.75) ? 'order-confirmation' : 'help-centre'], random));
  }
  if (second !== undefined) {
    const at = second + 8 * 60 * MINUTE + random.integer(0, 14 * 60) * MINUTE;
    stages.push(stage('loyalty', c.id, at, [random.chance(0.5) ? 'loyalty-club' : 'newsletter'], random));
  }
  return { customerId: c.id, segment: c.source, stages };
}

/** A JSON array with one record per line: small diffs, and loaders can point at a line. */
function writeJsonLines(name: string, records: readonly Json[]): void {
  writeFileSync(join(dataDir, name), `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
}

main();
