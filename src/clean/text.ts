/**
 * The line-based cleaner for text dumps of pages (what a "save as text" or a crawler's text export leaves): every
 * line is classified by its shape — link-list density of `|` separators, runs of short tokens, boilerplate vocabulary,
 * datelines — and the article is the run of body lines between the headline and the first trailer line (related
 * list, copyright, tool bar, editor credit). Markdown exports are read as structure (markdown.ts): headings,
 * rules, image and link lines neither end the article nor enter it, and inline markup is left out of the kept text.
 * Kept lines are copied through a TextBuilder, so each character of the result maps to its offset in the file.
 */
import { TextBuilder, TrackedText } from '../offsets.js';
import type { CleanDoc, DecodedPage, DocMeta, PageMessage } from '../types.js';
import { furnitureCoverage, furnitureKinds, type FurnitureKind } from './boilerplate.js';
import { readMarkdownLine, type MarkdownRole } from './markdown.js';
import { endsLikeSentence, gluedClauseMarks, punctuation, SPACE, units } from './measure.js';
import { findAuthor, findDate, findSource, isMetaLine } from './metadata.js';

/** `markup`: a rule, an image or a lone link line (structure, dropped); `heading`: a markdown heading. */
export type LineKind = 'empty' | 'menu' | 'furniture' | 'meta' | 'body' | 'short' | 'heading' | 'markup';

export interface Line {
  /** Trimmed range in the page content. */
  start: number;
  end: number;
  /** The visible text (markdown markup removed). */
  text: string;
  /** The visible text's ranges in the content: what is copied when the line is kept. */
  spans: Array<[number, number]>;
  /** Markdown heading level: 1 for `=====` underlines and `#`, 2 for `-----` and `##`…, 0 otherwise. */
  level: number;
  md: MarkdownRole;
  /** The visible text outside links. */
  unlinked: string;
  kind: LineKind;
  furniture: FurnitureKind[];
}

/** Separators of link lists and menus: `网站首页 | 桐乡新闻 | …`, `大同市| 荣昌县| …`, `首页 > 新闻 > 正文`. */
const LIST_SEPARATOR = /\s*[|｜¦]\s*|\s+[>»›]\s*|\s*[>»›]\s+/;

/** The characters LIST_SEPARATOR needs: a text without any has no parts to weigh (most blocks and lines). */
const SEPARATOR_CHAR = /[|｜¦>»›]/;

export function isMenu(text: string): boolean {
  if (SEPARATOR_CHAR.test(text)) {
    const parts = text.split(LIST_SEPARATOR).map((p) => p.trim()).filter(Boolean);
    if (parts.length >= 3) {
      const avg = parts.reduce((n, p) => n + units(p), 0) / parts.length;
      if (avg <= 10) return true;
    }
  }
  // A run of short Chinese tokens separated by spaces and without punctuation: `天气预报 总站·浙江在线 浙江新闻 …`.
  if (/[\u3400-\u9fff]/.test(text) && punctuation(text) === 0) {
    const tokens = text.split(/[\s\u00a0\u3000]+/).filter(Boolean);
    if (tokens.length >= 4 && tokens.every((t) => units(t) <= 8)) return true;
  }
  return false;
}

/** A long line with furniture words is furniture only when it does not read as prose. */
function readsAsProse(text: string): boolean {
  return /[。！？]/.test(text) || endsLikeSentence(text) || punctuation(text) >= 3;
}

export function classifyLine(text: string, md: MarkdownRole = 'text'): Pick<Line, 'kind' | 'furniture'> {
  if (md === 'rule' || md === 'image') return { kind: 'markup', furniture: [] };
  if (!text) return { kind: 'empty', furniture: [] };
  const u = units(text);
  const p = punctuation(text);
  const furniture = furnitureKinds(text);
  if (md === 'link') return { kind: furniture.length ? 'furniture' : 'markup', furniture };
  if (md === 'heading') {
    // A heading that IS a furniture label (`## Related articles`, `**Tin liên quan**`) ends the article; one that
    // merely uses such a word (`**Chia sẻ lợi ích**`) is a sub-heading of it.
    return furnitureCoverage(text) >= 0.6 ? { kind: 'furniture', furniture } : { kind: 'heading', furniture: [] };
  }
  if (furniture.length > 0) {
    // A furniture word settles a short line; in a long line it must stand at the start, as a label or heading does
    // (`相关热词搜索: …`), or the line must read as no prose at all.
    const key = text.replace(/[\s\u00a0\u3000•·\-*]+/g, '').toLowerCase();
    const leading = furnitureKinds(key.slice(0, 8)).length > 0;
    // A full sentence using a tool or navigation word (`… sẵn lòng chia sẻ …`, "share") is prose; legal and
    // contact notices are written as sentences, so they stay furniture.
    const sentence = u >= 15 && readsAsProse(text) && !furniture.includes('legal') && !furniture.includes('contact');
    if (leading || (!sentence && (u < 40 || !readsAsProse(text)))) return { kind: 'furniture', furniture };
  }
  if (isMetaLine(text)) return { kind: 'meta', furniture };
  if (isMenu(text)) return { kind: 'menu', furniture };
  if ((u >= 15 && p >= 1) || (u >= 8 && endsLikeSentence(text))) return { kind: 'body', furniture };
  // Chinese prose typed with half-width commas, cut off before its last mark (the end of an excerpt): two glued clause
  // marks make a long line a sentence, where a headline has at most one.
  if (u >= 30 && gluedClauseMarks(text) >= 2) return { kind: 'body', furniture };
  return { kind: 'short', furniture };
}

