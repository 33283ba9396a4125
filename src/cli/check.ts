/**
 * `cx-metrics check`: threshold gates for CI. Each gated figure is computed once, in
 * {@link FIGURES}, with its 95 % interval; a gate compares the point estimate or a bound with
 * its threshold.
 */
import { readFileSync } from 'node:fs';
import type { Interaction, SurveyMetric, SurveyScale } from '../models/index';
import { DEFAULT_SURVEY_SCALES } from '../models/index';
import { ces, csat, csatInterval, nps, npsInterval } from '../survey/index';
import { parseArgs, UsageError, type FlagSpec } from './args';
import { num, pct, points } from './format';
import { CHECK_USAGE } from './help';
import { INPUT_FLAGS, inputOptions, loadInput } from './input';
import { EXIT, reportError, SCHEMA_VERSION, toJson, type Output } from './output';

/** A figure a gate can read: its estimate, interval and number of answers. */
export interface Figure {
  readonly value: number | undefined;
  readonly interval: { readonly lower: number; readonly upper: number } | undefined;
  readonly answers: number;
}

/** A gated figure: how to compute it, its range, how to show it. */
interface FigureSpec {
  readonly label: string;
  readonly range: readonly [number, number] | undefined;
  readonly show: (x: number | undefined) => string;
  readonly compute: (interactions: readonly Interaction[]) => Figure;
}

/** The scores of one survey metric, on their single scale (mixed scales cannot be pooled). */
function answers(interactions: readonly Interaction[], metric: SurveyMetric): { scores: number[]; scale: SurveyScale } {
  const scores: number[] = [];
  let scale: SurveyScale | undefined;
  for (const i of interactions) {
    if (i.type !== 'survey' || i.metric !== metric) continue;
    const s = i.scale ?? DEFAULT_SURVEY_SCALES[metric];
    if (scale !== undefined && (scale.min !== s.min || scale.max !== s.max)) {
      throw new UsageError(`${metric} answers are on different scales (${scale.min}–${scale.max} and ${s.min}–${s.max}): gate on one scale at a time`);
    }
    scale = s;
    scores.push(i.score);
  }
  return { scores, scale: scale ?? DEFAULT_SURVEY_SCALES[metric] };
}

/** The figures, by gate name; each library call is here once. */
export const FIGURES: Readonly<Record<string, FigureSpec>> = {
  nps: {
    label: 'NPS',
    range: [-100, 100],
    show: (x) => points(x),
    compute: (interactions) => {
      const result = nps(answers(interactions, 'nps').scores);
      const ci = npsInterval(result);
      return { value: result.score, interval: ci === undefined ? undefined : { lower: ci.lower, upper: ci.upper }, answers: result.total };
    },
  },
  csat: {
    label: 'CSAT',
    range: [0, 1],
    show: (x) => pct(x),
    compute: (interactions) => {
      const { scores, scale } = answers(interactions, 'csat');
      const result = csat(scores, { scale });
      const ci = csatInterval(result);
      return { value: result.share, interval: ci === undefined ? undefined : { lower: ci.lower, upper: ci.upper }, answers: result.total };
    },
  },
  ces: {
    label: 'CES',
    range: undefined,
    show: (x) => num(x, 2),
    compute: (interactions) => {
      const { scores, scale } = answers(interactions, 'ces');
      const result = ces(scores, { scale });
      return { value: result.mean, interval: result.interval, answers: result.total };
    },
  },
};

/** One gate: `nps.lower` ≥ 20. */
export interface Gate {
  readonly name: string;
  readonly figure: string;
  readonly on: 'estimate' | 'lower' | 'upper';
  readonly threshold: number;
}

/** Parse one `name[.lower|.upper]=threshold` (text from the command line) or a thresholds-file entry (a JSON number: `"30"` is refused, not coerced). */
function gate(name: string, threshold: unknown, source: string, text = false): Gate {
  const m = /^([a-z]+)(?:\.(lower|upper))?$/.exec(name);
  const spec = m ? FIGURES[m[1] as string] : undefined;
  if (!m || spec === undefined) throw new UsageError(`${source}: unknown gate ${JSON.stringify(name)}: use ${Object.keys(FIGURES).join(', ')}, optionally with .lower or .upper`);
  const value = text && typeof threshold === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(threshold.trim()) ? Number(threshold) : threshold;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new UsageError(`${source}: the threshold of ${name} must be a number, got ${JSON.stringify(threshold)}`);
  if (spec.range !== undefined && (value < spec.range[0] || value > spec.range[1])) {
    const hint = name.startsWith('csat') && value > 1 && value <= 100 ? ` (CSAT is a share: did you mean ${value / 100}?)` : '';
    throw new UsageError(`${source}: the threshold of ${name} must lie in ${spec.range[0]}..${spec.range[1]}, got ${value}${hint}`);
  }
  return { name, figure: m[1] as string, on: (m[2] as 'lower' | 'upper' | undefined) ?? 'estimate', threshold: value };
}

