/** The page shell shared by every page: head, navigation, a search box. */
import { html, type SafeHtml } from './html.js';

export type Section = 'facts' | 'summary' | 'rules' | 'search' | 'charts' | 'document';

const NAV: Array<[Section, string, string]> = [
  ['facts', 'Facts', '/facts'],
  ['summary', 'Summary', '/summary'],
  ['rules', 'Rules', '/rules'],
  ['search', 'Search', '/search'],
  ['charts', 'Charts', '/charts'],
];

export function page(title: string, section: Section, body: SafeHtml, opts: { scripts?: string[]; search?: string } = {}): string {
  return (
    '<!doctype html>\n' +
    html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · newsfacts</title><link rel="stylesheet" href="/static/style.css"></head>
<body><header><a class="brand" href="/">newsfacts</a>
${NAV.map(([s, label, href]) => html`<a href="${href}" class="${s === section ? 'here' : ''}">${label}</a>`)}
<form action="/search" method="get" role="search"><input type="search" name="q" placeholder="Search the documents" value="${opts.search ?? ''}" aria-label="Search the documents"></form>
</header>
<main>${body}</main>
${(opts.scripts ?? []).map((src) => html`<script src="${src}"></script>`)}
</body></html>`.value
  );
}

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

export function percent(x: number | null | undefined): string {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : (100 * x).toFixed(1) + ' %';
}
