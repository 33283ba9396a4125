/**
 * Loaders for the CLI's input files — the bundled sample and the user's own exports.
 * Every record goes through the library's validating parsers (`parseInteraction`,
 * `parseCustomer`, `parseJourney`); a problem is reported as file, line and field.
 *
 * Formats (the bundled files in demo/data are examples of each):
 * - purchases: CSV with `customer_id,date,amount` and optionally `cds` (or `items`) and
 *   `currency` (default USD); `date` is `YYYY-MM-DD`, `YYYYMMDD` or an ISO date-time. Or a JSON
 *   array of purchase interactions.
 * - interactions: a JSON array of interactions (survey answers, support contacts, visits,
 *   purchases), or a CSV whose columns are the interaction fields (`type,customerId,at,…`).
 * - customers: a JSON array of customers, or a CSV with `id`, `acquiredAt`, `segment`.
 * - journeys: a JSON array of journeys.
 * Every JSON array may also be NDJSON (`.ndjson` / `.jsonl`: one JSON record per line).
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CxMetricsError } from '../internal/errors';
import type { Customer, Interaction, Journey, Purchase } from '../models/index';
import { parseCustomer, parseInteraction, parseJourney } from '../models/index';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv';
import { arrayElementLines, jsonErrorLine } from './json-lines';

/** What kind of problem a file has: the `code` of each problem in a JSON error. */
export type InputProblemCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'UNKNOWN_FILE_TYPE'
  | 'NOT_TEXT'
  | 'CSV_SYNTAX'
  | 'JSON_SYNTAX'
  | 'NOT_AN_ARRAY'
  | 'MISSING_COLUMN'
  | 'INVALID_RECORD'
  | 'WRONG_RECORD_TYPE'
  | 'MIXED_CURRENCIES';

/** One problem in an input file. */
export interface InputProblem {
  /** The kind of problem. */
  readonly code: InputProblemCode;
  /** 1-based line the record (or the syntax error) is on, when known. */
  readonly line: number | undefined;
  /** The field (CSV column or JSON path inside the record), when the problem is in one. */
  readonly field: string | undefined;
  /** What is wrong. */
  readonly message: string;
}

/** A file the report cannot read: every problem found, with its line and field. */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly InputProblem[],
  ) {
    const shown = problems.slice(0, 10).map((p) => `  ${describeProblem(file, p)}`);
    if (problems.length > 10) shown.push(`  … and ${problems.length - 10} more`);
    super(`cannot read ${file}:\n${shown.join('\n')}`);
    this.name = 'InputFileError';
  }
}

function describeProblem(file: string, p: InputProblem): string {
  const where = [`${basename(file)}${p.line === undefined ? '' : `:${p.line}`}`, p.field === undefined ? undefined : `field ${p.field}`];
  return `${where.filter((w) => w !== undefined).join(', ')}: ${p.message}`;
}

type Format = 'csv' | 'json' | 'ndjson';

function formatOf(file: string): Format {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  throw new InputFileError(file, [{ code: 'UNKNOWN_FILE_TYPE', line: undefined, field: undefined, message: `unknown file type "${ext}": use .csv, .json, .ndjson or .jsonl` }]);
}

