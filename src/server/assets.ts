/**
 * Static files of the web interface: the style sheet, the one client script (charts only — every other feature works
 * without JavaScript), and Chart.js's UMD build served from node_modules. Scripts come only from this server
 * (Content-Security-Policy `script-src 'self'`), so text that slipped through as markup still could not run.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const STYLE = `
:root { --fg:#1d1d1f; --muted:#6e6e73; --line:#d2d2d7; --accent:#0b5cad; --fact:#ffe58a; --hit:#b8e3ff; --bad:#b3261e; --good:#1e7b34; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, "Noto Sans CJK SC", "Noto Sans", sans-serif; color: var(--fg); margin: 0; }
header { display: flex; gap: 1.2em; align-items: baseline; padding: .6em 1.2em; border-bottom: 1px solid var(--line); background: #f5f5f7; }
header a { color: var(--fg); text-decoration: none; } header a.here { font-weight: 600; border-bottom: 2px solid var(--accent); }
header .brand { font-weight: 700; }
header form { margin-left: auto; }
main { padding: 1em 1.2em; }
a { color: var(--accent); }
h1 { font-size: 1.35em; margin: .2em 0 .6em; } h2 { font-size: 1.1em; margin: 1.2em 0 .4em; }
table { border-collapse: collapse; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #fafafa; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.layout { display: grid; grid-template-columns: 15em minmax(0, 1fr); gap: 1.2em; }
.facets h3 { font-size: .95em; margin: .9em 0 .2em; }
.facets ul { list-style: none; padding: 0; margin: 0; font-size: 13.5px; }
.facets li a.on { font-weight: 700; }
.facets .count { color: var(--muted); }
.muted { color: var(--muted); }
.error { color: var(--bad); }
form.filters { display: flex; flex-wrap: wrap; gap: .5em; align-items: end; margin-bottom: .8em; }
form.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
input, select, button { font: inherit; font-size: 14px; }
.chips a { display: inline-block; background: #eef3fb; border-radius: 1em; padding: 0 .6em; margin: 0 .3em .3em 0; text-decoration: none; }
.pager { margin: .8em 0; display: flex; gap: 1em; }
.doctext { white-space: pre-wrap; max-width: 52em; font-size: 16px; line-height: 1.8; }
.doctext.original { font-family: ui-monospace, monospace; font-size: 13px; line-height: 1.5; }
.doc-layout { display: grid; grid-template-columns: minmax(0, 1fr) 28em; gap: 1.5em; }
a.fact { background: var(--fact); color: inherit; text-decoration: none; border-bottom: 2px solid #c9a400; cursor: pointer; }
a.fact.reviewed-correct { border-bottom-color: var(--good); } a.fact.reviewed-wrong { border-bottom-color: var(--bad); }
mark.hit { background: var(--hit); }
.explain { display: none; border: 1px solid var(--line); border-radius: 6px; padding: .6em .9em; background: #fcfcfd; position: sticky; top: 1em; }
.explain:target { display: block; }
.explain dl { display: grid; grid-template-columns: 7.5em 1fr; gap: .15em .6em; margin: .3em 0; font-size: 14px; }
.explain dt { color: var(--muted); } .explain dd { margin: 0; }
.around { white-space: pre-wrap; font-size: 13px; background: #f5f5f7; padding: .4em; border-radius: 4px; max-height: 14em; overflow: auto; }
.verdict-correct { color: var(--good); font-weight: 600; } .verdict-wrong { color: var(--bad); font-weight: 600; }
form.review { display: inline; } form.review button { margin-right: .3em; }
table.compact { width: 100%; font-size: 13px; line-height: 1.35; }
table.compact td, table.compact th { padding: .15em .4em; white-space: nowrap; }
table.compact td.evidence { white-space: normal; min-width: 15em; width: 40%; }
table.compact td.value { white-space: normal; min-width: 10em; }
table.compact td.cut { max-width: 10em; overflow: hidden; text-overflow: ellipsis; }
table.compact td.doc { max-width: 9em; } table.compact td.resolved { max-width: 4.5em; } table.compact td.rule { max-width: 10em; }
table.compact td.review { width: 1%; }
form.review.compact { white-space: nowrap; margin-left: .2em; }
form.review.compact button { font-size: 12px; line-height: 1.2; padding: 0 .35em; margin: 0 .1em 0 0; border: 1px solid var(--line); border-radius: 3px; background: #fff; cursor: pointer; }
form.review.compact button[data-verdict=correct]:disabled { background: #e3f3e6; color: var(--good); border-color: var(--good); }
form.review.compact button[data-verdict=wrong]:disabled { background: #fbe7e5; color: var(--bad); border-color: var(--bad); }
.snippet { margin: .2em 0 .2em 1em; color: #333; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(30em, 1fr)); gap: 1.5em; }
.chart-box { border: 1px solid var(--line); border-radius: 6px; padding: .6em; }
.chart-box details { font-size: 13px; margin-top: .4em; } .chart-box details td.planned a { color: #8a5a00; }
p.left-out { font-size: 13px; margin: .2em 0; }
.toggle a { margin-right: .8em; } .toggle a.here { font-weight: 700; color: var(--fg); text-decoration: none; }
`;

/** Draws every <canvas data-chart='…'> with Chart.js; the chart's configuration is JSON in the attribute. */
export const CLIENT_SCRIPT = `
'use strict';
document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
  var spec = JSON.parse(canvas.getAttribute('data-chart'));
  new Chart(canvas, spec);
  canvas.setAttribute('data-drawn', '1');
});
`;

let chartJs: string | null = null;

/** Chart.js's UMD build, read once from the installed package. */
export function chartJsSource(): string {
  if (chartJs === null) {
    const require = createRequire(import.meta.url);
    // The package exports no subpaths for its files: find dist/ through its main entry (dist/chart.cjs).
    const main = require.resolve('chart.js');
    chartJs = readFileSync(path.join(path.dirname(main), 'chart.umd.min.js'), 'utf8');
  }
  return chartJs;
}
