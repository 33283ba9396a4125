import { describe, expect, it } from 'vitest';
import { el, escapeXml, polyline, px, svgDocument, text } from '../../../src/cli/svg/svg';

describe('the SVG writer', () => {
  it('px: rounded to 0.01, no trailing zeros, no −0', () => {
    expect(px(1.23456)).toBe('1.23');
    expect(px(2)).toBe('2');
    expect(px(2.5)).toBe('2.5');
    expect(px(-0.001)).toBe('0');
  });

  it('escapeXml escapes &, <, > and "', () => {
    expect(escapeXml('a & <b> "c"')).toBe('a &amp; &lt;b&gt; &quot;c&quot;');
  });

  it('el: attributes in order, numbers through px, undefined left out, values escaped; self-closing when empty', () => {
    expect(el('rect', { x: 1.005, y: 2, fill: '#fff', stroke: undefined, title: 'a"b' })).toBe('<rect x="1" y="2" fill="#fff" title="a&quot;b"/>');
    expect(el('g', {}, ['<a/>', '<b/>'])).toBe('<g><a/><b/></g>');
    expect(el('line')).toBe('<line/>');
  });

  it('text escapes its content', () => {
    expect(text(1, 2.345, 'R&D <5>', { 'font-size': 12 })).toBe('<text x="1" y="2.35" font-size="12">R&amp;D &lt;5&gt;</text>');
  });

  it('polyline: M then L', () => {
    expect(polyline([[0, 0], [1.234, 5], [10, -0.0001]])).toBe('M0 0 L1.23 5 L10 0');
    expect(polyline([])).toBe('');
  });

  it('svgDocument: role img, labelled by its escaped title and description, white background, body inside one group', () => {
    const doc = svgDocument(100, 50, 'NPS <by> month', 'A & B', ['<circle/>']);
    expect(doc.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50" role="img" aria-labelledby="title desc">')).toBe(true);
    expect(doc).toContain('<title id="title">NPS &lt;by&gt; month</title>');
    expect(doc).toContain('<desc id="desc">A &amp; B</desc>');
    expect(doc).toContain('<rect width="100" height="50" fill="#ffffff"/>');
    expect(doc).toContain('<g fill="#222222">\n<circle/>\n</g>\n</svg>\n');
    // A CSS fill on text would override each label's fill attribute.
    expect(doc).not.toMatch(/<style>[^<]*fill/);
  });
});
