/**
 * Full-text search over the documents, with hits shown in context. The query is normalized like the documents'
 * normalized text (traditional → simplified, half-width), so `貸款` and `贷款` find the same pages; the store matches
 * terms of three characters or more through the trigram index and shorter ones (most Chinese words: 贷款, 企业) by a
 * substring scan.
 */
import { normalizeQuery } from '../../normalize/normalize.js';
import type { StoredDocument } from '../../store/types.js';
import type { Request, Response, ServerContext } from '../context.js';
import { highlight, html, type Span } from '../html.js';
import { formatNumber, page } from '../layout.js';
import { readerText, readerTitle } from '../reader.js';
import { BadRequest, positiveInt, rejectUnknown } from '../params.js';

const PER_PAGE = 20;
const SNIPPETS = 3;
const CONTEXT = 60;
const MAX_TERMS = 8;

/** Terms of a query: "quoted phrases" stay whole, the rest splits at spaces; each normalized. */
export function searchTerms(query: string): string[] {
  const out: string[] = [];
  const re = /"([^"]+)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(query)) !== null) {
    const t = normalizeQuery(m[1] ?? m[2]).trim();
    if (t) out.push(t);
  }
  return [...new Set(out)];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where the terms occur in a normalized text (Latin letters regardless of case), in text order, not overlapping. */
export function findTerms(text: string, terms: string[], _lang: string): Array<[number, number]> {
  if (!terms.length) return [];
  const re = new RegExp(terms.map(escapeRegExp).sort((a, b) => b.length - a.length).join('|'), 'giu');
  const out: Array<[number, number]> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (!m[0].length) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Up to SNIPPETS pieces of the cleaned text around the hits (found in normalized text, mapped through the original). */
function snippets(doc: StoredDocument, terms: string[]) {
  const hits = findTerms(doc.normalized.text, terms, doc.lang);
  const clean = readerText(doc);
  const out: Array<{ text: string; spans: Span[] }> = [];
  let shownUntil = -1;
  for (const [s, e] of hits) {
    if (out.length >= SNIPPETS) break;
    const [os, oe] = doc.normalized.toOriginal(s, e);
    const c = clean.fromOriginal(os, oe);
    if (!c || c[0] < shownUntil) continue;
    const from = Math.max(0, c[0] - CONTEXT);
    const to = Math.min(clean.text.length, c[1] + CONTEXT);
    const text = clean.text.slice(from, to).replace(/\s+/g, ' ');
    // Collapsing whitespace changes lengths: mark the hit in the collapsed text by locating the collapsed prefix.
    const prefix = clean.text.slice(from, c[0]).replace(/\s+/g, ' ');
    const hitText = clean.text.slice(c[0], c[1]).replace(/\s+/g, ' ');
    out.push({ text, spans: [{ start: prefix.length, end: prefix.length + hitText.length, className: 'hit' }] });
    shownUntil = to;
  }
  return out;
}

export function searchPage(ctx: ServerContext, req: Request): Response {
  rejectUnknown(req.params, ['q', 'page']);
  const query = req.params.get('q') ?? '';
  if (query.length > 200) throw new BadRequest('the search is longer than 200 characters');
  const terms = searchTerms(query);
  if (terms.length > MAX_TERMS) throw new BadRequest(`at most ${MAX_TERMS} search terms`);
  const pageNo = positiveInt(req.params.get('page') ?? undefined, 'page', 10000) ?? 1;
  if (!terms.length) {
    const body = html`<h1>Search</h1><form action="/search" method="get"><input type="search" name="q" id="search-q" size="40" autofocus>
<button type="submit">Search</button></form><p class="muted">Full-text search over every stored document. Chinese is found in either script; "quote" a phrase.</p>`;
    return { kind: 'html', body: page('Search', 'search', body) };
  }
  const result = ctx.store.searchDocuments(terms, PER_PAGE, (pageNo - 1) * PER_PAGE);
  const items = result.hits.map((h) => {
    const doc = ctx.store.document(h.documentId);
    const snips = doc ? snippets(doc, terms) : [];
    return html`<li class="hit-doc" data-doc="${h.documentId}"><a href="/doc/${h.documentId}?q=${encodeURIComponent(query)}">${readerTitle(h.title) ?? h.source}</a>
<span class="muted">${h.source} · ${h.lang}</span>
${snips.map((s) => html`<div class="snippet">…${highlight(s.text, s.spans)}…</div>`)}</li>`;
  });
  const pages = Math.ceil(result.total / PER_PAGE);
  const link = (n: number) => `/search?${new URLSearchParams({ q: query, page: String(n) })}`;
  const body = html`<h1>Search</h1>
<form action="/search" method="get"><input type="search" name="q" id="search-q" size="40" value="${query}"> <button type="submit">Search</button></form>
<p id="search-count">${formatNumber(result.total)}${result.totalCapped ? '+' : ''} documents contain ${terms.map((t, i) => html`${i ? ' and ' : ''}<q>${t}</q>`)}</p>
<ol class="hits" start="${(pageNo - 1) * PER_PAGE + 1}">${items}</ol>
<nav class="pager">${pageNo > 1 ? html`<a href="${link(pageNo - 1)}">« previous</a>` : ''}${pageNo < pages || result.totalCapped ? html`<a href="${link(pageNo + 1)}">next »</a>` : ''}</nav>`;
  return { kind: 'html', body: page(`Search: ${query}`, 'search', body, { search: query }) };
}