/** Lines of the content with their trimmed ranges, read as markdown where they hold markdown. */
export function splitLines(content: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(content)) !== null && m.index < content.length) {
    let s = m.index;
    let e = m.index + m[0].replace(/[\r\n]+$/, '').length;
    while (s < e && SPACE.test(content[s])) s++;
    while (e > s && SPACE.test(content[e - 1])) e--;
    const md = readMarkdownLine(content, s, e);
    const level = md.role === 'heading' ? (/^#{1,6}/.exec(content.slice(s, e))?.[0].length ?? 7) : 0;
    lines.push({ start: s, end: e, text: md.text, spans: md.spans, level, md: md.role, unlinked: md.unlinked, ...classifyLine(md.text, md.role) });
    if (m[0].length === 0) break;
  }
  markSetextHeadings(lines, content);
  markLinkLists(lines);
  return lines;
}

/** `Title` over `=====` (level 1) or `-----` (level 2) is a heading; the underline itself is markup. */
function markSetextHeadings(lines: Line[], content: string): void {
  for (let i = 1; i < lines.length; i++) {
    const under = lines[i];
    const above = lines[i - 1];
    if (under.md !== 'rule' || !above.text || above.md === 'rule') continue;
    const ch = content[under.start];
    if (ch !== '=' && ch !== '-') continue;
    above.level = ch === '=' ? 1 : 2;
    if (above.md === 'text') {
      above.md = 'heading';
      Object.assign(above, classifyLine(above.text, 'heading'));
    }
  }
}

/** Three or more link-only lines in a row (blank lines between allowed) are a link list: a menu. */
function markLinkLists(lines: Line[]): void {
  let run: Line[] = [];
  const close = () => {
    if (run.length >= 3) for (const l of run) l.kind = 'menu';
    run = [];
  };
  for (const l of lines) {
    if (l.kind === 'empty') continue;
    if (l.md === 'link') run.push(l);
    else close();
  }
  close();
}

/**
 * A first line that glues the headline onto the opening of the body (`经济强镇建设经验交流去年以来,镇党委…` followed by
 * the headline alone and then the body): a teaser duplicating what follows.
 */
function isGluedDuplicate(lines: Line[], i: number): boolean {
  const next = lines.slice(i + 1).filter((l) => l.kind !== 'empty' && l.kind !== 'markup').slice(0, 3);
  if (next.length < 2) return false;
  const line = lines[i].text;
  const [head, body] = next;
  if (head.text.length >= 4 && line.startsWith(head.text)) {
    const rest = line.slice(head.text.length, head.text.length + 12);
    if (rest.length >= 4 && body.text.startsWith(rest)) return true;
  }
  // A teaser repeating the first body line's opening.
  const probe = line.slice(0, 20);
  return probe.length >= 12 && next.some((l) => l.text.length > line.length && l.text.startsWith(probe));
}

/**
 * An excerpt of the article shown before it (a teaser under a "see details" link, a lead cut off with `…`): the line
 * ends in an ellipsis and its opening, link text aside, starts a later line. Its text is the article's, twice.
 */
function isExcerpt(lines: Line[], i: number): boolean {
  const own = lines[i].unlinked;
  if (!/(…|\.\.\.)\s*$/.test(own)) return false;
  const probe = own.slice(0, 16);
  if (units(probe) < 6) return false;
  return lines.slice(i + 1, i + 40).some((l) => l.kind !== 'markup' && l.text.startsWith(probe));
}

const TRAILER_KINDS: FurnitureKind[] = ['tools', 'related', 'legal', 'editor', 'comments', 'tags', 'contact'];
const KEPT_KINDS: LineKind[] = ['body', 'short', 'heading'];

