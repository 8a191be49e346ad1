/**
 * Charts where a person would rather look than read numbers. First the sums a researcher publishes, as `newsfacts
 * summary --by year --modality all` makes them (summaryOf, behind the store: each story's figure once, a part of a
 * total left to its total, amounts never added across units): per fact type and unit (a currency, persons,
 * enterprises …), the sum per year on a real time axis (a year is the end of the figure's resolved period; a gap of
 * years is a gap on the axis), plans beside achievements, running totals (累计, lũy kế: stocks, not addable to
 * in-period figures) in a chart of their own. Under each chart its figures as a table, every sum linking to the facts
 * it adds. Then counts of facts for checking the extraction: per type and language, values by order of magnitude.
 * They take the facts table's filters, so "charts of this view" is one link. Drawn by Chart.js in the browser from
 * JSON in a data attribute (no inline script); only the sums reach the browser.
 */
import { summaryOf, type Summary, type SummaryRow } from '../../summary/summarize.js';
import { FACT_TYPES } from '../../types.js';
import type { Request, Response, ServerContext } from '../context.js';
import { html, type Piece } from '../html.js';
import { formatNumber, page } from '../layout.js';
import { parseFactView, withParams } from '../params.js';
import { factsLink } from './summary.js';

const PALETTE = ['#0b5cad', '#d1495b', '#edae49', '#00798c', '#66a182', '#8d5a97', '#30638e', '#e07a5f', '#3d405b', '#81b29a'];
const ACHIEVED = '#0b5cad';
const PLANNED = '#edae49';

function chart(id: string, title: string, spec: object, extra: Piece = '') {
  return html`<div class="chart-box"><h2>${title}</h2><canvas id="${id}" data-chart="${JSON.stringify(spec)}" height="260"></canvas>${extra}</div>`;
}

/** A year axis that is a number line, from the first year to the last: 1890 stands 94 years before 1984. */
function yearAxis(years: number[]) {
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return {
    type: 'linear',
    offset: true,
    min: hi - lo < 2 ? lo - 1 : lo,
    max: hi - lo < 2 ? hi + 1 : hi,
    title: { display: true, text: 'year (the end of the figure\u2019s period)' },
    ticks: { precision: 0, format: { useGrouping: false } },
  };
}

/** The id of a chart or table: letters, digits and dashes (a unit may be any code the rules give). */
const slug = (...parts: string[]) => parts.join('-').replace(/[^A-Za-z0-9-]+/g, '_');

type Kind = SummaryRow['kind'];

/** One chart: a type's sums in one unit, in-period figures or running totals, plans and achievements side by side. */
function sumChart(type: string, unit: string, kind: Kind, rows: SummaryRow[]) {
  const series = (m: string) =>
    rows.filter((r) => r.keys.modality === m).map((r) => ({ x: Number(r.keys.year), y: r.sum })).sort((a, b) => a.x - b.x);
  const achieved = series('achieved');
  const planned = series('planned');
  const id = slug('sums', type, unit, kind === 'in period' ? 'period' : 'running');
  const spec = {
    type: 'bar',
    data: {
      datasets: [
        ...(achieved.length ? [{ label: 'achieved', backgroundColor: ACHIEVED, maxBarThickness: 48, data: achieved }] : []),
        ...(planned.length ? [{ label: 'planned (targets, plans)', backgroundColor: PLANNED, maxBarThickness: 48, data: planned }] : []),
      ],
    },
    options: {
      responsive: true,
      animation: false,
      scales: { x: yearAxis([...achieved, ...planned].map((p) => p.x)), y: { beginAtZero: true, title: { display: true, text: unit } } },
    },
  };
  const years = [...new Set(rows.map((r) => r.keys.year))].sort();
  const cell = (year: string | null, m: string) => {
    const r = rows.find((x) => x.keys.year === year && x.keys.modality === m);
    if (!r) return html`<td class="num"></td>`;
    const link = factsLink(type, r.ids);
    const title = `${r.facts} facts, ${r.documents} documents, ${r.stories} stories`;
    return html`<td class="num ${m}" title="${title}">${link ? html`<a href="${link}">${formatNumber(r.sum)}</a>` : formatNumber(r.sum)}</td>`;
  };
  const table = html`<details><summary>figures</summary><table class="chart-data" id="${'data-' + id}">
<thead><tr><th>year</th><th class="num">achieved</th><th class="num">planned</th></tr></thead>
<tbody>${years.map((y) => html`<tr><td>${y}</td>${cell(y, 'achieved')}${cell(y, 'planned')}</tr>`)}</tbody></table></details>`;
  const title = kind === 'in period' ? `${type} · ${unit} · sum per year` : `${type} · ${unit} · running totals (累计, lũy kế) per year`;
  return chart(id, title, spec, table);
}

