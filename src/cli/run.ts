/**
 * The `cx-metrics` command line: dispatches to `report`, `check` or `fit`. `run` takes the
 * arguments and an output sink and returns the exit code (a promise with `--engine duckdb`), so
 * tests call it directly.
 */
import { nearest } from './args';
import { checkCommand } from './check';
import { fitCommand } from './fit';
import { MAIN_USAGE } from './help';
import { EXIT, SCHEMA_VERSION, toJson, type Output } from './output';
import { reportCommand } from './report';
import { VERSION } from './version';

const COMMANDS: Readonly<Record<string, (argv: readonly string[], out: Output) => number | Promise<number>>> = {
  report: reportCommand,
  check: checkCommand,
  fit: fitCommand,
};

/**
 * Run the command line (the arguments after `cx-metrics`); returns the process exit code, as a
 * promise when the purchases go through DuckDB (`--engine duckdb`).
 */
export function run(argv: readonly string[], out: Output): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out[command === undefined ? 'stderr' : 'stdout'](MAIN_USAGE);
    return command === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (command === '--version') {
    out.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const handler = COMMANDS[command];
  if (handler === undefined) {
    const guess = nearest(command, Object.keys(COMMANDS));
    const message = `unknown command ${JSON.stringify(command)}${guess === undefined ? '' : ` (did you mean ${guess}?)`}`;
    if (rest.includes('--json')) out.stdout(toJson({ schemaVersion: SCHEMA_VERSION, kind: 'error', error: { code: 'USAGE', message, problems: [] } }));
    else out.stderr(`error: ${message}\n\n${MAIN_USAGE}`);
    return EXIT.badInput;
  }
  return handler(rest, out);
}
