/**
 * Rules: per rule its facts, documents, versions, overlaps and conflicts with other rules, gold scores (when the server
 * was given a gold file) and reviewed precision; per rule a reproducible random sample of its facts with correct /
 * wrong buttons, so a person can estimate its precision by looking.
 */
import type { RuleStats } from '../../audit/stats.js';
import type { Counts } from '../../audit/gold.js';
import type { RuleSummary } from '../../store/types.js';
import { factValue, reviewButtons, verdictLabel } from '../components.js';
import { NotFound, type Request, type Response, type ServerContext } from '../context.js';
import { html } from '../html.js';
import { formatNumber, page, percent } from '../layout.js';
import { BadRequest, positiveInt, rejectUnknown } from '../params.js';

/** Up to this many documents, overlaps and conflicts (which re-read every document) are computed without asking. */
const OVERLAPS_AUTOMATIC_UP_TO = 2000;
const DEFAULT_SAMPLE = 20;

function precision(s: Pick<RuleSummary, 'correct' | 'wrong'>): number | null {
  return s.correct + s.wrong ? s.correct / (s.correct + s.wrong) : null;
}

export async function rulesPage(ctx: ServerContext, req: Request): Promise<Response> {
  rejectUnknown(req.params, ['overlaps']);
  const summaries = new Map(ctx.store.ruleSummaries().map((s) => [s.rule, s]));
  const documents = ctx.store.documents().length;
  const wantOverlaps = req.params.get('overlaps') === '1' || documents <= OVERLAPS_AUTOMATIC_UP_TO;
  let stats: Map<string, RuleStats> | null = null;
  let statsError: string | null = null;
  if (wantOverlaps) {
    try {
      stats = new Map((await ctx.heavy.ruleStats()).map((r) => [r.rule, r]));
    } catch (err: any) {
      statsError = String(err?.message ?? err);
    }
  }
  let gold: Record<string, Counts> | null = null;
  let goldError: string | null = null;
  if (ctx.goldFile) {
    try {
      gold = await ctx.heavy.goldScores(ctx.goldFile);
    } catch (err: any) {
      goldError = String(err?.message ?? err);
    }
  }
  const ids = [...new Set([...ctx.ruleSet.rules.map((r) => r.id), ...summaries.keys()])].sort();
  const rows = ids.map((id) => {
    const rule = ctx.ruleSet.rules.find((r) => r.id === id);
    const s = summaries.get(id);
    const st = stats?.get(id);
    const g = gold?.[id];
    const p = s ? precision(s) : null;
    return html`<tr data-rule="${id}"><td><a href="/rules/${encodeURIComponent(id)}">${id}</a>${rule ? '' : html` <span class="muted">(not in the rule set)</span>`}</td>
<td>${rule?.lang ?? ''}</td><td>${rule?.type ?? st?.type ?? ''}</td>
<td class="num"><a href="/facts?rule=${encodeURIComponent(id)}">${formatNumber(s?.facts ?? 0)}</a></td><td class="num">${formatNumber(s?.documents ?? 0)}</td>
<td class="num">${s && s.versions > 1 ? html`<span class="error">${s.versions}</span>` : formatNumber(s?.versions ?? 0)}</td>
<td class="num">${st ? formatNumber(st.overlaps) : '—'}</td><td class="num">${st ? formatNumber(st.conflicts) : '—'}</td>
${gold ? html`<td class="num">${g ? percent(g.precision) : '—'}</td><td class="num">${g ? percent(g.recall) : '—'}</td><td class="num">${g ? percent(g.f1) : '—'}</td>` : ''}
<td class="num reviewed">${formatNumber((s?.correct ?? 0) + (s?.wrong ?? 0))}</td><td class="num precision" data-precision="${p ?? ''}">${percent(p)}</td>
<td><a href="/rules/${encodeURIComponent(id)}">sample to review</a></td></tr>`;
  });
  const body = html`<h1>Rules</h1>
<p class="muted">${ids.length} rules · ${formatNumber(documents)} documents. Overlaps: figures another rule would also read; conflicts: of those, read as another type, value or unit.
${!wantOverlaps ? html` <a href="/rules?overlaps=1">Compute overlaps and conflicts</a> (re-reads every document).` : ''}
${statsError ? html` <span class="error">Overlaps unavailable: ${statsError}</span>` : ''}
${ctx.goldFile ? (goldError ? html` <span class="error">Gold file: ${goldError}</span>` : html` Gold scores against ${ctx.goldFile}.`) : ' Start the server with --gold FILE for gold scores.'}</p>
<table id="rules"><thead><tr><th>rule</th><th>lang</th><th>type</th><th class="num">facts</th><th class="num">documents</th><th class="num">versions</th>
<th class="num">overlaps</th><th class="num">conflicts</th>${gold ? html`<th class="num">gold P</th><th class="num">gold R</th><th class="num">gold F1</th>` : ''}
<th class="num">reviewed</th><th class="num">reviewed precision</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
  return { kind: 'html', body: page('Rules', 'rules', body) };
}

export function rulePage(ctx: ServerContext, req: Request, id: string): Response {
  rejectUnknown(req.params, ['seed', 'n']);
  const rule = ctx.ruleSet.rules.find((r) => r.id === id);
  const summary = ctx.store.ruleSummaries(id)[0];
  if (!rule && !summary) throw new NotFound(`no rule '${id}'`);
  const seed = positiveInt(req.params.get('seed') ?? undefined, 'seed', 1_000_000) ?? 1;
  const n = positiveInt(req.params.get('n') ?? undefined, 'n', 500) ?? DEFAULT_SAMPLE;
  if (id.length > 200) throw new BadRequest('rule id too long');
  const sample = ctx.store.sampleFacts(id, n, seed);
  const p = summary ? precision(summary) : null;
  const back = req.url;
  const body = html`<h1>Rule <code>${id}</code></h1>
${rule ? html`<p>${rule.description}</p><p class="muted">${rule.lang} · ${rule.type} · version <code>${rule.version}</code> · ${rule.file}:${rule.line}</p>
<p>Triggers: ${rule.triggers.join(' · ')}</p>` : html`<p class="muted">This rule is no longer in the rule set; its stored facts remain.</p>`}
<p><a href="/facts?rule=${encodeURIComponent(id)}">${formatNumber(summary?.facts ?? 0)} facts</a> in ${formatNumber(summary?.documents ?? 0)} documents ·
reviewed <span id="reviewed-count">${formatNumber((summary?.correct ?? 0) + (summary?.wrong ?? 0))}</span>
(<span class="verdict-correct">${formatNumber(summary?.correct ?? 0)} correct</span>, <span class="verdict-wrong">${formatNumber(summary?.wrong ?? 0)} wrong</span>) ·
reviewed precision <strong id="reviewed-precision" data-precision="${p ?? ''}">${percent(p)}</strong></p>
<h2>A random sample of ${sample.length} facts <span class="muted">(sample ${seed}; <a href="/rules/${encodeURIComponent(id)}?seed=${seed + 1}&amp;n=${n}">another sample</a>)</span></h2>
${ctx.reviews ? '' : html`<p class="muted">Reviews are off (the server was started with --no-reviews).</p>`}
<table id="sample"><thead><tr><th class="num">id</th><th>value</th><th>sentence</th><th>document</th><th>review</th></tr></thead><tbody>
${sample.map((f) => html`<tr data-fact="${f.id}"><td class="num"><a href="/doc/${f.document_id}#fact-${f.id}">${f.id}</a></td><td>${factValue(f)}</td>
<td>${f.sentence}<br><span class="muted">evidence: ${f.evidence}${f.period ? ' · ' + f.period : ''}${f.place ? ' · ' + f.place : ''}</span></td>
<td><a href="/doc/${f.document_id}">${f.doc}</a></td><td>${verdictLabel(f.review)}<br>${reviewButtons(f, back, !!ctx.reviews)}</td></tr>`)}
</tbody></table>`;
  return { kind: 'html', body: page(`Rule ${id}`, 'rules', body) };
}
