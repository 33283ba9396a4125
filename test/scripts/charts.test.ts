import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInput } from '../../src/cli/input';
import { charts } from '../../scripts/charts';
import { repoRoot } from '../support/doc-examples';

const images = join(repoRoot, 'docs', 'images');

describe('scripts/charts.ts', () => {
  const drawn = charts(loadInput({ sample: true, files: {} }));

  it('regenerates the committed SVGs in docs/images byte for byte (run `npx tsx scripts/charts.ts` after changing data or charts)', () => {
    expect(readdirSync(images).filter((f) => f.endsWith('.svg')).sort()).toEqual(Object.keys(drawn).sort());
    for (const [name, svg] of Object.entries(drawn)) {
      expect(svg === readFileSync(join(images, name), 'utf8'), `${name} is out of date`).toBe(true);
    }
  });

  it('draws the same bytes twice (deterministic)', () => {
    expect(charts(loadInput({ sample: true, files: {} }))).toEqual(drawn);
  });

  it('writes self-contained, accessible SVG: a title, a description, no scripts, no external references, finite coordinates', () => {
    for (const svg of Object.values(drawn)) {
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="img"/);
      expect(svg).toMatch(/<title id="title">[^<]+<\/title>/);
      expect(svg).toMatch(/<desc id="desc">[^<]+<\/desc>/);
      expect(svg).not.toMatch(/<script|href=|NaN|Infinity|undefined/);
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    }
  });

  it('the NPS chart has one bar per score 0–10, coloured by category, after the three legend swatches', () => {
    const svg = drawn['nps-distribution.svg'] as string;
    const fills = [...svg.matchAll(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="(#[0-9A-F]{6})"/g)].map((m) => m[1]);
    expect(fills.slice(0, 3)).toEqual(['#D55E00', '#E69F00', '#009E73']);
    expect(fills.slice(3)).toEqual([...Array(7).fill('#D55E00'), '#E69F00', '#E69F00', '#009E73', '#009E73']);
  });

  it('every image a guide embeds exists (typedoc copies relatively linked images into the site)', () => {
    const docs = join(repoRoot, 'docs');
    const links = readdirSync(docs)
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => [...readFileSync(join(docs, f), 'utf8').matchAll(/!\[[^\]]+\]\((images\/[^)\s]+)\)/g)].map((m) => ({ file: f, image: m[1] as string })));
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const { file, image } of links) expect(existsSync(join(docs, image)), `${file} links ${image}`).toBe(true);
  });
});
