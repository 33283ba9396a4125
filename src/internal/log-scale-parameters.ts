/** The numeric range of log-scale likelihoods, checked on parameters given by a caller. */
import { LOG_PARAMETER_LIMIT } from './log-scale-fit';
import { fail } from './validate';

/**
 * ln θ of positive, validated parameters, each required within e^±30 (the range the log-scale
 * likelihoods evaluate accurately, and where every fit's estimates lie): `OUT_OF_RANGE` naming
 * the parameter otherwise.
 */
export function requireLogScaleParameters(fn: string, names: readonly string[], values: readonly number[]): number[] {
  return values.map((v, i) => {
    const t = Math.log(v);
    if (!(Math.abs(t) <= LOG_PARAMETER_LIMIT)) {
      const name = names[i] as string;
      throw fail('OUT_OF_RANGE', fn, `${name} ${v} is outside [e^-${LOG_PARAMETER_LIMIT}, e^${LOG_PARAMETER_LIMIT}], the range the likelihood is evaluated in`, {
        field: name,
        value: v,
      });
    }
    return t;
  });
}
