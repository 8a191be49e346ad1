/**
 * Charts where a person would rather look than read numbers: facts per type and language, the distribution of values
 * per type (by order of magnitude, one series per unit: CNY and VND amounts are not comparable), facts per year. They
 * take the facts table's filters, so "charts of this view" is one link. Drawn by Chart.js in the browser from JSON
 * in a data attribute (no inline script).
 */
import type { Request, Response, ServerContext } from '../context.js';
import { html } from '../html.js';
import { formatNumber, page } from '../layout.js';
import { parseFactView, withParams } from '../params.js';

const PALETTE = ['#0b5cad', '#d1495b', '#edae49', '#00798c', '#66a182', '#8d5a97', '#30638e', '#e07a5f', '#3d405b', '#81b29a'];

function chart(id: string, title: string, spec: object) {
  return html`<div class="chart-box"><h2>${title}</h2><canvas id="${id}" data-chart="${JSON.stringify(spec)}" height="260"></canvas></div>`;
}

export function chartsPage(ctx: ServerContext, req: Request): Response {
  const view = parseFactView(req.params);
  const q = view.query;
  const total = ctx.store.countFacts(q);

  const typeLang = ctx.store.countFactsBy(q, ['type', 'lang']);
  const types = [...new Set(typeLang.map((g) => String(g.keys[0])))].sort();
  const langs = [...new Set(typeLang.map((g) => String(g.keys[1])))].sort();
  const perTypeLang = {
    type: 'bar',
    data: {
      labels: types,
      datasets: langs.map((l, i) => ({
        label: l,
        backgroundColor: PALETTE[i % PALETTE.length],
        data: types.map((t) => typeLang.find((g) => g.keys[0] === t && g.keys[1] === l)?.n ?? 0),
      })),
    },
    options: { responsive: true, animation: false, scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'facts' } } } },
  };

  const magnitudes = ctx.store.countFactsBy(q, ['type', 'unit', 'magnitude'], 10000);
  const valueCharts = types.map((t, ti) => {
    const rows = magnitudes.filter((g) => g.keys[0] === t && g.keys[2] !== null);
    const ks = rows.map((g) => Number(g.keys[2]));
    const lo = Math.min(...ks);
    const hi = Math.max(...ks);
    const buckets = ks.length ? Array.from({ length: hi - lo + 1 }, (_, i) => lo + i) : [];
    const units = [...new Set(rows.map((g) => String(g.keys[1])))].sort();
    return chart(`chart-values-${ti}`, `Values of ${t}`, {
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

  const years = ctx.store.countFactsBy(q, ['year'], 10000);
  const known = years.filter((g) => g.keys[0] !== null).sort((a, b) => Number(a.keys[0]) - Number(b.keys[0]));
  const unknown = years.find((g) => g.keys[0] === null)?.n ?? 0;
  const perYear = {
    type: 'bar',
    data: { labels: known.map((g) => String(g.keys[0])), datasets: [{ label: 'facts', backgroundColor: PALETTE[0], data: known.map((g) => g.n) }] },
    options: { responsive: true, animation: false, plugins: { legend: { display: false } }, scales: { y: { title: { display: true, text: 'facts' } } } },
  };

  const filters = withParams(req.params, { after: undefined, limit: undefined });
  const body = html`<h1>Charts</h1>
<p>${formatNumber(total)} facts${filters ? html` in <a href="/facts${filters}">this view</a>` : ''}. Years come from the fact's period, else the page's date; ${formatNumber(unknown)} facts have neither.</p>
<div class="charts">
${chart('chart-type-lang', 'Facts per type and language', perTypeLang)}
${chart('chart-years', 'Facts per year', perYear)}
${valueCharts}
</div>`;
  return { kind: 'html', body: page('Charts', 'charts', body, { scripts: ['/static/chart.umd.js', '/static/app.js'] }) };
}
