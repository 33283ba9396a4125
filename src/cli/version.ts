/** The package version, from package.json (inlined by the build). */
import pkg from '../../package.json';

/** The version of cx-metrics this command line belongs to. */
export const VERSION: string = pkg.version;
