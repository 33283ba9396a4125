/**
 * A small RFC 4180 CSV reader: a header row, then one record per line; fields may be quoted
 * ("a, b", "say ""hi"""), quoted fields may span lines. Every record keeps the line it starts
 * on so that errors can point at it.
 */

/** One data row: its fields by column name and the 1-based line of the file it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: Readonly<Record<string, string>>;
}

/** A parsed file: the header's column names and the records. */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly records: readonly CsvRecord[];
}

/** A CSV syntax problem at a line. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Split `text` into rows of raw fields, each with the line it starts on. Blank lines are skipped. */
function rows(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let fresh = true; // nothing read yet on this row
  const endRow = (): void => {
    if (!fresh) out.push({ line: start, cells: [...cells, cell] });
    cells = [];
    cell = '';
    fresh = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      continue;
    }
    if (fresh) {
      start = line;
      fresh = false;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new CsvSyntaxError(start, 'a quoted field is not closed');
  endRow();
  return out;
}

/** Parse CSV text with a header row. Throws {@link CsvSyntaxError} for an unclosed quote or a row with the wrong number of fields. */
export function parseCsv(text: string): CsvTable {
  const all = rows(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const header = all[0];
  if (header === undefined) return { columns: [], records: [] };
  const columns = header.cells.map((c) => c.trim());
  const records = all.slice(1).map(({ line, cells }) => {
    if (cells.length !== columns.length) {
      throw new CsvSyntaxError(line, `expected ${columns.length} fields (${columns.join(',')}), got ${cells.length}`);
    }
    const fields: Record<string, string> = {};
    columns.forEach((column, k) => {
      fields[column] = (cells[k] as string).trim();
    });
    return { line, fields };
  });
  return { columns, records };
}

/** Quote a field for CSV output when it needs it. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
