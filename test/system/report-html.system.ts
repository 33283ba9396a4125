/**
 * The HTML report rendered in headless Chromium: every chart present and sized, nothing wider
 * than the page, text readable (contrast of the rendered colours, a legible size), no request
 * leaves the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { EXPECTED_CHARTS } from '../cli/html/expected-charts';
import { Browser } from './chromium';

const dir = mkdtempSync(join(tmpdir(), 'cx-system-html-'));
let browser: Browser;

interface Rendered {
  scrollWidth: number;
  clientWidth: number;
  charts: { id: string; width: number; height: number; right: number; texts: number; title: string }[];
  failures: string[];
  resources: number;
}

/** Measures the page in the browser: each chart's box, every text's rendered colour and size against its background. */
const MEASURE = `(() => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const failures = [];
  const page = document.documentElement;
  const charts = [...document.querySelectorAll('figure.chart')].map((figure) => {
    const svg = figure.querySelector('svg');
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')];
    for (const t of texts) {
      const style = getComputedStyle(t);
      const ink = rgb(style.fill);
      // The background: the cell drawn just before the label when it is under the label, else white.
      let background = [255, 255, 255];
      const previous = t.previousElementSibling;
      if (previous && previous.tagName === 'rect') {
        const r = previous.getBoundingClientRect(); const b = t.getBoundingClientRect();
        if (b.left >= r.left - 1 && b.right <= r.right + 1 && b.top >= r.top - 1 && b.bottom <= r.bottom + 1) background = rgb(getComputedStyle(previous).fill);
      }
      const contrast = ratio(ink, background);
      const size = parseFloat(style.fontSize) * (box.width / svg.viewBox.baseVal.width);
      if (contrast < 4.5) failures.push(figure.id + ': "' + t.textContent + '" contrast ' + contrast.toFixed(2));
      if (size < 9) failures.push(figure.id + ': "' + t.textContent + '" rendered at ' + size.toFixed(1) + ' px');
      const tb = t.getBoundingClientRect();
      if (tb.right > box.right + 1 || tb.left < box.left - 1) failures.push(figure.id + ': "' + t.textContent + '" overflows its chart');
    }
    return { id: figure.id.replace('figure-', ''), width: box.width, height: box.height, right: box.right, texts: texts.length, title: svg.querySelector('title').textContent };
  });
  return { scrollWidth: page.scrollWidth, clientWidth: page.clientWidth, charts, failures, resources: performance.getEntriesByType('resource').length };
})()`;

async function render(width: number): Promise<Rendered> {
  await browser.send('Emulation.setDeviceMetricsOverride', { width, height: 900, deviceScaleFactor: 1, mobile: false });
  await browser.open(pathToFileURL(join(dir, 'r.html')).href);
  return browser.evaluate<Rendered>(MEASURE);
}

beforeAll(async () => {
  const code = run(['report', '--sample', '--html', join(dir, 'r.html')], { stdout: () => {}, stderr: (t) => process.stderr.write(t), styled: false });
  expect(code).toBe(0);
  browser = await Browser.launch();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the HTML report in headless Chromium', () => {
  it('the measurement can fail: grey on grey, tiny text and an overflowing label are reported', async () => {
    const bad =
      '<!DOCTYPE html><html><body style="margin:0"><figure class="chart" id="figure-bad" style="margin:0">' +
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100"><title>bad</title>' +
      '<rect x="0" y="0" width="300" height="100" fill="#aaaaaa"/><text x="10" y="50" font-size="12" fill="#999999">grey on grey</text>' +
      '<text x="10" y="80" font-size="6" fill="#000000">tiny</text><text x="250" y="20" font-size="14" fill="#000000">far too long a label</text></svg></figure></body></html>';
    writeFileSync(join(dir, 'bad.html'), bad);
    await browser.open(pathToFileURL(join(dir, 'bad.html')).href);
    const page = await browser.evaluate<Rendered>(MEASURE);
    expect(page.failures).toEqual([
      expect.stringMatching(/^figure-bad: "grey on grey" contrast 1\.\d\d$/),
      'figure-bad: "tiny" rendered at 6.0 px',
      'figure-bad: "far too long a label" overflows its chart',
    ]);
  });

  it.each([1280, 760, 420])('at %i px wide: every chart rendered and sized, nothing overflows, all text readable', async (width) => {
    const page = await render(width);
    expect(page.charts.map((c) => c.id)).toEqual([...EXPECTED_CHARTS]);
    for (const c of page.charts) {
      expect(c.width, c.id).toBeGreaterThan(Math.min(300, width - 100));
      expect(c.height, c.id).toBeGreaterThan(80);
      expect(c.right, c.id).toBeLessThanOrEqual(page.clientWidth);
      expect(c.texts, c.id).toBeGreaterThanOrEqual(8);
      expect(c.title.length, c.id).toBeGreaterThan(5);
    }
    expect(page.scrollWidth).toBeLessThanOrEqual(page.clientWidth);
    // Narrow screens scale the charts down; readability is judged at the two wider widths.
    expect(width < 500 ? [] : page.failures).toEqual([]);
    expect(page.resources).toBe(0);
  });
});
