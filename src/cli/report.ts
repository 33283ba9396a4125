/**
 * `cx-metrics report`: loading, the sections in order, text, JSON or HTML output.
 */
import { accessSync, constants, existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, UsageError, type FlagSpec } from './args';
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

/** The report's sections in order; a section whose data is missing is left out. */
export const SECTIONS: readonly ((input: ReportInput, shared: SharedAnalyses) => Section | undefined)[] = [
  overviewSection,
  npsSection,
  npsSegmentsSection,
  keyDriversSection,
  touchpointSection,
  weakestSection,
  retentionSection,
  survivalSection,
  (input, shared) => clvSection(input, shared.clv()),
  (input, shared) => rfmSection(input, shared.clv()),
  funnelSection,
  serviceSection,
];

/** Build every section that has data. */
export function buildReport(input: ReportInput): Section[] {
  // Fitting the models and the intervals is the costly part of the report: once, for every section.
  let clv: { readonly value: ClvAnalysis | undefined } | undefined;
  const shared: SharedAnalyses = { clv: () => (clv ??= { value: analyseClv(input) }).value };
  return SECTIONS.map((section) => section(input, shared)).filter((s): s is Section => s !== undefined);
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

const FLAGS = { ...INPUT_FLAGS, '--json': 'switch', '--html': 'value', '--help': 'switch' } as const satisfies FlagSpec;

/** Run `cx-metrics report` with its arguments (after the command name); returns the exit code. */
export function reportCommand(argv: readonly string[], out: Output): number {
  const json = argv.includes('--json');
  try {
    const args = parseArgs(argv, FLAGS);
    if (args.flags['--help'] === true) {
      out.stdout(REPORT_USAGE);
      return EXIT.ok;
    }
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
    const html = args.flags['--html'];
    // An unwritable --html path fails before the models are fitted (seconds on a large base).
    if (typeof html === 'string') requireWritable(html);
    const input = loadInput(inputOptions(args));
    const sections = buildReport(input);
    if (typeof html === 'string') {
      try {
        writeFileSync(html, renderHtml(input, sections));
      } catch (error) {
        throw new UsageError(`--html: cannot write ${html}: ${(error as Error).message}`);
      }
    }
    out.stdout(json ? renderJson(sections) : renderText(sections, out.styled));
    return EXIT.ok;
  } catch (error) {
    return reportError(error, out, json, REPORT_USAGE);
  }
}