function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const reason = missing ? 'no such file' : (error as Error).message;
    throw new InputFileError(file, [{ code: missing ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', line: undefined, field: undefined, message: reason }]);
  }
  const problem = notText(bytes);
  if (problem !== undefined) {
    // Say where and what, never the bytes themselves: echoed, they would drive the terminal.
    throw new InputFileError(file, [{ code: 'NOT_TEXT', line: problem.line, field: undefined, message: `not a text (CSV or JSON) file: ${problem.what}` }]);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Why `bytes` is not a text file, or undefined: invalid UTF-8, a NUL byte, or a control
 * character other than tab, line feed, carriage return and form feed (C0, DEL and C1, which a
 * terminal would interpret). Reported by line and kind, never by content.
 */
export function notText(bytes: Uint8Array): { line: number; what: string } | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The first replacement character of a lenient decoding marks the line (a file that also
    // holds a genuine U+FFFD earlier would name that line: still a line, never the bytes).
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const line = lenient.slice(0, Math.max(0, at)).split('\n').length;
    return { line, what: 'invalid UTF-8 (a binary file, or another encoding: save it as UTF-8)' };
  }
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f)) {
      const name = c === 0 ? 'a NUL byte' : `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      return { line, what: `it holds ${name}` };
    }
  }
  return undefined;
}

/** Run a parser on one record; its issues become problems at `line`, fields renamed by `fieldName`. */
function parseRecord<T>(parse: (input: unknown) => T, input: unknown, line: number | undefined, problems: InputProblem[], fieldName: (path: string) => string = (p) => p): T | undefined {
  try {
    return parse(input);
  } catch (error) {
    if (!(error instanceof CxMetricsError) || error.code !== 'INVALID_RECORD') throw error;
    for (const issue of error.details.issues ?? [{ path: '', message: error.message }]) {
      problems.push({ code: 'INVALID_RECORD', line, field: issue.path === '' ? undefined : fieldName(issue.path), message: issue.message });
    }
    return undefined;
  }
}

/** The records of a JSON array or NDJSON file, each with the line it starts on. */
function jsonRecords(file: string): { records: unknown[]; lines: (number | undefined)[] } {
  const text = readText(file);
  if (formatOf(file) === 'ndjson') {
    const records: unknown[] = [];
    const lines: number[] = [];
    text.split('\n').forEach((raw, k) => {
      const line = raw.trim();
      if (line === '') return;
      try {
        records.push(JSON.parse(line));
      } catch (error) {
        throw new InputFileError(file, [{ code: 'JSON_SYNTAX', line: k + 1, field: undefined, message: `not valid JSON (${(error as Error).message})` }]);
      }
      lines.push(k + 1);
    });
    return { records, lines };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new InputFileError(file, [{ code: 'JSON_SYNTAX', line: jsonErrorLine(text), field: undefined, message: `not valid JSON (${message})` }]);
  }
  if (!Array.isArray(data)) throw new InputFileError(file, [{ code: 'NOT_AN_ARRAY', line: 1, field: undefined, message: 'expected a JSON array of records (or NDJSON: save the file as .ndjson)' }]);
  return { records: data, lines: arrayElementLines(text) };
}

/** Parse a JSON array or NDJSON file; each record goes through `parse`. */
function loadJsonArray<T>(file: string, parse: (input: unknown) => T, check?: (value: T) => string | undefined): T[] {
  const { records, lines } = jsonRecords(file);
  const problems: InputProblem[] = [];
  const out: T[] = [];
  records.forEach((element, i) => {
    const value = parseRecord(parse, element, lines[i], problems);
    if (value === undefined) return;
    const wrong = check?.(value);
    if (wrong !== undefined) problems.push({ code: 'WRONG_RECORD_TYPE', line: lines[i], field: 'type', message: wrong });
    else out.push(value);
  });
  if (problems.length > 0) throw new InputFileError(file, problems);
  return out;
}

function loadCsv(file: string): { columns: readonly string[]; records: readonly CsvRecord[] } {
  const text = readText(file);
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new InputFileError(file, [{ code: 'CSV_SYNTAX', line: error.line, field: undefined, message: error.message }]);
    throw error;
  }
}

function requireColumns(file: string, columns: readonly string[], required: readonly string[]): void {
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new InputFileError(file, [{ code: 'MISSING_COLUMN', line: 1, field: missing[0], message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header: ${columns.join(',')})` }]);
  }
}