/** A decoded text dump → its article; why there is none is appended to `messages` (the page's one list). */
export function cleanTextDump(page: DecodedPage, messages: PageMessage[] = []): CleanDoc {
  const content = page.content;
  const lines = splitLines(content);
  const meta: DocMeta = { title: null, date: null, source: null, author: null, url: page.url ?? null };

  const dropped = new Set<number>();
  for (let i = 0; i < lines.length; i++) if (lines[i].kind === 'body' || lines[i].kind === 'heading') if (isExcerpt(lines, i)) dropped.add(i);
  let bodyStart = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].kind !== 'body' || dropped.has(i)) continue;
    if (isGluedDuplicate(lines, i)) {
      dropped.add(i);
      continue;
    }
    bodyStart = i;
    break;
  }
  const tracked = TrackedText.fromOriginal(content);
  if (bodyStart < 0) {
    const reason = content.trim() ? 'no article: no line reads as body text (menus, links or short lines only)' : 'empty file';
    messages.push({ stage: 'clean', severity: 'info', kind: 'no-text', reason });
    return { text: new TextBuilder(tracked).build(), meta };
  }

  // The body runs until the first trailer line: a related-articles heading, copyright, tool bar, editor credit, a
  // menu or a byline after the text. Short lines after the last body line (captions, an office's name) go too.
  // Markdown structure (rules, images, lone links, sub-headings) neither ends the body nor counts as body.
  let bodyEnd = bodyStart;
  for (let i = bodyStart + 1; i < lines.length; i++) {
    const l = lines[i];
    if (dropped.has(i)) continue;
    const trailer =
      l.kind === 'menu' || l.kind === 'meta' || (l.kind === 'furniture' && l.furniture.some((k) => TRAILER_KINDS.includes(k)));
    if (trailer) break;
    if (l.kind === 'body') bodyEnd = i;
  }

  // The headline: a top-level markdown heading before the body, else the nearest short line or heading above the
  // body, past datelines, blank lines, markup and excerpts.
  let titleLine: Line | null = null;
  const fitsTitle = (l: Line) => units(l.text) >= 4 && units(l.text) <= 60;
  titleLine = lines.slice(0, bodyStart).find((l, i) => l.kind === 'heading' && l.level === 1 && !dropped.has(i) && fitsTitle(l)) ?? null;
  for (let i = bodyStart - 1; i >= 0 && !titleLine; i--) {
    const l = lines[i];
    if (l.kind === 'empty' || l.kind === 'meta' || l.kind === 'markup' || dropped.has(i)) continue;
    if ((l.kind === 'short' || l.kind === 'heading') && fitsTitle(l)) titleLine = l;
    break;
  }

  const b = new TextBuilder(tracked);
  const emit = (l: Line) => {
    if (b.length > 0) b.insert(l.start, '\n');
    for (const [s, e] of l.spans) b.copy(s, e);
  };
  if (titleLine) {
    emit(titleLine);
    meta.title = titleLine.text;
  }
  for (let i = bodyStart; i <= bodyEnd; i++) {
    const l = lines[i];
    if (!KEPT_KINDS.includes(l.kind) || dropped.has(i)) continue;
    // Photo caption lists repeat each short caption; a short line equal to its neighbour is not prose.
    if (l.kind === 'short' && (lines[i - 1]?.text === l.text || lines[i + 1]?.text === l.text)) continue;
    emit(l);
  }

  // Metadata from datelines and bylines anywhere outside the body, then from the body's opening credit.
  const outside = lines.filter((l, i) => (i < bodyStart || i > bodyEnd) && l.kind !== 'empty');
  const metaLines = outside.filter((l) => l.kind === 'meta');
  // Only short lines: a copyright notice's prose mentions 作者 and 记者 without naming anyone.
  const bylineText = [...metaLines, ...outside.filter((l) => l.kind !== 'meta' && l.text.length <= 80)].map((l) => l.text);
  const opening = lines[bodyStart].text.slice(0, 60);
  // Lines before the body count when they are short (a dateline, a byline, a title): a teaser's prose names the dates
  // of what it tells (`ngày 20/10/2015, Chính phủ ban hành…`), not when the page was written.
  const head = lines.slice(0, bodyStart).filter((l) => l.kind === 'meta' || l.text.length <= 80).map((l) => l.text);
  for (const t of [...bylineText.slice(0, metaLines.length), ...head]) {
    meta.date ??= findDate(t);
  }
  for (const t of bylineText) {
    meta.source ??= findSource(t);
    meta.author ??= findAuthor(t);
  }
  meta.author ??= findAuthor(opening);
  return { text: b.build(), meta };
}
