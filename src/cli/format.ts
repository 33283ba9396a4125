/** Plain-text formatting for the terminal report: aligned tables and consistent numbers. */

/** A column of a {@link table}: its header and whether values are right-aligned (numbers). */
export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

/** An aligned table: header, a rule, then the rows; columns separated by two spaces. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((c, k) => Math.max(width(c.header), ...rows.map((r) => width(r[k] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((text, k) => (columns[k]?.align === 'right' ? pad(text, widths[k] as number, true) : pad(text, widths[k] as number, false)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Display width (code points; the report uses no wide characters). */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return right ? fill + text : text + fill;
}

const DASH = '–';

/** A number with `digits` decimals and thousands separators; `–` when undefined. */
export function num(x: number | undefined, digits = 0): string {
  if (x === undefined) return DASH;
  // A true minus sign, as in the rest of the report.
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/^-/, '−');
}

/** A whole count with thousands separators. */
export function count(x: number): string {
  return num(x, 0);
}

/** A proportion as a percentage, e.g. `72.3 %`. */
export function pct(x: number | undefined, digits = 1): string {
  return x === undefined ? DASH : `${num(100 * x, digits)} %`;
}

/** NPS points with a sign, e.g. `+23.4`. */
export function points(x: number | undefined, digits = 1): string {
  if (x === undefined) return DASH;
  const text = num(Math.abs(x), digits);
  return x > 0 && text !== num(0, digits) ? `+${text}` : x < 0 && text !== num(0, digits) ? `−${text}` : text;
}

/** An interval `[lower, upper]` formatted by `f`. */
export function interval(lower: number | undefined, upper: number | undefined, f: (x: number | undefined) => string): string {
  return lower === undefined || upper === undefined ? DASH : `${f(lower)} to ${f(upper)}`;
}

/** Money in dollars, e.g. `$1,234.56`. */
export function money(x: number | undefined, digits = 2): string {
  return x === undefined ? DASH : `$${num(x, digits)}`;
}

/** A duration given in hours, shown in the most readable unit (`45 min`, `3.2 h`, `2.1 d`). */
export function hours(x: number | undefined): string {
  if (x === undefined) return DASH;
  if (x < 1) return `${num(x * 60, 0)} min`;
  if (x < 48) return `${num(x, 1)} h`;
  return `${num(x / 24, 1)} d`;
}

/** A UTC day, `YYYY-MM-DD`. */
export function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
