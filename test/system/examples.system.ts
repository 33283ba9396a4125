/**
 * examples/browser/ in headless Chromium: the page script, bundled for the browser, computes
 * NPS from the form field and updates as the user types (the library code from src/).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/doc-examples';
import { Browser } from './chromium';

const dir = mkdtempSync(join(tmpdir(), 'cx-example-browser-'));
let browser: Browser;

beforeAll(async () => {
  cpSync(join(repoRoot, 'examples', 'browser', 'index.html'), join(dir, 'index.html'));
  const result = await build({
    entryPoints: [join(repoRoot, 'examples', 'browser', 'app.js')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'cx-metrics-from-src',
        setup(b) {
          b.onResolve({ filter: /^cx-metrics(\/\w+)?$/ }, (args) => ({ path: join(repoRoot, 'src', args.path === 'cx-metrics' ? '' : args.path.slice('cx-metrics/'.length), 'index.ts') }));
        },
      },
    ],
  });
  writeFileSync(join(dir, 'app.bundle.js'), result.outputFiles[0]?.text ?? '');
  browser = await Browser.launch(800, 600);
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('examples/browser in Chromium', () => {
  it('shows NPS for the default scores, and updates as the scores change', async () => {
    await browser.open(pathToFileURL(join(dir, 'index.html')).href);
    expect(await browser.evaluate<string>(`document.getElementById('result').textContent`)).toMatch(/^NPS 25\.0 \(95 % interval -?[\d.]+ to [\d.]+\) from 8 answers$/);
    await browser.evaluate(`(() => { const i = document.getElementById('scores'); i.value = '10 10 9 0'; i.dispatchEvent(new Event('input')); })()`);
    expect(await browser.evaluate<string>(`document.getElementById('result').textContent`)).toMatch(/^NPS 50\.0 .* from 4 answers$/);
    await browser.evaluate(`(() => { const i = document.getElementById('scores'); i.value = '9 11'; i.dispatchEvent(new Event('input')); })()`);
    expect(await browser.evaluate<string>(`document.getElementById('result').textContent`)).toContain('11');
  });
});
