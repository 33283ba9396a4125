/**
 * `npm run bench [filter]`: runs every bench/*.bench.ts (or those whose name contains the
 * filter), one after another in this process, and prints markdown tables for the README.
 */
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const filter = process.argv[2] ?? '';
const dir = new URL('.', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
console.log(`cx-metrics benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
for (const file of files) {
  const mod = (await import(pathToFileURL(new URL(file, dir).pathname).href)) as { main?: () => unknown };
  if (typeof mod.main === 'function') await mod.main();
}
