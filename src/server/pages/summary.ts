/**
 * The summary view: the table `newsfacts summary` prints (sums per place and time, each story's figure once, plans and
 * running totals apart), its form fields named like the command's options, what it left out and why, and every sum
 * linking to exactly the facts it adds up.
 */
import { SUMMARY_DIMENSIONS, staleStoriesNote, summaryOf, type ModalityFilter, type SummaryDimension } from '../../summary/summarize.js';
import { FACT_TYPES } from '../../types.js';
import type { Request, Response, ServerContext } from '../context.js';
import { html } from '../html.js';
import { formatNumber, page } from '../layout.js';
import { BadRequest, MAX_IDS, rejectUnknown } from '../params.js';

const MODALITIES: ModalityFilter[] = ['achieved', 'planned', 'all'];

/** The facts page showing these facts (by id: a sum's facts are its group minus reprints and repeats). */
export function factsLink(type: string, ids: number[]): string | null {
  if (!ids.length || ids.length > MAX_IDS) return null;
  return `/facts?type=${encodeURIComponent(type)}&id=${ids.join(',')}&limit=${Math.min(1000, Math.max(50, ids.length))}`;
}

export function summaryPage(ctx: ServerContext, req: Request): Response {
  const p = req.params;
  rejectUnknown(p, ['type', 'by', 'modality']);
  const type = p.get('type') || FACT_TYPES[0];
  if (!FACT_TYPES.includes(type as any)) throw new BadRequest(`unknown type '${type.slice(0, 40)}' (one of: ${FACT_TYPES.join(', ')})`);
  const byGiven = p.getAll('by').flatMap((v) => v.split(/[\s,]+/)).filter(Boolean);
  const by = (byGiven.length ? [...new Set(byGiven)] : ['province', 'year']) as SummaryDimension[];
  for (const d of by) if (!SUMMARY_DIMENSIONS.includes(d)) throw new BadRequest(`unknown by '${d.slice(0, 40)}' (one of: ${SUMMARY_DIMENSIONS.join(', ')})`);
  const modality = (p.get('modality') || 'achieved') as ModalityFilter;
  if (!MODALITIES.includes(modality)) throw new BadRequest(`unknown modality '${modality.slice(0, 40)}' (${MODALITIES.join(', ')})`);

  const s = summaryOf(ctx.store, type, by, modality);
  const stale = staleStoriesNote(s.ungrouped);
  const cols = [...by, ...(modality === 'all' ? ['modality'] : [])];
  const option = (value: string, chosen: boolean) => html`<option value="${value}"${chosen ? ' selected' : ''}>${value}</option>`;
  const rows = s.rows.map((r) => {
    const link = factsLink(type, r.ids);
    return html`<tr>${cols.map((c) => html`<td>${r.keys[c] ?? '(none)'}</td>`)}<td>${r.unit}</td><td>${r.kind}</td>
<td class="num sum">${link ? html`<a href="${link}">${formatNumber(r.sum)}</a>` : formatNumber(r.sum)}</td>
<td class="num">${link ? html`<a href="${link}">${r.facts}</a>` : r.facts}</td><td class="num">${r.documents}</td><td class="num">${r.stories}</td></tr>`;
  });
  const leftOut = s.leftOut.map((l) => {
    const link = factsLink(type, l.ids);
    return html`<li><span class="count">${link ? html`<a href="${link}">${l.facts}</a>` : l.facts}</span> ${l.reason}</li>`;
  });
  const body = html`<h1>Summary</h1>
<form class="filters" method="get" action="/summary">
<label>type<select name="type">${FACT_TYPES.map((t) => option(t, t === type))}</select></label>
<label>by<input name="by" value="${by.join(',')}" size="18" title="comma-separated: ${SUMMARY_DIMENSIONS.join(', ')}"></label>
<label>modality<select name="modality">${MODALITIES.map((m) => option(m, m === modality))}</select></label>
<button type="submit" id="apply-summary">Sum</button></form>
<p class="muted">As <code>newsfacts summary --type ${type} --by ${by.join(',')} --modality ${modality}</code>: each story's figure counted once,
amounts never added across units; running totals (累计, 以来, lũy kế) are stocks or totals since a start, listed apart and never added to in-period sums. Every sum links to the facts it adds.</p>
${stale ? html`<p class="error" id="stale-stories">Stories are not up to date: ${stale}.</p>` : ''}
<table id="summary"><thead><tr>${cols.map((c) => html`<th>${c}</th>`)}<th>unit</th><th>kind</th><th class="num">sum</th><th class="num">facts</th><th class="num">documents</th><th class="num">stories</th></tr></thead>
<tbody>${rows}</tbody></table>
${rows.length ? '' : html`<p class="muted">Nothing to sum.</p>`}
<h2>Left out (${s.leftOut.reduce((n, l) => n + l.facts, 0)} facts)</h2>
<ul id="left-out">${leftOut}</ul>`;
  return { kind: 'html', body: page('Summary', 'summary', body) };
}
