/**
 * Markdown as scrapers export it (a text dump of a page saved as `.txt`/`.md`): `Title\n=====` and `# Title`
 * headings, `---` rules, `![alt](url "title")` image lines, `[text](url)` links, `**bold**` sub-headings. The
 * line-based cleaner reads these as STRUCTURE — a rule or an image is not the end of an article — and keeps only the
 * visible text: each line is reduced to the source ranges a reader would see, so every kept character still maps to
 * its offset in the file.
 */

/** What a line is, as markdown structure. */
export type MarkdownRole =
  /** `---`, `***`, `===` alone on a line: a rule, or a setext underline when it follows a text line. */
  | 'rule'
  /** Only images (inline or wrapped in links): nothing a reader reads as text. */
  | 'image'
  /** Only link text: a menu item, a teaser headline, a "read more" line. */
  | 'link'
  /** `# Heading` or a line wholly in bold (`**Sub-heading**`). Setext headings are found by the cleaner. */
  | 'heading'
  | 'text';

export interface MarkdownLine {
  role: MarkdownRole;
  /** The visible text's ranges in the page content, in order (markup removed). */
  spans: Array<[number, number]>;
  /** The visible text, spans joined. */
  text: string;
  /** The visible text outside links (what a teaser line says beyond its link). */
  unlinked: string;
}

const RULE = /^[ \t]{0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX = /^(#{1,6})[ \t]+/;
const ATX_CLOSE = /[ \t]+#+[ \t]*$/;
/** `![alt](url "title")`; the URL may hold one level of parentheses. */
const IMAGE = /!\[[^\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
/** `[text](url "title")` (after images are gone). */
const LINK = /\[([^\][\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
/** `<https://…>` autolinks: a URL, not prose. */
const AUTOLINK = /<(?:https?|ftp|mailto):[^>\s]*>/g;
/** Paired strong/strike markers; single `*`/`_` are left alone (they occur in names, URLs and footnotes). */
const STRONG = /(\*\*|__|~~)(?=\S)([^\n]*?\S)\1/g;
/** A line wholly in bold: a sub-heading in most exports. */
const WHOLE_STRONG = /^(\*\*|__)(?:(?!\1).)+\1$/;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!>~|])/g;

/** True when the line is a rule or setext underline. */
export function isRule(text: string): boolean {
  return RULE.test(text);
}

/**
 * Reads one line (content[start, end), already trimmed) as markdown. Lines without markdown come back as one span
 * with role 'text', so plain dumps pass through unchanged.
 */
export function readMarkdownLine(content: string, start: number, end: number): MarkdownLine {
  const line = content.slice(start, end);
  if (RULE.test(line)) return { role: 'rule', spans: [], text: '', unlinked: '' };
  if (!/[#!\[\]*_~<\\]/.test(line)) return { role: 'text', spans: [[start, end]], text: line, unlinked: line };

  // Characters to hide (markup) and characters inside link text, as flags over the line.
  const hide = new Uint8Array(line.length);
  const linked = new Uint8Array(line.length);
  const mark = (from: number, to: number, arr = hide) => arr.fill(1, from, to);
  let heading = false;
  let hadImage = false;
  let hadLink = false;

  const atx = ATX.exec(line);
  if (atx) {
    heading = true;
    mark(0, atx[0].length);
    const close = ATX_CLOSE.exec(line);
    if (close && close.index > atx[0].length) mark(close.index, line.length);
  }
  for (const m of line.matchAll(IMAGE)) {
    hadImage = true;
    mark(m.index, m.index + m[0].length);
  }
  // Links are matched on the line with images blanked, so `[![alt](img)](url)` reads as a link around nothing.
  const blanked = line.split('').map((ch, i) => (hide[i] ? ' ' : ch)).join('');
  for (const m of blanked.matchAll(LINK)) {
    hadLink = true;
    const textStart = m.index + 1;
    const textEnd = textStart + m[1].length;
    mark(m.index, textStart);
    mark(textEnd, m.index + m[0].length);
    mark(textStart, textEnd, linked);
  }
  for (const m of line.matchAll(AUTOLINK)) {
    hadLink = true;
    mark(m.index, m.index + m[0].length);
  }
  for (const m of line.matchAll(STRONG)) {
    mark(m.index, m.index + m[1].length);
    mark(m.index + m[0].length - m[1].length, m.index + m[0].length);
  }
  for (const m of line.matchAll(ESCAPE)) if (!hide[m.index]) hide[m.index] = 1;

  const spans: Array<[number, number]> = [];
  let text = '';
  let unlinked = '';
  for (let i = 0; i < line.length; i++) {
    if (hide[i]) continue;
    if (!linked[i]) unlinked += line[i];
    text += line[i];
    const last = spans[spans.length - 1];
    if (last && last[1] === start + i) last[1]++;
    else spans.push([start + i, start + i + 1]);
  }
  // Trim spans to the visible text (markup removal can leave spaces at the edges).
  while (spans.length && /\s/.test(content[spans[0][0]])) {
    spans[0][0]++;
    if (spans[0][0] >= spans[0][1]) spans.shift();
  }
  while (spans.length && /\s/.test(content[spans[spans.length - 1][1] - 1])) {
    spans[spans.length - 1][1]--;
    if (spans[spans.length - 1][0] >= spans[spans.length - 1][1]) spans.pop();
  }
  text = spans.map(([s, e]) => content.slice(s, e)).join('');
  unlinked = unlinked.trim();

  let role: MarkdownRole = 'text';
  if (!text.trim()) role = hadImage ? 'image' : hadLink ? 'link' : 'text';
  else if (hadLink && !unlinked.replace(/^(?:[-*+•]|\d+[.)])(?:\s+|$)/, '').replace(/[\s|·•,，、/]+/g, '')) role = 'link';
  else if (heading || WHOLE_STRONG.test(line)) role = 'heading';
  if (role === 'text' && !text.trim() && !hadImage && !hadLink) return { role: 'text', spans: [], text: '', unlinked: '' };
  return { role, spans, text, unlinked };
}
