/**
 * HTML built so that page text cannot become markup: `html` is a tagged template whose interpolated values are
 * escaped unless they are already `SafeHtml` (made by `html` itself). Pages are scraped from the web and may hold
 * `<script>` or `onerror=`; nothing from the database ever reaches the response without passing through `escapeHtml`.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

export type Piece = SafeHtml | string | number | boolean | null | undefined | Piece[];

function render(v: Piece): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Piece[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Joins pieces, escaping the ones that are not SafeHtml. */
export function join(pieces: Piece[], sep: Piece = ''): SafeHtml {
  return new SafeHtml(pieces.map(render).join(render(sep)));
}

export interface Span {
  start: number;
  end: number;
  /** What the span is: its CSS class and, for facts, the fact ids. */
  className: string;
  href?: string;
  id?: string;
  title?: string;
}

/**
 * `text` with spans wrapped in links or marks, everything escaped. Overlapping spans are cut at every boundary, and a
 * piece covered by several spans takes the first span's link (the others are named in its title), so the output is
 * always well nested.
 */
export function highlight(text: string, spans: Span[]): SafeHtml {
  const cuts = new Set<number>([0, text.length]);
  const valid = spans.filter((s) => s.start < s.end && s.start >= 0 && s.end <= text.length);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: string[] = [];
  const seenIds = new Set<string>();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = escapeHtml(text.slice(a, b));
    const covering = valid.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      out.push(piece);
      continue;
    }
    const first = covering[0];
    const classes = [...new Set(covering.map((s) => s.className))].join(' ');
    const title = covering.map((s) => s.title).filter(Boolean).join(' | ');
    // An element id may appear once: only the first piece of a span carries it.
    const id = first.id && !seenIds.has(first.id) ? first.id : undefined;
    if (id) seenIds.add(id);
    const attrs = `class="${escapeHtml(classes)}"${id ? ` id="${escapeHtml(id)}"` : ''}${title ? ` title="${escapeHtml(title)}"` : ''}`;
    out.push(first.href ? `<a ${attrs} href="${escapeHtml(first.href)}">${piece}</a>` : `<mark ${attrs}>${piece}</mark>`);
  }
  return new SafeHtml(out.join(''));
}
