/**
 * One document with every fact highlighted in place. Facts are stored with offsets into the original page; each view
 * finds its own characters for them: the cleaned text through its map (`clean.fromOriginal`), the normalized text
 * through the fact's normalized span, the original directly. A click on a fact opens its explanation (a CSS :target
 * panel, so it works without JavaScript): rule, version, trigger, sentence in original and normalized form, and the
 * original page text around the figure.
 */
import { explainFact, type Explanation } from '../../audit/explain.js';
import { formatStory } from '../../audit/explain-story.js';
import type { BrowsedFact, StoredDocument } from '../../store/types.js';
import { noTextReason } from '../../types.js';
import { factValue, reviewButtons, verdictLabel } from '../components.js';
import { NotFound, type Request, type Response, type ServerContext } from '../context.js';
import { highlight, html, type SafeHtml, type Span } from '../html.js';
import { page } from '../layout.js';
import { BadRequest, positiveInt, rejectUnknown } from '../params.js';
import { findTerms, searchTerms } from './search.js';
import { readerText, readerTitle } from '../reader.js';

export const DOC_VIEWS = ['clean', 'normalized', 'original'] as const;
type DocView = (typeof DOC_VIEWS)[number];
const VIEW_LABELS: Record<DocView, string> = {
  clean: 'cleaned text',
  normalized: 'normalized (simplified) text',
  original: 'original page',
};
/** Characters of original page text shown on each side of a figure in its explanation. */
const AROUND = 160;

/** All facts of a document, in text order (a document has at most a few hundred). */
function factsOf(ctx: ServerContext, documentId: number): BrowsedFact[] {
  const out: BrowsedFact[] = [];
  let after = null;
  for (;;) {
    const page = ctx.store.browseFacts({ query: { documentId }, sort: 'doc', desc: false, limit: 1000, after });
    out.push(...page.rows);
    if (!page.next) return out;
    after = page.next;
  }
}

/** A fact's span in the text of a view, or null when no character of that view comes from its figure. */
function spanIn(view: DocView, doc: StoredDocument, f: BrowsedFact): [number, number] | null {
  if (view === 'original') return [f.start, f.end];
  if (view === 'normalized') return [f.norm_start, f.norm_end];
  return readerText(doc).fromOriginal(f.start, f.end);
}

function textOf(view: DocView, doc: StoredDocument): string {
  return view === 'original' ? doc.original : view === 'normalized' ? doc.normalized.text : readerText(doc).text;
}

/** Occurrences of the search terms (found in normalized text, where queries are normalized too) in a view's text. */
function hitSpans(view: DocView, doc: StoredDocument, terms: string[]): Span[] {
  return findTerms(doc.normalized.text, terms, doc.lang).flatMap(([s, e]) => {
    if (view === 'normalized') return [{ start: s, end: e, className: 'hit' }];
    const [os, oe] = doc.normalized.toOriginal(s, e);
    if (view === 'original') return [{ start: os, end: oe, className: 'hit' }];
    const c = readerText(doc).fromOriginal(os, oe);
    return c ? [{ start: c[0], end: c[1], className: 'hit' }] : [];
  });
}

function explanationPanel(ctx: ServerContext, doc: StoredDocument, f: BrowsedFact, e: Explanation | null, back: string): SafeHtml {
  const before = doc.original.slice(Math.max(0, f.start - AROUND), f.start);
  const figure = doc.original.slice(f.start, f.end);
  const after = doc.original.slice(f.end, f.end + AROUND);
  const versionNote = !e
    ? ''
    : e.rule.currentVersion === null
      ? ' (no longer in the rule set)'
      : e.rule.currentVersion === e.rule.version
        ? ' (current)'
        : ` (now ${e.rule.currentVersion})`;
  return html`<section class="explain" id="fact-${f.id}" data-fact="${f.id}">
<h2>Fact ${f.id}: ${f.type}</h2>
<dl>
<dt>value</dt><dd class="value">${factValue(f)}</dd>
<dt>rule</dt><dd><a class="rule" href="/rules/${encodeURIComponent(f.rule)}">${f.rule}</a></dd>
<dt>version</dt><dd><code>${f.rule_version}</code>${versionNote}</dd>
${e?.rule.description ? html`<dt>rule says</dt><dd>${e.rule.description}</dd>` : ''}
<dt>trigger</dt><dd class="trigger">${f.trigger}${e?.trigger.original && e.trigger.original !== f.trigger ? html` <span class="muted">(original ${e.trigger.original})</span>` : ''}</dd>
<dt>figure</dt><dd>${figure} <span class="muted">at ${f.start}–${f.end}</span></dd>
<dt>evidence</dt><dd>${f.evidence}</dd>
<dt>period</dt><dd>${f.period ?? '—'}</dd><dt>place</dt><dd>${f.place ?? '—'}</dd>
${e ? html`<dt>story</dt><dd class="story">${formatStory(e.story).map((l, i) => html`${i ? html`<br>` : ''}${l}`)}</dd>` : ''}
<dt>original sentence</dt><dd class="sentence-original">${e ? markFigure(e.sentence.original) : f.sentence}</dd>
${e ? html`<dt>normalized</dt><dd class="sentence-normalized">${markFigure(e.sentence.normalized)}</dd>` : ''}
<dt>review</dt><dd>${verdictLabel(f.review)}</dd>
</dl>
${reviewButtons(f, back + '#fact-' + f.id, !!ctx.reviews)}
<h3>Original page around it</h3>
<div class="around">…${before}<mark class="figure">${figure}</mark>${after}…</div>
</section>`;
}

