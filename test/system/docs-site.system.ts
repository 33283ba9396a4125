/**
 * The documentation site, built by typedoc and read in headless Chromium: guide titles (not
 * file names) in the menu, one page per CLI command, functions before interfaces in each
 * module, cross-module links shown by name, and a search that finds words of the guides.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/doc-examples';
import { Browser } from './chromium';

const out = mkdtempSync(join(tmpdir(), 'cx-docs-site-'));
let browser: Browser;

/** The `title:` of each guide's front matter. */
const guides = readdirSync(join(repoRoot, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ file: f, title: /^---\ntitle: "?([^"\n]+)"?\n---/.exec(readFileSync(join(repoRoot, 'docs', f), 'utf8'))?.[1] }));

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? pages(path) : f.endsWith('.html') ? [path] : [];
  });
}

const url = (...path: string[]): string => pathToFileURL(join(out, ...path)).href;

beforeAll(async () => {
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'typedoc'), ['--out', out, '--logLevel', 'Warn'], { cwd: repoRoot, stdio: 'pipe' });
  browser = await Browser.launch();
});

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('the documentation site', () => {
  it('every guide has a title in its front matter', () => {
    expect(guides.length).toBeGreaterThanOrEqual(12);
    for (const g of guides) expect(g.title, g.file).toBeDefined();
  });

  it('the menu lists the guides by title, never by file name, with one page per CLI command', async () => {
    await browser.open(url('index.html'));
    // The menu is filled in by the site's script from its navigation data.
    let links: { text: string; href: string }[] = [];
    for (let k = 0; k < 100 && !links.some((l) => l.text === 'Getting started'); k++) {
      links = await browser.evaluate(`[...document.querySelectorAll('.site-menu a, .tsd-navigation a')].map((a) => ({ text: a.textContent.trim(), href: a.href }))`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const documents = [...new Set(links.filter((l) => l.href.includes('/documents/')).map((l) => l.text))].sort();
    expect(documents).toEqual(guides.map((g) => g.title as string).sort());
    for (const command of ['report', 'check', 'fit']) expect(documents).toContain(`CLI: cx-metrics ${command}`);
  });

  it('each module page lists its functions before its interfaces', async () => {
    for (const module of ['survey', 'retention', 'clv', 'journey', 'models']) {
      await browser.open(url('modules', `${module}.html`));
      const headings = await browser.evaluate<string[]>(`[...document.querySelectorAll('h2')].map((h) => h.textContent.trim())`);
      const functions = headings.indexOf('Functions');
      const interfaces = headings.indexOf('Interfaces');
      expect(functions, `${module}: ${headings.join(', ')}`).toBeGreaterThanOrEqual(0);
      if (interfaces >= 0) expect(functions, module).toBeLessThan(interfaces);
    }
  });

  it('cross-module links show the name (CxMetricsError), not the reference (models!CxMetricsError)', async () => {
    const shown = pages(out).filter((p) => readFileSync(p, 'utf8').includes('models!'));
    expect(shown.map((p) => p.slice(out.length))).toEqual([]);
    await browser.open(url('functions', 'survey.nps.html'));
    const names = await browser.evaluate<string[]>(`[...document.querySelectorAll('a[href$="models.CxMetricsError.html"]')].map((a) => a.textContent.trim())`);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['CxMetricsError']));
  });

  it('the search finds words that appear only in the guides', async () => {
    const search = async (term: string): Promise<string[]> => {
      // A fresh page per term, so no result of the previous search is read.
      await browser.open(url('index.html'));
      let results: string[] = [];
      // The search dialog opens once the site's script is ready, the index loads asynchronously and
      // typing is debounced: type, then wait for results; type again every 2 s (up to 30 s) if none come.
      for (let k = 0; k < 300 && results.length === 0; k++) {
        if (k % 20 === 0) {
          await browser.evaluate(`(() => { if (!document.getElementById('tsd-search').open) document.getElementById('tsd-search-trigger').click(); const i = document.getElementById('tsd-search-input'); i.focus(); i.value = ${JSON.stringify(term)}; i.dispatchEvent(new Event('input', { bubbles: true })); })()`);
        }
        await new Promise((r) => setTimeout(r, 100));
        results = await browser.evaluate<string[]>(`[...document.querySelectorAll('#tsd-search-results li a')].map((a) => a.textContent.trim() + ' ' + a.href)`);
      }
      return results;
    };
    // Words of the guides only (the CLI check page, the getting-started guide).
    const workflow = await search('workflow');
    expect(workflow.some((r) => r.includes('CLI: cx-metrics check')), workflow.join('\n')).toBe(true);
    const github = await search('GitHub');
    expect(github.some((r) => r.includes('/documents/')), github.join('\n')).toBe(true);
    // And the API, as before.
    const api = await search('npsInterval');
    expect(api.some((r) => r.includes('survey.npsInterval.html')), api.join('\n')).toBe(true);
  });

});
