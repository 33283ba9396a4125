/**
 * The report as one self-contained HTML file: inline CSS, inline SVG charts, no scripts, no
 * network. Each section shows its charts, then its text (the same lines as the terminal).
 */
import type { ReportInput, Section } from '../sections/types';
import { escapeXml } from '../svg/svg';
import { VERSION } from '../version';
import { reportCharts, type Chart } from './charts';

const CSS = `
:root{color-scheme:light}
body{margin:0;background:#f6f7f9;color:#1d1d1f;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
header,main,footer{max-width:980px;margin:0 auto;padding:0 20px}
header{padding-top:24px}
h1{font-size:28px;margin:0 0 4px}
h2{font-size:21px;margin:0 0 12px}
.meta{color:#4a4a4a;margin:0 0 16px}
nav ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:0 0 8px}
a{color:#0b5cad}
section{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:20px;margin:20px 0}
figure{margin:0 0 20px}
figure svg{display:block;max-width:100%;height:auto}
figcaption{color:#4a4a4a;font-size:14px}
pre{margin:0;padding:12px;background:#f6f7f9;border-radius:6px;overflow-x:auto;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#1d1d1f}
details summary{cursor:pointer;color:#0b5cad;margin-bottom:8px}
footer{color:#4a4a4a;font-size:14px;padding-bottom:32px}
`;

/** Give each chart's title and description ids of their own (several SVGs share one page). */
function uniqueIds(chart: Chart): string {
  const id = `chart-${chart.id}`;
  return chart.svg
    .replace(' aria-labelledby="title desc"', ` aria-labelledby="${id}-title ${id}-desc"`)
    .replace('<title id="title">', `<title id="${id}-title">`)
    .replace('<desc id="desc">', `<desc id="${id}-desc">`)
    .trimEnd();
}

function figure(chart: Chart): string {
  const title = /<title id="title">([^<]*)<\/title>/.exec(chart.svg)?.[1] ?? chart.id;
  return `<figure id="${escapeXml(`figure-${chart.id}`)}" class="chart">\n${uniqueIds(chart)}\n<figcaption>${title}</figcaption>\n</figure>`;
}

/** The whole HTML document for the report's sections. */
export function renderHtml(input: ReportInput, sections: readonly Section[]): string {
  const charts = reportCharts(input, sections);
  const body = sections.map((s) => {
    const own = charts.filter((c) => c.section === s.id).map(figure);
    const text = `<pre>${escapeXml(s.lines.join('\n'))}</pre>`;
    return [
      `<section id="${escapeXml(s.id)}" aria-labelledby="${escapeXml(s.id)}-h">`,
      `<h2 id="${escapeXml(s.id)}-h">${escapeXml(s.title)}</h2>`,
      ...own,
      own.length === 0 ? text : `<details><summary>Figures as text</summary>\n${text}\n</details>`,
      '</section>',
    ].join('\n');
  });
  const overview = sections.find((s) => s.id === 'data');
  const when = (overview?.data as { firstDate?: string; observationEnd?: string } | undefined) ?? {};
  const period = when.firstDate === undefined ? '' : `Data from ${when.firstDate} to ${when.observationEnd}. `;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network: nothing may be fetched, and no script runs.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<title>Customer-experience report</title>',
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>Customer-experience report</h1>',
    `<p class="meta">${escapeXml(`${period}${input.sample ? 'The bundled sample data. ' : ''}${charts.length} charts.`)}</p>`,
    `<nav aria-label="Sections"><ul>${sections.map((s) => `<li><a href="#${escapeXml(s.id)}">${escapeXml(s.title)}</a></li>`).join('')}</ul></nav>`,
    '</header>',
    '<main>',
    ...body,
    '</main>',
    `<footer>Made by cx-metrics ${escapeXml(VERSION)}. Every figure is computed from the files listed under Data; intervals are 95 %.</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
