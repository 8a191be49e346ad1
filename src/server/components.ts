/** Pieces several pages show: a fact's value, its review buttons. */
import type { BrowsedFact, FactRow, Verdict } from '../store/types.js';
import { html, type SafeHtml } from './html.js';
import { formatNumber } from './layout.js';

export function factValue(f: Pick<FactRow, 'value' | 'value_max' | 'unit' | 'qualifier'>): string {
  const q = f.qualifier === 'exact' || f.qualifier === 'range' ? '' : ` (${f.qualifier.replace('_', ' ')})`;
  return `${formatNumber(f.value)}${f.value_max !== null ? '–' + formatNumber(f.value_max) : ''} ${f.unit}${q}`;
}

export function verdictLabel(v: Verdict | null): SafeHtml {
  return v ? html`<span class="verdict-${v}">${v}</span>` : html`<span class="muted">not reviewed</span>`;
}

/** Correct / wrong buttons: a POST form back to /review, which returns to `back` (a path on this server). */
export function reviewButtons(f: Pick<BrowsedFact, 'id' | 'review'>, back: string, enabled: boolean, compact = false): SafeHtml {
  if (!enabled) return html``;
  const button = (verdict: Verdict, mark: string) =>
    html`<button type="submit" name="verdict" value="${verdict}" data-fact="${f.id}" data-verdict="${verdict}" title="mark as ${verdict}"${f.review === verdict ? ' disabled' : ''}>${compact ? mark : `${mark} ${verdict}`}</button>`;
  return html`<form class="review${compact ? ' compact' : ''}" method="post" action="/review">
<input type="hidden" name="fact" value="${f.id}"><input type="hidden" name="back" value="${back}">${button('correct', '✓')}${button('wrong', '✗')}</form>`;
}
