/**
 * `npm start`: a customer-experience report on the bundled sample, or on your own files.
 * `npm start -- --help` lists the options. The work is done in ./cli.ts.
 */
import { run } from './cli';

const styled = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
process.exitCode = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  styled,
});