/** A type's charts, one per unit and kind, largest units first; and what its sums left out. */
function typeCharts(type: string, s: Summary) {
  const groups = new Map<string, SummaryRow[]>();
  for (const r of s.rows) {
    const k = `${r.unit}\u0000${r.kind}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const weight = (rows: SummaryRow[]) => rows.reduce((n, r) => n + r.facts, 0);
  const ordered = [...groups.entries()].sort(
    (a, b) => (a[0].endsWith('in period') ? 0 : 1) - (b[0].endsWith('in period') ? 0 : 1) || weight(b[1]) - weight(a[1]),
  );
  const charts = ordered.map(([k, rows]) => {
    const [unit, kind] = k.split('\u0000');
    return sumChart(type, unit, kind as Kind, rows);
  });
  const left = s.leftOut.reduce((n, l) => n + l.facts, 0);
  const summaryLink = `/summary?type=${encodeURIComponent(type)}&by=year&modality=all`;
  const note = left
    ? html`<p class="muted left-out" id="${slug('left-out', type)}">${type}: ${formatNumber(left)} facts not in these sums — ${s.leftOut.map(
        (l, i) => {
          const link = factsLink(type, l.ids);
          return html`${i ? '; ' : ''}${link ? html`<a href="${link}">${formatNumber(l.facts)}</a>` : formatNumber(l.facts)} ${l.reason}`;
        },
      )} (<a href="${summaryLink}">as a table</a>).</p>`
    : '';
  return { charts, note };
}

export function chartsPage(ctx: ServerContext, req: Request): Response {
  const view = parseFactView(req.params);
  const q = view.query;
  const total = ctx.store.countFacts(q);
  const filters = withParams(req.params, { after: undefined, limit: undefined });

  // Sums: one summary per type, narrowed by the view's other filters, computed behind the store (and cached).
  const { types: chosen, ...restrict } = q;
  const present = new Set(ctx.store.countFactsBy(q, ['type']).map((g) => String(g.keys[0])));
  const types = (chosen?.length ? chosen : [...FACT_TYPES]).filter((t) => present.has(t));
  let ungrouped = 0;
  const perType = types.map((t) => {
    const s = summaryOf(ctx.store, t, ['year'], 'all', restrict);
    ungrouped = Math.max(ungrouped, s.ungrouped);
    return typeCharts(t, s);
  });

  const typeLang = ctx.store.countFactsBy(q, ['type', 'lang']);
  const typeNames = [...new Set(typeLang.map((g) => String(g.keys[0])))].sort();
  const langs = [...new Set(typeLang.map((g) => String(g.keys[1])))].sort();
  const perTypeLang = {
    type: 'bar',
    data: {
      labels: typeNames,
      datasets: langs.map((l, i) => ({
        label: l,
        backgroundColor: PALETTE[i % PALETTE.length],
        data: typeNames.map((t) => typeLang.find((g) => g.keys[0] === t && g.keys[1] === l)?.n ?? 0),
      })),
    },
    options: { responsive: true, animation: false, scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'facts' } } } },
  };

  const magnitudes = ctx.store.countFactsBy(q, ['type', 'unit', 'magnitude'], 10000);
  const valueCharts = typeNames.map((t, ti) => {
    const rows = magnitudes.filter((g) => g.keys[0] === t && g.keys[2] !== null);
    const ks = rows.map((g) => Number(g.keys[2]));
    const lo = Math.min(...ks);
    const hi = Math.max(...ks);
    const buckets = ks.length ? Array.from({ length: hi - lo + 1 }, (_, i) => lo + i) : [];
    const units = [...new Set(rows.map((g) => String(g.keys[1])))].sort();
    return chart(`chart-values-${ti}`, `Values of ${t} (facts per order of magnitude)`, {
      type: 'bar',
      data: {
        labels: buckets.map((k) => `${formatNumber(10 ** k)}–`),
        datasets: units.map((u, i) => ({
          label: u,
          backgroundColor: PALETTE[i % PALETTE.length],
          data: buckets.map((k) => rows.find((g) => g.keys[1] === u && g.keys[2] === k)?.n ?? 0),
        })),
      },
      options: { responsive: true, animation: false, scales: { x: { title: { display: true, text: 'value from (order of magnitude)' } }, y: { title: { display: true, text: 'facts' } } } },
    });
  });

  const stale = ungrouped
    ? html`<p class="error" id="stale-stories">${formatNumber(ungrouped)} documents are not grouped into stories yet: a reprint among them is summed as a story of its own (run <code>newsfacts stories --update</code>).</p>`
    : '';
  const body = html`<h1>Charts</h1>
<p>${formatNumber(total)} facts${filters ? html` in <a href="/facts${filters}">this view</a>` : ''}. Sums as <a href="/summary">summary</a> makes them:
each story's figure once (reprints left out), a part of a total (其中, trong đó) left to its total, amounts per currency and counts per unit never added together;
the year is the end of the figure's resolved period, so a figure whose text states no period is not placed (the facts left out are counted, with why, under the charts).
Plans and targets stand beside achievements, never added to them; running totals (stocks, totals since a start) have charts of their own.</p>
${stale}
<div class="charts" id="sum-charts">
${perType.flatMap((p) => p.charts)}
</div>
${perType.some((p) => p.charts.length) ? '' : html`<p class="muted">No sums to draw: no fact in this view has a resolved period.</p>`}
${perType.some((p) => p.note) ? html`<h2>Not in these sums</h2>${perType.map((p) => p.note)}` : ''}
<h2>Facts, for checking the extraction</h2>
<div class="charts">
${chart('chart-type-lang', 'Facts per type and language', perTypeLang)}
${valueCharts}
</div>`;
  return { kind: 'html', body: page('Charts', 'charts', body, { scripts: ['/static/chart.umd.js', '/static/app.js'] }) };
}
