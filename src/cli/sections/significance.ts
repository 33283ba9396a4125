/** Shared wording for the significance marks of the survey sections. */
import { num } from '../format';

/** A p-value for the report: `< 0.001`, or three decimals. */
export function pValue(p: number | undefined): string {
  if (p === undefined) return '–';
  return p < 0.001 ? '< 0.001' : num(p, 3);
}

/** `▲` / `▼` after a value that differs significantly (after correction), upwards or downwards. */
export function mark(difference: number | undefined, significant: boolean): string {
  if (!significant || difference === undefined) return '';
  return difference > 0 ? ' ▲' : ' ▼';
}
