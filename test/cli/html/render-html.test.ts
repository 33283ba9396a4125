/**
 * The HTML report's structure, without a browser: one self-contained document, every chart
 * present with its title, description, labels and size, unique ids, readable text contrast.
 * `npm run test:system` renders the same file in headless Chromium.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../src/cli/svg/contrast';
import { cli } from '../run-cli';
import { knownDrivers } from '../sample-drivers';
import { EXPECTED_CHARTS } from './expected-charts';

const dir = mkdtempSync(join(tmpdir(), 'cx-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


let html = '';
beforeAll(() => {
  const path = join(dir, 'r.html');
  const result = cli('report', '--sample', '--html', path);
  expect(result.code).toBe(0);
  html = readFileSync(path, 'utf8');
});

function svgs(): { id: string; svg: string }[] {
  return [...html.matchAll(/<figure id="figure-([\w-]+)" class="chart">\n(<svg[\s\S]*?<\/svg>)/g)].map((m) => ({ id: m[1] as string, svg: m[2] as string }));
}

describe('report --html', () => {
  it('is one self-contained HTML document: no scripts, no external references', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|url\(|@import/i);
    // The only URL is the SVG namespace; links are in-page anchors.
    expect([...html.matchAll(/https?:\/\/[^\s"']+/g)].map((m) => m[0]).filter((u) => u !== 'http://www.w3.org/2000/svg')).toEqual([]);
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => (m[1] as string).startsWith('#'))).toBe(true);
    expect(html).toContain(`content="default-src 'none'`);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('flags the segments and months that differ after Holm correction, and shows the key-driver table recovering the known drivers', () => {
    const section = (id: string) => new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
    const nps = section('nps');
    const segments = section('npsSegments');
    expect(nps).toContain('significant at 5 % after Holm correction');
    expect(segments).toContain('at 5 % after Holm correction');
    // The sample has a significant month-to-month rise and segments on both sides of the rest.
    expect(nps).toMatch(/^1997-04 .*▲/m);
    expect(segments).toMatch(/^search .*▲/m);
    expect(segments).toMatch(/^social .*▼/m);
    // The attribute ratings were generated with known drivers (scripts/generate-sample-data.ts): the table ranks them in that order.
    const drivers = section('keyDrivers');
    expect(drivers).toContain('Key drivers of NPS');
    const ranked = [...drivers.matchAll(/^ +(\d+) {2}(.+?) {2,}\d/gm)].map((m) => [Number(m[1]), m[2]!.trim()]);
    expect(ranked).toEqual(knownDrivers().map((d, k) => [k + 1, d.name]));
  });

  it('has every chart the issue lists, each in its section', () => {
    expect(svgs().map((c) => c.id)).toEqual([...EXPECTED_CHARTS]);
  });

  it('every chart: role img, a title and description it is labelled by, a size, axis or scale labels', () => {
    for (const { id, svg } of svgs()) {
      const open = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)" role="img" aria-labelledby="([^"]+)">/.exec(svg);
      expect(open, id).not.toBeNull();
      const [, w, h, vw, vh, labelledBy] = open as RegExpExecArray;
      expect(Number(w)).toBeGreaterThan(300);
      expect(Number(h)).toBeGreaterThan(150);
      expect([vw, vh]).toEqual([w, h]);
      for (const ref of (labelledBy as string).split(' ')) expect(svg, `${id} names ${ref}`).toMatch(new RegExp(`<(title|desc) id="${ref}">[^<]{8,}</(title|desc)>`));
      // A visible heading (the chart title) and more labels than a bare plot.
      expect(svg, id).toMatch(/<text[^>]*font-weight="600"[^>]*>[^<]+<\/text>/);
      expect((svg.match(/<text/g) ?? []).length, id).toBeGreaterThanOrEqual(8);
    }
  });

  it('ids are unique in the document', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(EXPECTED_CHARTS.length * 3);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('no style sheet overrides the text colours (a CSS fill on text beats the fill attribute)', () => {
    for (const style of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) expect(style[1]).not.toMatch(/text\s*\{[^}]*fill/);
  });

  it('text is readable: contrast ≥ 4.5 against its background, heat-map cell labels against their cell', () => {
    let checked = 0;
    for (const { svg } of svgs()) {
      let background = '#ffffff';
      for (const m of svg.matchAll(/<rect [^>]*fill="(#[0-9a-fA-F]{6})"[^>]*\/>|<text ([^>]*)>([^<]*)<\/text>/g)) {
        if (m[1] !== undefined) {
          // A cell directly followed by its label (heat map); other rects are bars or swatches.
          background = /width="30" height="30"/.test(m[0]) ? (m[1] as string) : '#ffffff';
          continue;
        }
        const ink = /fill="(#[0-9a-fA-F]{6})"/.exec(m[2] as string)?.[1] ?? '#222222';
        expect(contrastRatio(ink, background), `"${m[3]}" in ${ink} on ${background}`).toBeGreaterThanOrEqual(4.5);
        checked++;
        background = '#ffffff';
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('the cohort heat map labels its darkest cells in white (M0 = 100 %)', () => {
    const heat = svgs().find((c) => c.id === 'cohort-heat-map')?.svg ?? '';
    const m0 = [...heat.matchAll(/<rect [^>]*fill="(#[0-9a-f]{6})"\/>\n?<text [^>]*fill="(#[0-9a-f]{6})"[^>]*>100<\/text>/g)];
    expect(m0.length).toBe(3);
    for (const cell of m0) expect(cell[2]).toBe('#ffffff');
  });
});

describe('report --html on small files of your own', () => {
  it('draws the charts the data allow, with no NaN, Infinity or undefined anywhere', () => {
    const interactions = join(dir, 'i.csv');
    writeFileSync(interactions, 'type,customerId,at,metric,score,touchpoint\nsurvey,a,2024-01-05,nps,9,web\nsurvey,b,2024-02-05,nps,3,app\nsurvey,c,2024-02-06,csat,5,app\nsurvey,d,2024-02-07,ces,6,app\n');
    const purchases = join(dir, 'p.csv');
    writeFileSync(purchases, 'customer_id,date,amount\na,2024-01-01,5\na,2024-02-01,6\nb,2024-01-03,7\nc,2024-01-09,3\nc,2024-03-01,4\nd,2024-02-01,9\ne,2024-02-11,5\ne,2024-04-01,5\n');
    for (const [args, charts] of [
      [['--interactions', interactions], ['nps-trend', 'csat-touchpoints', 'ces-touchpoints']],
      [['--purchases', purchases], ['cohort-heat-map', 'survival', 'repeat-purchases', 'tracking-curve', 'clv-distribution', 'top-customers']],
    ] as const) {
      const out = join(dir, 'small.html');
      expect(cli('report', ...args, '--html', out).code).toBe(0);
      const page = readFileSync(out, 'utf8');
      expect([...page.matchAll(/<figure id="figure-([\w-]+)"/g)].map((m) => m[1])).toEqual(charts);
      expect(page).not.toMatch(/NaN|Infinity|undefined/);
    }
  });

  it('an unwritable --html path is a usage error (exit 2), and nothing is printed as the report', () => {
    const result = cli('report', '--sample', '--html', join(dir, 'no-such-folder', 'r.html'));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--html: cannot write');
  });
});
