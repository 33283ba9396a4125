/**
 * The `npm start` report: options, loading, the sections in order, text or JSON output.
 * `run` takes the arguments and an output sink and returns the exit code, so tests can call
 * it directly.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CxMetricsError } from '../src/errors';
import type { Customer, Interaction, Journey, Purchase } from '../src/models/index';
import { InputFileError, loadCustomers, loadInteractions, loadJourneys, loadPurchases } from './load';
import { clvSection } from './sections/clv';
import { funnelSection, STAGES } from './sections/funnel';
import { keyDriversSection } from './sections/key-drivers';
import { npsSection } from './sections/nps';
import { npsSegmentsSection } from './sections/nps-segments';
import { overviewSection } from './sections/overview';
import { retentionSection, survivalSection } from './sections/retention';
import { rfmSection } from './sections/rfm';
import { serviceSection } from './sections/service';
import { touchpointSection, weakestSection } from './sections/touchpoints';
import type { ReportInput, Section } from './sections/types';

/** The bundled sample (see demo/data/README.md). */
// fileURLToPath rather than import.meta.dirname, which Node 18 lacks.
export const SAMPLE_DIR = fileURLToPath(new URL('./data/', import.meta.url));
const SAMPLE = {
  purchases: join(SAMPLE_DIR, 'purchases.csv'),
  interactions: join(SAMPLE_DIR, 'interactions.json'),
  customers: join(SAMPLE_DIR, 'customers.json'),
  journeys: join(SAMPLE_DIR, 'journeys.json'),
  // The CDNOW window: purchases to 1998-06-30, models calibrated to 1997-09-30 as in Fader, Hardie & Lee (2005).
  observationEnd: Date.UTC(1998, 5, 30, 23, 59, 59),
  calibrationEnd: Date.UTC(1997, 8, 30),
};

export const USAGE = `Usage: npm start -- [options]

Prints a customer-experience report. Without file options it runs on the bundled sample
(CDNOW purchases + generated surveys, support contacts and journeys, see demo/data/README.md).
With any file option, only the files given are read and sections without data are left out.

Options:
  --purchases FILE        purchases: CSV customer_id,date,amount[,cds|items][,currency] or JSON
  --interactions FILE     survey answers, support contacts, visits: JSON array or CSV
  --customers FILE        customers: JSON array or CSV id,acquiredAt,segment
  --journeys FILE         journeys: JSON
  --stages A,B,C          the journeys' stage names in funnel order
                          (default awareness,consideration,purchase,onboarding,loyalty)
  --calibration-end DATE  fit the CLV models on purchases up to DATE (YYYY-MM-DD); default: all
  --observation-end DATE  last day the data covers (YYYY-MM-DD); default: the latest instant in the data
  --json                  print the report as JSON (with npm: npm start --silent -- --json > report.json)
  --help                  show this help
`;

/** Where the report writes. */
export interface Output {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Bold section titles (a terminal that is not told NO_COLOR). */
  readonly styled: boolean;
}

interface Options {
  json: boolean;
  help: boolean;
  files: Partial<Record<'purchases' | 'interactions' | 'customers' | 'journeys', string>>;
  calibrationEnd?: number;
  observationEnd?: number;
  stages?: readonly string[];
}

class UsageError extends Error {}