/** A CSV cell as a JSON value: empty → absent; numbers only when the cell is a plain decimal (so "12abc" is reported, not coerced). */
function cell(value: string | undefined, kind: 'string' | 'number' | 'boolean'): unknown {
  if (value === undefined || value === '') return undefined;
  if (kind === 'number') return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : value;
  if (kind === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

/** A purchase date as an ISO date-time: `YYYY-MM-DD` and `YYYYMMDD` are midnight UTC; anything else is passed on for the parser to judge. */
function dateCell(value: string | undefined): unknown {
  if (value === undefined || value === '') return undefined;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  return value;
}

const PURCHASE_FIELDS: Record<string, string> = { customerId: 'customer_id', at: 'date', amount: 'amount', currency: 'currency' };

/** Purchases from a CSV (`customer_id,date,amount[,cds|items][,currency]`) or a JSON array of purchase interactions. */
export function loadPurchases(file: string): Purchase[] {
  if (formatOf(file) !== 'csv') {
    return loadJsonArray(file, parseInteraction, (i) => (i.type === 'purchase' ? undefined : `expected a purchase, got a "${i.type}" interaction`)) as Purchase[];
  }
  const { columns, records } = loadCsv(file);
  requireColumns(file, columns, ['customer_id', 'date', 'amount']);
  const itemsColumn = columns.includes('cds') ? 'cds' : 'items';
  const problems: InputProblem[] = [];
  const out: Purchase[] = [];
  for (const { line, fields } of records) {
    const raw = {
      type: 'purchase',
      customerId: cell(fields.customer_id, 'string'),
      at: dateCell(fields.date),
      amount: cell(fields.amount, 'number'),
      currency: cell(fields.currency, 'string') ?? 'USD',
      items: cell(fields[itemsColumn], 'number'),
    };
    const purchase = parseRecord(parseInteraction, raw, line, problems, (path) => (path === 'items' ? itemsColumn : (PURCHASE_FIELDS[path] ?? path)));
    if (purchase !== undefined) out.push(purchase as Purchase);
  }
  if (problems.length > 0) throw new InputFileError(file, problems);
  return out;
}

const INTERACTION_COLUMNS: Record<string, 'string' | 'number' | 'boolean'> = {
  type: 'string',
  id: 'string',
  customerId: 'string',
  at: 'string',
  touchpoint: 'string',
  channel: 'string',
  metric: 'string',
  score: 'number',
  amount: 'number',
  currency: 'string',
  items: 'number',
  firstResponseAt: 'string',
  resolvedAt: 'string',
  resolvedOnFirstContact: 'boolean',
};

/** Interactions from a JSON array, or a CSV whose columns are the interaction fields. */
export function loadInteractions(file: string): Interaction[] {
  if (formatOf(file) !== 'csv') return loadJsonArray(file, parseInteraction);
  const { columns, records } = loadCsv(file);
  requireColumns(file, columns, ['type', 'customerId', 'at']);
  const problems: InputProblem[] = [];
  const out: Interaction[] = [];
  for (const { line, fields } of records) {
    const raw: Record<string, unknown> = {};
    for (const [name, kind] of Object.entries(INTERACTION_COLUMNS)) raw[name] = cell(fields[name], kind);
    const interaction = parseRecord(parseInteraction, raw, line, problems);
    if (interaction !== undefined) out.push(interaction);
  }
  if (problems.length > 0) throw new InputFileError(file, problems);
  return out;
}

/** Customers from a JSON array, or a CSV with `id` and optionally `acquiredAt`, `segment`. */
export function loadCustomers(file: string): Customer[] {
  if (formatOf(file) !== 'csv') return loadJsonArray(file, parseCustomer);
  const { columns, records } = loadCsv(file);
  requireColumns(file, columns, ['id']);
  const problems: InputProblem[] = [];
  const out: Customer[] = [];
  for (const { line, fields } of records) {
    const raw = { id: cell(fields.id, 'string'), acquiredAt: dateCell(fields.acquiredAt), segment: cell(fields.segment, 'string') };
    const customer = parseRecord(parseCustomer, raw, line, problems);
    if (customer !== undefined) out.push(customer);
  }
  if (problems.length > 0) throw new InputFileError(file, problems);
  return out;
}

/** Journeys from a JSON array. */
export function loadJourneys(file: string): Journey[] {
  if (formatOf(file) === 'csv') {
    throw new InputFileError(file, [{ code: 'UNKNOWN_FILE_TYPE', line: undefined, field: undefined, message: 'journeys are nested records: use a JSON array or NDJSON' }]);
  }
  return loadJsonArray(file, parseJourney);
}
