/**
 * The facts table: filters and facet counts beside it, sortable, keyset-paginated; every view is its query string,
 * with a CSV and a JSON export of exactly that view (facts.csv / facts.json take the same parameters).
 */
import type { BrowsedFact, FactDimension, FactQuery } from '../../store/types.js';
import { FACT_SORT_KEYS } from '../../store/types.js';
import { FACT_TYPES } from '../../types.js';
import { factValue, reviewButtons, verdictLabel } from '../components.js';
import type { Request, Response, ServerContext } from '../context.js';
import { html, join, type SafeHtml } from '../html.js';
import { formatNumber, page } from '../layout.js';
import { sourceFileName } from '../../paths.js';
import { encodeCursor, NONE, parseFactView, withParams, type FactView } from '../params.js';

/** Facets beside the table: dimension, URL parameter, heading, how many values to show. */
const FACETS: Array<{ dim: FactDimension; param: string; label: string; top: number }> = [
  { dim: 'type', param: 'type', label: 'Type', top: 10 },
  { dim: 'lang', param: 'lang', label: 'Language', top: 10 },
  { dim: 'rule', param: 'rule', label: 'Rule', top: 15 },
  { dim: 'qualifier', param: 'qualifier', label: 'Qualifier', top: 10 },
  { dim: 'unit', param: 'unit', label: 'Unit', top: 10 },
  { dim: 'place', param: 'place', label: 'Place', top: 12 },
  { dim: 'period', param: 'period', label: 'Period', top: 12 },
];

/** The facet's own filter is left out of its counts, so every value shows what choosing it would give. */
function withoutFilter(q: FactQuery, param: string): FactQuery {
  const key: Record<string, keyof FactQuery> = { type: 'types', lang: 'langs', rule: 'rules', qualifier: 'qualifiers', unit: 'units', place: 'place', period: 'period' };
  const out = { ...q };
  delete out[key[param]];
  return out;
}

const FILTER_LABELS: Record<string, string> = {
  type: 'type', lang: 'language', rule: 'rule', qualifier: 'qualifier', unit: 'unit', place: 'place', period: 'period',
  min: 'value ≥', max: 'value ≤', q: 'text', doc: 'document', review: 'review',
  id: 'fact ids', province_code: 'province code', modality: 'modality',
};

export function factsPage(ctx: ServerContext, req: Request): Response {
  const view = parseFactView(req.params);
  const p = req.params;
  const result = ctx.store.browseFacts({ query: view.query, sort: view.sort, desc: view.desc, limit: view.limit, after: view.after });
  const total = ctx.store.countFacts(view.query);
  const facets = FACETS.map((f) => ({
    ...f,
    values: ctx.store.countFactsBy(withoutFilter(view.query, f.param), [f.dim], f.top),
    chosen: p.getAll(f.param),
  }));

  const chips = [...p.entries()]
    .filter(([k, v]) => k in FILTER_LABELS && v !== '')
    .map(([k, v]) => {
      const rest = p.getAll(k).filter((x) => x !== v);
      return html`<a href="/facts${withParams(p, { [k]: rest, after: undefined })}" title="remove this filter">${FILTER_LABELS[k]}: ${v} ×</a>`;
    });

  const sortLink = (key: string, label: string) => {
    const here = view.sort === key;
    const dir = here && !view.desc ? 'desc' : 'asc';
    return html`<a href="/facts${withParams(p, { sort: key, dir, after: undefined })}">${label}${here ? (view.desc ? ' ▼' : ' ▲') : ''}</a>`;
  };

  const back = req.url;
  // Compact rows: short cells on one line (cut with … and whole on hover), the evidence with the room, review as two
  // small buttons beside the verdict mark — a 1400-pixel screen shows a few dozen rows.
  const rows = result.rows.map(
    (f: BrowsedFact) => html`<tr data-fact="${f.id}"${f.review ? html` class="reviewed-${f.review}"` : ''}>
<td class="num"><a href="/doc/${f.document_id}#fact-${f.id}">${f.id}</a></td>
<td class="doc cut"><a href="/doc/${f.document_id}" title="${f.doc}">${sourceFileName(f.doc)}</a></td>
<td class="type cut" title="${f.type}">${f.type}</td><td class="num value" data-value="${f.value}">${factValue(f)}</td>
<td class="evidence">${f.evidence}</td><td class="cut" title="${f.period ?? ''}">${f.period ?? ''}</td><td class="cut" title="${f.place ?? ''}">${f.place ?? ''}</td>${resolvedCell(f)}
<td class="rule cut"><a href="/rules/${encodeURIComponent(f.rule)}" title="${f.rule}">${f.rule}</a></td><td class="lang">${f.lang}</td>
<td class="review">${f.review ? verdictLabel(f.review) : ''}${reviewButtons(f, back, !!ctx.reviews, true)}</td></tr>`,
  );

  const exportAll = withParams(p, { after: undefined, limit: undefined });
  const exportPage = withParams(p, { limit: String(view.limit) });
  const body = html`<h1>Facts</h1>
${filterForm(view, p)}
<p class="chips">${chips}</p>
<div class="layout"><aside class="facets">${facets.map((f) => facetList(f, p))}</aside>
<section>
<p><strong id="total">${formatNumber(total)}</strong> facts${view.after ? ' (continued)' : ''} ·
export this view: <a id="export-csv" href="/facts.csv${exportAll}">CSV</a> · <a id="export-json" href="/facts.json${exportAll}">JSON</a>
· this page only: <a href="/facts.csv${exportPage}">CSV</a> · <a href="/facts.json${exportPage}">JSON</a>
· <a href="/charts${withParams(p, { after: undefined, limit: undefined, sort: undefined, dir: undefined })}">charts of this view</a></p>
<table id="facts" class="compact"><thead><tr><th class="num">${sortLink('id', 'id')}</th><th>${sortLink('doc', 'document')}</th><th>${sortLink('type', 'type')}</th>
<th class="num">${sortLink('value', 'value')}</th><th>evidence</th><th>${sortLink('period', 'period')}</th><th>${sortLink('place', 'place')}</th><th title="province code, period end, plan, running total (Σ); the whole on hover">res.</th>
<th>${sortLink('rule', 'rule')}</th><th>lang</th><th>review</th></tr></thead>
<tbody>${rows}</tbody></table>
${rows.length ? '' : html`<p class="muted">No facts match these filters.</p>`}
<nav class="pager">${view.after ? html`<a href="/facts${withParams(p, { after: undefined })}">« first page</a>` : ''}
${result.next ? html`<a id="next-page" rel="next" href="/facts${withParams(p, { after: encodeCursor(result.next) })}">next page »</a>` : ''}</nav>
</section></div>`;
  return { kind: 'html', body: page('Facts', 'facts', body) };
}

