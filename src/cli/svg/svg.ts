/**
 * Tiny SVG writer for the documentation charts: elements as strings, coordinates rounded so
 * that output is byte-for-byte reproducible, text escaped.
 */

/** Attribute values; `undefined` attributes are left out. */
export type Attributes = Record<string, string | number | undefined>;

/** A coordinate or length rounded to 0.01 px, without trailing zeros. */
export function px(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

export function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? px(v) : escapeXml(v as string)}"`)
    .join('');
}

/** An element with children (strings of SVG) or none. */
export function el(name: string, attrs: Attributes = {}, children: readonly string[] = []): string {
  return children.length === 0 ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${children.join('')}</${name}>`;
}

/** A text element. */
export function text(x: number, y: number, content: string, attrs: Attributes = {}): string {
  return `<text${attributes({ x, y, ...attrs })}>${escapeXml(content)}</text>`;
}

/** A path through points: `M x y L x y …`. */
export function polyline(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${px(x)} ${px(y)}`).join(' ');
}

/** The whole document: a titled, described, self-contained SVG with a white background. */
export function svgDocument(width: number, height: number, title: string, description: string, body: readonly string[]): string {
  // Only the font in CSS: a CSS `fill` on text would override each label's own fill attribute
  // (white labels on dark heat-map cells came out dark). The default ink is inherited from <g>.
  const style = 'text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title desc">`,
    `<title id="title">${escapeXml(title)}</title>`,
    `<desc id="desc">${escapeXml(description)}</desc>`,
    `<style>${style}</style>`,
    el('rect', { width, height, fill: '#ffffff' }),
    '<g fill="#222222">',
    ...body,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
