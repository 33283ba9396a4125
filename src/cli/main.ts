/**
 * The `cx-metrics` executable (package.json `bin`; the build adds the `#!/usr/bin/env node`
 * line). `npm start` runs it from the sources on the bundled sample.
 */
import { run } from './run';

const styled = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  styled,
});