/** The resolved fields in one short cell (province code, period end, plan, running total); the whole on hover. */
function resolvedCell(f: BrowsedFact): SafeHtml {
  const planned = f.modality === 'planned';
  const shown = [f.province_code, f.period_end, planned ? 'plan' : '', f.cumulative ? 'Σ' : ''].filter(Boolean).join(' ');
  const whole = [
    `province: ${f.province_code ? `${f.province_code} ${f.province ?? ''}` : '—'}${f.admin ? ` · ${f.admin}` : ''}`,
    `period: ${f.period_start ?? '?'} – ${f.period_end ?? '?'}`,
    `modality: ${f.modality ?? '—'}`,
    f.cumulative ? 'running total' : 'in period',
  ].join('\n');
  return html`<td class="resolved cut" title="${whole}">${shown}</td>`;
}

function facetList(f: { param: string; label: string; values: Array<{ keys: Array<string | number | null>; n: number }>; chosen: string[] }, p: URLSearchParams): SafeHtml {
  if (!f.values.length) return html``;
  return html`<h3>${f.label}</h3><ul data-facet="${f.param}">${f.values.map(({ keys, n }) => {
    const value = keys[0] === null ? NONE : String(keys[0]);
    const on = f.chosen.includes(value);
    // Place and period take one value; the other facets add to a list (any of).
    const single = f.param === 'place' || f.param === 'period';
    const next = on ? f.chosen.filter((x) => x !== value) : single ? [value] : [...f.chosen, value];
    return html`<li><a class="${on ? 'on' : ''}" href="/facts${withParams(p, { [f.param]: next, after: undefined })}">${value}</a> <span class="count">${formatNumber(n)}</span></li>`;
  })}</ul>`;
}

/** Facets can choose several types or languages: the form's select then keeps them all (and submits them all). */
function several(chosen: string[] | undefined): SafeHtml {
  return chosen && chosen.length > 1 ? html` multiple size="${Math.min(6, chosen.length + 1)}"` : html``;
}

function filterForm(view: FactView, p: URLSearchParams): SafeHtml {
  const q = view.query;
  const option = (value: string, label: string, chosen: boolean) => html`<option value="${value}"${chosen ? ' selected' : ''}>${label}</option>`;
  return html`<form class="filters" method="get" action="/facts">
<label>type<select name="type"${several(q.types)}><option value="">any</option>${FACT_TYPES.map((t) => option(t, t, !!q.types?.includes(t)))}</select></label>
<label>language<select name="lang"${several(q.langs)}><option value="">any</option>${['zh', 'zh-Hans', 'zh-Hant', 'vi', 'en'].map((l) => option(l, l, !!q.langs?.includes(l)))}</select></label>
<label>rule<input name="rule" value="${(q.rules ?? []).join(' ')}" size="22" title="one or more rule ids, separated by spaces"></label>
<label>place<input name="place" value="${q.place === '' ? NONE : (q.place ?? '')}" size="10"></label>
<label>period<input name="period" value="${q.period === '' ? NONE : (q.period ?? '')}" size="10"></label>
<label>province code<input name="province_code" value="${q.provinceCode === '' ? NONE : (q.provinceCode ?? '')}" size="6"></label>
<label>modality<select name="modality"><option value="">any</option>${['achieved', 'planned'].map((m) => option(m, m, q.modality === m))}</select></label>
<label>value ≥<input name="min" value="${q.valueMin ?? ''}" size="9" inputmode="decimal"></label>
<label>value ≤<input name="max" value="${q.valueMax ?? ''}" size="9" inputmode="decimal"></label>
<label>text in evidence/sentence<input name="q" value="${q.text ?? ''}" size="14"></label>
<label>review<select name="review"><option value="">any</option>${['correct', 'wrong', 'none'].map((r) => option(r, r === 'none' ? 'not reviewed' : r, q.review === r))}</select></label>
<label>sort<select name="sort">${FACT_SORT_KEYS.map((k) => option(k, k, view.sort === k))}</select></label>
<label>dir<select name="dir" title="sort direction">${option('asc', 'ascending', !view.desc)}${option('desc', 'descending', view.desc)}</select></label>
${p.get('doc') ? html`<input type="hidden" name="doc" value="${p.get('doc')}">` : ''}
${p.getAll('id').map((v) => html`<input type="hidden" name="id" value="${v}">`)}
<button type="submit" id="apply-filters">Filter</button> <a href="/facts">reset</a></form>`;
}
