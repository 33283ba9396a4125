/** The options of the customer-base simulators, read and checked once. */
import type { SimulationOptions } from './simulation-options';
import { describeValue, fail, requireCount, requireCountUpTo, requireNonNegative, requirePositive } from '../internal/validate';
import { readOptions } from '../internal/options';

/** Most purchases one simulated customer may make before the simulation refuses the parameters. */
export const MAX_SIMULATED_PURCHASES = 1_000_000;

/** Most customers one call of a simulator makes (each is an object in memory); more throws `OUT_OF_RANGE`. */
export const MAX_SIMULATED_CUSTOMERS = 10_000_000;

/** The checked options. */
export interface CheckedSimulationOptions {
  readonly customers: number;
  readonly minT: number;
  readonly spanT: number;
  readonly seed: number;
  readonly round: (v: number) => number;
}

/** Read and check the options of simulator `fn`. */
export function readSimulationOptions(fn: string, options: SimulationOptions): CheckedSimulationOptions {
  const settings = readOptions(fn, options, ['customers', 'T', 'seed', 'resolution']) as Partial<SimulationOptions>;
  for (const key of ['customers', 'T', 'seed'] as const) {
    if (settings[key] === undefined) throw fail('INVALID_OPTION', fn, `${key} is required`, { field: key });
  }
  const customers = requireCountUpTo(fn, 'customers', settings.customers, MAX_SIMULATED_CUSTOMERS);
  const seed = requireCount(fn, 'seed', settings.seed);
  const T = settings.T as SimulationOptions['T'];
  let minT: number;
  let spanT: number;
  if (typeof T === 'object' && T !== null && !Array.isArray(T) && ('min' in T || 'max' in T)) {
    minT = requireNonNegative(fn, 'T.min', T.min);
    const maxT = requireNonNegative(fn, 'T.max', T.max);
    if (maxT < minT) {
      throw fail('ORDER_VIOLATION', fn, `T.max ${describeValue(maxT)} is less than T.min ${describeValue(minT)}`, { field: 'T', value: T });
    }
    spanT = maxT - minT;
  } else {
    minT = requireNonNegative(fn, 'T', T);
    spanT = 0;
  }
  const resolution = settings.resolution === undefined ? undefined : requirePositive(fn, 'resolution', settings.resolution);
  const maxT = minT + spanT;
  // A step longer than the observation rounds every purchase to time 0 (the simulation never ends); T near
  // the top of a double over a tiny step rounds to Infinity.
  if (resolution !== undefined && maxT > 0 && resolution > maxT) {
    throw fail('OUT_OF_RANGE', fn, `resolution ${describeValue(resolution)} is longer than the observation T ${describeValue(maxT)}`, { field: 'resolution', value: resolution });
  }
  if (resolution !== undefined && !Number.isFinite(maxT / resolution)) {
    throw fail('OUT_OF_RANGE', fn, `T ${describeValue(maxT)} in steps of resolution ${describeValue(resolution)} is beyond a double`, { field: 'resolution', value: resolution });
  }
  const round = resolution === undefined ? (v: number) => v : (v: number) => Math.round(v / resolution) * resolution;
  return { customers, minT, spanT, seed, round };
}

/** The error for a customer who buys without end (purchase rate far above the observation length). */
export function tooManyPurchases(fn: string): Error {
  return fail('OUT_OF_RANGE', fn, `a simulated customer made more than ${MAX_SIMULATED_PURCHASES} purchases: the purchase rates (r/alpha) are too high for the observation length T`, {
    field: 'params',
  });
}