/** Gates from `--fail-under nps=30,csat.lower=0.8`. */
export function parseGates(text: string): Gate[] {
  return text.split(',').map((part) => {
    const eq = part.indexOf('=');
    if (eq < 0) throw new UsageError(`--fail-under: expected name=threshold, got ${JSON.stringify(part)}`);
    return gate(part.slice(0, eq).trim(), part.slice(eq + 1), '--fail-under', true);
  });
}

/** Gates from a thresholds file `{"failUnder": {"nps": 30}}`. */
export function readGates(file: string): Gate[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--thresholds: cannot read ${file}: ${(error as Error).message}`);
  }
  const failUnder = (data as { failUnder?: unknown } | null)?.failUnder;
  if (typeof failUnder !== 'object' || failUnder === null || Array.isArray(failUnder) || Object.keys(data as object).some((k) => k !== 'failUnder')) {
    throw new UsageError(`--thresholds: ${file} must hold {"failUnder": {"nps": 30, ...}} and nothing else`);
  }
  return Object.entries(failUnder).map(([name, threshold]) => gate(name, threshold, file));
}

/** A gate's outcome. */
export interface GateResult extends Gate {
  readonly value: number | undefined;
  readonly interval: Figure['interval'];
  readonly answers: number;
  readonly verdict: 'pass' | 'fail' | 'no-data';
}

/** Evaluate the gates on the interactions; each figure is computed once. */
export function evaluate(gates: readonly Gate[], interactions: readonly Interaction[]): GateResult[] {
  const figures = new Map<string, Figure>();
  return gates.map((g) => {
    let figure = figures.get(g.figure);
    if (figure === undefined) {
      figure = (FIGURES[g.figure] as FigureSpec).compute(interactions);
      figures.set(g.figure, figure);
    }
    const read = g.on === 'estimate' ? figure.value : figure.interval?.[g.on];
    const verdict = read === undefined ? 'no-data' : read >= g.threshold ? 'pass' : 'fail';
    return { ...g, value: read, interval: figure.interval, answers: figure.answers, verdict };
  });
}

/** One line per gate: gate, value, interval, threshold, verdict. */
export function gateLines(results: readonly GateResult[]): string[] {
  const width = Math.max(...results.map((r) => r.name.length));
  return results.map((r) => {
    const spec = FIGURES[r.figure] as FigureSpec;
    const interval = r.interval === undefined ? 'no interval' : `95 % interval ${spec.show(r.interval.lower)} to ${spec.show(r.interval.upper)}`;
    const verdict = r.verdict === 'pass' ? 'PASS' : r.verdict === 'fail' ? 'FAIL' : 'NO DATA';
    const what = r.verdict === 'no-data' ? `no ${r.on === 'estimate' ? 'value' : 'interval'} (${r.answers} ${spec.label} answers)` : `${spec.show(r.value)}`;
    return `${verdict.padEnd(7)} ${r.name.padEnd(width)}  ${what}  (${interval}, ${r.answers} answers)  threshold ≥ ${spec.show(r.threshold)}`;
  });
}

const FLAGS = { ...INPUT_FLAGS, '--fail-under': 'value', '--thresholds': 'value', '--json': 'switch', '--help': 'switch' } as const satisfies FlagSpec;

/** Run `cx-metrics check` with its arguments (after the command name); returns the exit code. */
export function checkCommand(argv: readonly string[], out: Output): number {
  const json = argv.includes('--json');
  try {
    const args = parseArgs(argv, FLAGS);
    if (args.flags['--help'] === true) {
      out.stdout(CHECK_USAGE);
      return EXIT.ok;
    }
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
    const under = args.flags['--fail-under'];
    const file = args.flags['--thresholds'];
    if (under === undefined && file === undefined) throw new UsageError('no gates: give --fail-under nps=30,... or --thresholds FILE');
    const gates = [...(typeof under === 'string' ? parseGates(under) : []), ...(typeof file === 'string' ? readGates(file) : [])];
    const names = gates.map((g) => g.name);
    const repeated = names.find((n, k) => names.indexOf(n) !== k);
    if (repeated !== undefined) throw new UsageError(`the gate ${repeated} is given twice`);
    // The gates read survey answers only: of the sample, only its interactions are loaded.
    const input = loadInput(inputOptions(args), ['interactions']);
    const results = evaluate(gates, input.interactions);
    const code = results.some((r) => r.verdict === 'no-data') ? EXIT.badInput : results.some((r) => r.verdict === 'fail') ? EXIT.breached : EXIT.ok;
    if (json) {
      const gatesOut = results.map((r) => ({ gate: r.name, figure: r.figure, on: r.on, value: r.value ?? null, interval: r.interval ?? null, answers: r.answers, threshold: r.threshold, verdict: r.verdict }));
      out.stdout(toJson({ schemaVersion: SCHEMA_VERSION, kind: 'check', passed: code === EXIT.ok, exitCode: code, gates: gatesOut }));
    } else {
      const failed = results.filter((r) => r.verdict !== 'pass').length;
      out.stdout(`${gateLines(results).join('\n')}\n${failed === 0 ? `all ${results.length} gates passed` : `${failed} of ${results.length} gates did not pass`}\n`);
    }
    return code;
  } catch (error) {
    return reportError(error, out, json, CHECK_USAGE);
  }
}