function parseDay(flag: string, value: string | undefined): number {
  const ms = value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms)) throw new UsageError(`${flag} expects a date YYYY-MM-DD, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  return ms;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { json: false, help: false, files: {} };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++k];
    switch (flag) {
      case '--json':
        options.json = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--purchases':
      case '--interactions':
      case '--customers':
      case '--journeys': {
        const file = value();
        if (file === undefined || file.startsWith('--')) throw new UsageError(`${flag} expects a file`);
        options.files[flag.slice(2) as keyof Options['files']] = file;
        break;
      }
      case '--stages': {
        const list = (value() ?? '').split(',').map((x) => x.trim());
        if (list.some((x) => x === '') || new Set(list).size !== list.length) throw new UsageError(`${flag} expects distinct stage names separated by commas`);
        options.stages = list;
        break;
      }
      case '--calibration-end':
        options.calibrationEnd = parseDay(flag, value());
        break;
      case '--observation-end':
        // The whole day counts.
        options.observationEnd = parseDay(flag, value()) + 86_400_000 - 1000;
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  return options;
}

function instantMs(at: Date | number): number {
  return typeof at === 'number' ? at : at.getTime();
}

/** The latest instant anywhere in the data, or undefined without data. */
function latestInstant(purchases: readonly Purchase[], interactions: readonly Interaction[], journeys: readonly Journey[]): number | undefined {
  let latest = -Infinity;
  const see = (at: Date | number | undefined): void => {
    if (at !== undefined) latest = Math.max(latest, instantMs(at));
  };
  for (const p of purchases) see(p.at);
  for (const i of interactions) {
    see(i.at);
    if (i.type === 'support') {
      see(i.firstResponseAt);
      see(i.resolvedAt);
    }
  }
  for (const j of journeys) for (const s of j.stages) see(s.enteredAt);
  return Number.isFinite(latest) ? latest : undefined;
}

/** Read the files the options name (or the bundled sample). */
export function loadInput(options: Pick<Options, 'files' | 'calibrationEnd' | 'observationEnd' | 'stages'>): ReportInput {
  const own = Object.keys(options.files).length > 0;
  const files = own ? options.files : SAMPLE;
  const purchases: Purchase[] = files.purchases === undefined ? [] : loadPurchases(files.purchases);
  const interactions: Interaction[] = files.interactions === undefined ? [] : loadInteractions(files.interactions);
  const customers: Customer[] = files.customers === undefined ? [] : loadCustomers(files.customers);
  const journeys: Journey[] = files.journeys === undefined ? [] : loadJourneys(files.journeys);
  // Purchases may also arrive among the interactions.
  for (const i of interactions) if (i.type === 'purchase') purchases.push(i);
  // Money in different currencies cannot be added up: ask for one.
  const currencies = [...new Set(purchases.map((p) => p.currency))].sort();
  if (currencies.length > 1) {
    const message = `purchases are in ${currencies.length} currencies (${currencies.join(', ')}): convert them to one before running the report`;
    throw new InputFileError(files.purchases ?? files.interactions ?? 'purchases', [{ line: undefined, field: 'currency', message }]);
  }
  const observationEnd = options.observationEnd ?? (own ? latestInstant(purchases, interactions, journeys) : SAMPLE.observationEnd) ?? 0;
  const calibrationEnd = options.calibrationEnd ?? (own ? undefined : SAMPLE.calibrationEnd);
  return { purchases, interactions, customers, journeys, observationEnd, calibrationEnd, stages: options.stages ?? STAGES };
}

/** The report's sections in order; a section whose data is missing is left out. */
export const SECTIONS: readonly ((input: ReportInput) => Section | undefined)[] = [
  overviewSection,
  npsSection,
  npsSegmentsSection,
  keyDriversSection,
  touchpointSection,
  weakestSection,
  retentionSection,
  survivalSection,
  clvSection,
  rfmSection,
  funnelSection,
  serviceSection,
];

/** Build every section that has data. */
export function buildReport(input: ReportInput): Section[] {
  return SECTIONS.map((section) => section(input)).filter((s): s is Section => s !== undefined);
}

/** The report as text: each section's title, underlined, then its lines. */
export function renderText(sections: readonly Section[], styled: boolean): string {
  const out: string[] = [];
  for (const s of sections) {
    out.push(styled ? `\x1b[1m${s.title}\x1b[0m` : s.title, '─'.repeat(s.title.length), ...s.lines, '');
  }
  return out.join('\n');
}

/** The report as JSON: `{ "report": "cx-metrics", "sections": { <id>: data } }`. */
export function renderJson(sections: readonly Section[]): string {
  const body = { report: 'cx-metrics demo', sections: Object.fromEntries(sections.map((s) => [s.id, { title: s.title, ...toObject(s.data) }])) };
  return `${JSON.stringify(body, (_key, value: unknown) => (value instanceof Date ? value.toISOString() : value), 2)}\n`;
}

function toObject(data: unknown): Record<string, unknown> {
  return Array.isArray(data) || data === null || typeof data !== 'object' ? { rows: data } : (data as Record<string, unknown>);
}

/** Run the report with command-line arguments; returns the process exit code. */
export function run(argv: readonly string[], out: Output): number {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    out.stderr(`error: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    out.stdout(USAGE);
    return 0;
  }
  try {
    const sections = buildReport(loadInput(options));
    out.stdout(options.json ? renderJson(sections) : renderText(sections, out.styled));
    return 0;
  } catch (error) {
    if (error instanceof InputFileError) {
      out.stderr(`error: ${error.message}\n`);
      return 1;
    }
    if (error instanceof CxMetricsError) {
      out.stderr(`error: the data cannot be analysed: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
