/**
 * Seeded random draws for simulators in tests: the kernel's generators (the same seed gives the
 * same stream on every machine, so a failing property can be replayed).
 */
export { seededUniform } from '../../src/internal/random';
export { betaVariate, gammaVariate } from '../../src/internal/random-variates';
