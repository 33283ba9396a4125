/**
 * The data a command reads: the files its options name, or the bundled sample (`--sample`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Customer, Interaction, Journey, Purchase } from '../models/index';
import { parseDay, UsageError, type FlagSpec, type ParsedArgs } from './args';
import { InputFileError, loadCustomers, loadInteractions, loadJourneys, loadPurchases } from './load';
import type { FileSummary, ReportInput } from './sections/types';

/** The default journey stages, in order: the bundled data uses these (`--stages` sets others). */
export const STAGES = ['awareness', 'consideration', 'purchase', 'onboarding', 'loyalty'] as const;

/**
 * The bundled sample's folder: `sample/` at the package root, found from this file whether it
 * runs from the sources (`src/cli/`) or from the build (`dist/`).
 */
export function sampleDir(): string {
  const candidates = ['../sample/', '../../sample/'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  const found = candidates.find((dir) => existsSync(join(dir, 'purchases.csv')));
  if (found === undefined) throw new Error(`the bundled sample is missing (looked in ${candidates.join(', ')})`);
  return found;
}

/** The sample's windows: the CDNOW purchases run to 1998-06-30; models calibrate to 1997-09-30 as in Fader, Hardie & Lee (2005). */
export const SAMPLE_OBSERVATION_END = Date.UTC(1998, 5, 30, 23, 59, 59);
export const SAMPLE_CALIBRATION_END = Date.UTC(1997, 8, 30);

/** The flags every data-reading command accepts. */
export const INPUT_FLAGS = {
  '--sample': 'switch',
  '--purchases': 'value',
  '--interactions': 'value',
  '--customers': 'value',
  '--journeys': 'value',
  '--stages': 'value',
  '--calibration-end': 'value',
  '--observation-end': 'value',
} as const satisfies FlagSpec;

/** The input files of a run, by kind. */
export type InputFiles = Partial<Record<'purchases' | 'interactions' | 'customers' | 'journeys', string>>;

/** The options that select and window the data, from parsed arguments. */
export interface InputOptions {
  readonly sample: boolean;
  readonly files: InputFiles;
  readonly calibrationEnd?: number;
  readonly observationEnd?: number;
  readonly stages?: readonly string[];
}

/** Read the input flags; exactly one of `--sample` or file flags must be given. */
export function inputOptions(args: ParsedArgs): InputOptions {
  const f = args.flags;
  const files: InputFiles = {};
  for (const kind of ['purchases', 'interactions', 'customers', 'journeys'] as const) {
    const value = f[`--${kind}`];
    if (typeof value === 'string') files[kind] = value;
  }
  const sample = f['--sample'] === true;
  const given = Object.keys(files).length;
  if (sample && given > 0) throw new UsageError('--sample reads the bundled data: give either --sample or your own files, not both');
  if (!sample && given === 0) throw new UsageError('no data: give --sample, or at least one of --purchases, --interactions, --customers, --journeys');
  const out: { -readonly [K in keyof InputOptions]: InputOptions[K] } = { sample, files };
  const stages = f['--stages'];
  if (typeof stages === 'string') {
    const list = stages.split(',').map((x) => x.trim());
    if (list.some((x) => x === '') || new Set(list).size !== list.length) throw new UsageError('--stages expects distinct stage names separated by commas');
    out.stages = list;
  }
  const calibration = f['--calibration-end'];
  if (typeof calibration === 'string') out.calibrationEnd = parseDay('--calibration-end', calibration);
  const observation = f['--observation-end'];
  // The whole day counts.
  if (typeof observation === 'string') out.observationEnd = parseDay('--observation-end', observation) + 86_400_000 - 1000;
  return out;
}

function instantMs(at: Date | number): number {
  return typeof at === 'number' ? at : at.getTime();
}

/** The earliest and latest instants anywhere in the data, or undefined without data. */
export function dateRange(purchases: readonly Purchase[], interactions: readonly Interaction[], journeys: readonly Journey[]): { first: number; last: number } | undefined {
  let first = Infinity;
  let last = -Infinity;
  const see = (at: Date | number | undefined): void => {
    if (at === undefined) return;
    const ms = instantMs(at);
    first = Math.min(first, ms);
    last = Math.max(last, ms);
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
  return Number.isFinite(last) ? { first, last } : undefined;
}

/** Read the files the options name (or the bundled sample: only its files of the kinds `sampleKinds`, all by default). */
export function loadInput(options: InputOptions, sampleKinds: readonly (keyof InputFiles)[] = ['purchases', 'interactions', 'customers', 'journeys']): ReportInput {
  const dir = options.sample ? sampleDir() : '';
  const sample: InputFiles = { purchases: join(dir, 'purchases.csv'), interactions: join(dir, 'interactions.json'), customers: join(dir, 'customers.json'), journeys: join(dir, 'journeys.json') };
  const files: InputFiles = options.sample ? Object.fromEntries(sampleKinds.map((kind) => [kind, sample[kind]])) : options.files;
  const purchases: Purchase[] = files.purchases === undefined ? [] : loadPurchases(files.purchases);
  const interactions: Interaction[] = files.interactions === undefined ? [] : loadInteractions(files.interactions);
  const customers: Customer[] = files.customers === undefined ? [] : loadCustomers(files.customers);
  const journeys: Journey[] = files.journeys === undefined ? [] : loadJourneys(files.journeys);
  const summary: FileSummary[] = [];
  const counts = { purchases: purchases.length, interactions: interactions.length, customers: customers.length, journeys: journeys.length };
  for (const kind of ['purchases', 'interactions', 'customers', 'journeys'] as const) {
    const file = files[kind];
    if (file !== undefined) summary.push({ kind, file: options.sample ? `sample/${file.slice(dir.length)}` : file, records: counts[kind] });
  }
  // Purchases may also arrive among the interactions.
  for (const i of interactions) if (i.type === 'purchase') purchases.push(i);
  // Money in different currencies cannot be added up: ask for one.
  const currencies = [...new Set(purchases.map((p) => p.currency))].sort();
  if (currencies.length > 1) {
    const message = `purchases are in ${currencies.length} currencies (${currencies.join(', ')}): convert them to one before running the report`;
    throw new InputFileError(files.purchases ?? files.interactions ?? 'purchases', [{ code: 'MIXED_CURRENCIES', line: undefined, field: 'currency', message }]);
  }
  const range = dateRange(purchases, interactions, journeys);
  const observationEnd = options.observationEnd ?? (options.sample ? SAMPLE_OBSERVATION_END : range?.last) ?? 0;
  const calibrationEnd = options.calibrationEnd ?? (options.sample ? SAMPLE_CALIBRATION_END : undefined);
  return {
    purchases,
    interactions,
    customers,
    journeys,
    observationEnd,
    calibrationEnd,
    stages: options.stages ?? STAGES,
    files: summary,
    sample: options.sample,
    firstInstant: range?.first,
  };
}