/** The explanation's sentences mark the figure ⟦…⟧ and the trigger […]: shown as marks, everything else escaped. */
function markFigure(s: string): SafeHtml {
  const pieces: Span[] = [];
  let text = '';
  let figureAt = -1;
  let triggerAt = -1;
  for (const ch of s) {
    if (ch === '⟦') figureAt = text.length;
    else if (ch === '⟧' && figureAt >= 0) {
      pieces.push({ start: figureAt, end: text.length, className: 'figure' });
      figureAt = -1;
    } else if (ch === '[' && triggerAt < 0) triggerAt = text.length;
    else if (ch === ']' && triggerAt >= 0) {
      pieces.push({ start: triggerAt, end: text.length, className: 'trigger' });
      triggerAt = -1;
    } else text += ch;
  }
  return highlight(text, pieces);
}

export function documentPage(ctx: ServerContext, req: Request, idText: string): Response {
  rejectUnknown(req.params, ['view', 'q']);
  const id = positiveInt(idText, 'document id');
  const doc = id === undefined ? null : ctx.store.document(id);
  if (!doc) throw new NotFound(`no document ${idText}`);
  const view = (req.params.get('view') || 'clean') as DocView;
  if (!DOC_VIEWS.includes(view)) throw new BadRequest(`unknown view '${view}' (${DOC_VIEWS.join(', ')})`);
  const query = req.params.get('q') ?? '';
  const terms = searchTerms(query);

  const facts = factsOf(ctx, doc.id);
  const text = textOf(view, doc);
  const spans: Span[] = [];
  const unplaced: BrowsedFact[] = [];
  for (const f of facts) {
    const s = spanIn(view, doc, f);
    if (!s) {
      unplaced.push(f);
      continue;
    }
    spans.push({
      start: s[0], end: s[1], className: `fact ${f.review ? 'reviewed-' + f.review : ''}`.trim(), href: `#fact-${f.id}`,
      id: `mark-${f.id}`, title: `${f.type} ${factValue(f)}`,
    });
  }
  spans.push(...hitSpans(view, doc, terms));

  const explanations = facts.map((f) => {
    let e: Explanation | null = null;
    try {
      e = explainFact(ctx.store, f.id, ctx.ruleSet);
    } catch {
      e = null; // The panel still shows what the fact row holds.
    }
    return explanationPanel(ctx, doc, f, e, req.path + (req.params.toString() ? '?' + req.params.toString() : ''));
  });
  const qs = (v: DocView) => '?' + new URLSearchParams({ ...(v !== 'clean' ? { view: v } : {}), ...(query ? { q: query } : {}) }).toString();
  const title = readerTitle(doc.title) ?? doc.source;
  const noText = noTextReason(doc.messages);
  const body = html`<h1>${title}</h1>
<p class="muted">${doc.source} · ${doc.lang} · ${doc.encoding}${doc.published ? ' · ' + doc.published : ''}${doc.sourceName ? ' · ' + doc.sourceName : ''}${doc.author ? ' · ' + doc.author : ''}
${doc.url ? html` · ${/^https?:\/\//i.test(doc.url) ? html`<a href="${doc.url}" rel="noopener noreferrer nofollow">${doc.url}</a>` : doc.url}` : ''}
· <a href="/facts?doc=${doc.id}">${facts.length} facts in the table</a></p>
${noText ? html`<p class="error">No text: ${noText}</p>` : ''}
<p class="toggle">Show: ${DOC_VIEWS.map((v) => html`<a id="view-${v}" class="${v === view ? 'here' : ''}" href="${qs(v).replace(/^\?$/, '?view=clean')}">${VIEW_LABELS[v]}</a>`)}</p>
${unplaced.length ? html`<p class="muted">${unplaced.length} facts have no characters in this view: ${unplaced.map((f) => html`<a href="#fact-${f.id}">#${f.id}</a> `)}</p>` : ''}
<div class="doc-layout"><article class="doctext ${view}" id="doctext" lang="${doc.lang}">${highlight(text, spans)}</article>
<aside><p class="muted">Click a highlighted figure to see how it was read.</p>${explanations}</aside></div>`;
  return { kind: 'html', body: page(title, 'document', body, { search: query }) };
}
