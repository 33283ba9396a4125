/**
 * `cx-metrics report`: loading, the sections in order, text, JSON or HTML output.
 */
import { accessSync, constants, existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, UsageError, type FlagSpec } from './args';
import { ENGINE_FLAG, readEngine } from './duckdb-engine';
import { duckdbReport } from './duckdb-report';
import { REPORT_USAGE } from './help';
import { renderHtml } from './html/render-html';
import { INPUT_FLAGS, inputOptions, loadInput } from './input';
import { EXIT, reportError, SCHEMA_VERSION, toJson, type Output } from './output';
import { analyseClv, clvSection, type ClvAnalysis } from './sections/clv';
import { funnelSection } from './sections/funnel';
import { keyDriversSection } from './sections/key-drivers';
import { npsSection } from './sections/nps';
import { npsSegmentsSection } from './sections/nps-segments';
import { overviewSection } from './sections/overview';
import { retentionSection, survivalSection } from './sections/retention';
import { rfmSection } from './sections/rfm';
import { serviceSection } from './sections/service';
import { touchpointSection, weakestSection } from './sections/touchpoints';
import type { ReportInput, Section } from './sections/types';

/** Analyses more than one section reads, computed once per report (on first use). */
export interface SharedAnalyses {
  /** The customer-base models: fitted, compared, validated and predicted (the CLV and RFM sections). */
  readonly clv: () => ClvAnalysis | undefined;
}

/** A report section: what it shows of the input, `undefined` without its data. */
type SectionFn = (input: ReportInput, shared: SharedAnalyses) => Section | undefined;

const clvFromShared: SectionFn = (input, shared) => clvSection(input, shared.clv());
const rfmFromShared: SectionFn = (input, shared) => rfmSection(input, shared.clv());

/** The report's sections in order; a section whose data is missing is left out. */
export const SECTIONS: readonly SectionFn[] = [
  overviewSection,
  npsSection,
  npsSegmentsSection,
  keyDriversSection,
  touchpointSection,
  weakestSection,
  retentionSection,
  survivalSection,
  clvFromShared,
  rfmFromShared,
  funnelSection,
  serviceSection,
];

/**
 * Build every section that has data; `replace` swaps sections computed elsewhere (the DuckDB
 * engine's overview, CLV and RFM sections, from aggregates) for the in-memory ones.
 */
export function buildReport(input: ReportInput, replace: ReplacedSections = {}): Section[] {
  // Fitting the models and the intervals is the costly part of the report: once, for every section.
  let clv: { readonly value: ClvAnalysis | undefined } | undefined;
  const shared: SharedAnalyses = { clv: () => (clv ??= { value: analyseClv(input) }).value };
  const swapped = new Map<SectionFn, ((input: ReportInput) => Section | undefined) | undefined>([
    [overviewSection, replace.overview],
    [clvFromShared, replace.clv],
    [rfmFromShared, replace.rfm],
  ]);
  return SECTIONS.map((section) => (swapped.get(section) ?? section)(input, shared)).filter((s): s is Section => s !== undefined);
}

/** Sections computed outside the in-memory path, by the section they stand for. */
export interface ReplacedSections {
  readonly overview?: ((input: ReportInput) => Section | undefined) | undefined;
  readonly clv?: ((input: ReportInput) => Section | undefined) | undefined;
  readonly rfm?: ((input: ReportInput) => Section | undefined) | undefined;
}

/** The report as text: each section's title, underlined, then its lines. */
export function renderText(sections: readonly Section[], styled: boolean): string {
  const out: string[] = [];
  for (const s of sections) {
    out.push(styled ? `\x1b[1m${s.title}\x1b[0m` : s.title, '─'.repeat(s.title.length), ...s.lines, '');
  }
  return out.join('\n');
}

/** The report as JSON: `{ "schemaVersion": 1, "kind": "report", "sections": { <id>: data } }`. */
export function renderJson(sections: readonly Section[]): string {
  const body = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'report',
    sections: Object.fromEntries(sections.map((s) => [s.id, { title: s.title, ...toObject(s.data) }])),
  };
  return toJson(body);
}

function toObject(data: unknown): Record<string, unknown> {
  return Array.isArray(data) || data === null || typeof data !== 'object' ? { rows: data } : (data as Record<string, unknown>);
}

/** Throw a usage error when `file` cannot be written: its folder missing or read-only, or the file itself read-only. */
function requireWritable(file: string): void {
  try {
    const path = resolve(file);
    accessSync(existsSync(path) ? path : dirname(path), constants.W_OK);
  } catch (error) {
    throw new UsageError(`--html: cannot write ${file}: ${(error as Error).message}`);
  }
}

const FLAGS = { ...INPUT_FLAGS, ...ENGINE_FLAG, '--json': 'switch', '--html': 'value', '--help': 'switch' } as const satisfies FlagSpec;

/** Write the HTML file when asked, then print the text or JSON. */
function writeReport(input: ReportInput, sections: readonly Section[], html: string | undefined, json: boolean, out: Output): void {
  if (html !== undefined) {
    try {
      writeFileSync(html, renderHtml(input, sections));
    } catch (error) {
      throw new UsageError(`--html: cannot write ${html}: ${(error as Error).message}`);
    }
  }
  out.stdout(json ? renderJson(sections) : renderText(sections, out.styled));
}

/**
 * Run `cx-metrics report` with its arguments (after the command name); returns the exit code, as
 * a promise with `--engine duckdb`.
 */
export function reportCommand(argv: readonly string[], out: Output): number | Promise<number> {
  const json = argv.includes('--json');
  try {
    const args = parseArgs(argv, FLAGS);
    if (args.flags['--help'] === true) {
      out.stdout(REPORT_USAGE);
      return EXIT.ok;
    }
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
    const html = typeof args.flags['--html'] === 'string' ? args.flags['--html'] : undefined;
    // An unwritable --html path fails before the models are fitted (seconds on a large base).
    if (html !== undefined) requireWritable(html);
    if (readEngine(args) === 'duckdb') {
      // The purchases stay in the file: the sections that read them are replaced (src/cli/duckdb-report.ts).
      return duckdbReport(inputOptions(args))
        .then(({ input, replace }) => {
          writeReport(input, buildReport(input, replace), html, json, out);
          return EXIT.ok;
        })
        .catch((error: unknown) => reportError(error, out, json, REPORT_USAGE));
    }
    const input = loadInput(inputOptions(args));
    writeReport(input, buildReport(input), html, json, out);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, out, json, REPORT_USAGE);
  }
}
