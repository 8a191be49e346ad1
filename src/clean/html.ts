/**
 * The HTML cleaner: Cheerio in htmlparser2 mode (fast, tolerant of junk before `<html>`, unclosed tags, framesets)
 * with source positions on every node. The page is linearized into text blocks — paragraphs, headings, list items,
 * table rows (cells joined by tabs) — whose characters keep their offsets in the HTML source (an entity maps to its
 * whole `&…;` range). Blocks are judged by language-neutral measures (length in units, link density, punctuation,
 * the shared boilerplate vocabulary, class/id hints), and the article is the DOM element whose blocks add up to the
 * most article-like text minus furniture. The title line comes from the headline element, og:title or <title>.
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { decodeHTML } from 'entities';
import { TrackedText } from '../offsets.js';
import type { CleanDoc, DecodedPage, DocMeta, PageMessage } from '../types.js';
import { elementClassHint, elementHintStrength, furnitureKinds, NEVER_CONTENT_ROLES, NEVER_CONTENT_TAGS } from './boilerplate.js';
import { endsLikeSentence, isWhiteSpaceCode, punctuation, units } from './measure.js';
import { findAuthor, findDate, findSource, htmlMetadata, isMetaLine, sourceWithinElement, stripSiteName } from './metadata.js';
import { isMenu } from './text.js';

/** The node shapes we walk (domhandler's, as Cheerio's htmlparser2 mode builds them). */
interface DomNode {
  type: string;
  parent: DomNode | null;
  startIndex: number | null;
  endIndex: number | null;
}
interface DomText extends DomNode {
  data: string;
}
interface DomElement extends DomNode {
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt',
  'dd', 'blockquote', 'pre', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'caption', 'figure', 'figcaption', 'center',
  'form', 'fieldset', 'address', 'body', 'html', 'td', 'th', 'hr', 'br', 'frame', 'details', 'summary', 'text',
]);
const SKIP_TAGS = new Set(NEVER_CONTENT_TAGS);
const SKIP_ROLES = new Set(NEVER_CONTENT_ROLES);
const HEADING = /^h[1-6]$/;
const ENTITY = /&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)/g;

export type BlockKind = 'good' | 'neutral' | 'bad' | 'meta';

export interface Block {
  text: string;
  starts: number[];
  ends: number[];
  /** Innermost block-level element holding the block. */
  el: DomElement;
  heading: string | null;
  /** Characters other than whitespace. */
  chars: number;
  linkChars: number;
  /** Characters inside inline elements hinted as furniture (a caption span, a share link). */
  hintChars: number;
  /** Inside a figure/figcaption or an element hinted as caption. */
  caption: boolean;
  hinted: DomElement | null;
  units: number;
  punct: number;
  kind: BlockKind;
}

function isElement(n: DomNode): n is DomElement {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function hidden(el: DomElement): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a['aria-hidden'] === 'true') return true;
  const style = a.style;
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}

function hasBlockDescendant(el: DomElement, depth = 0): boolean {
  if (depth > 6) return false;
  for (const c of el.children) {
    if (isElement(c) && ((BLOCK_TAGS.has(c.name) && c.name !== 'br') || hasBlockDescendant(c, depth + 1))) return true;
  }
  return false;
}

/** Whitespace as the linearizer collapses it (\s and the zero-width space), by code unit: it reads every character of
 * the page, so it makes no one-character strings to test. */
const isSpaceCode = (c: number) => c === 0x200b || isWhiteSpaceCode(c);

/** Characters of the CJK blocks and full-width forms, between which a line break is no word break. */
function isCjkCode(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
}

const TAB = 0x09;

/** Linearizes the DOM into blocks of whitespace-collapsed text with per-character source ranges. */
class Linearizer {
  blocks: Block[] = [];
  /**
   * The open block's text as pieces (runs sliced from the source, a collapsed space, a cell's tab), joined when the
   * block is flushed: no string is made per character.
   */
  private pieces: string[] = [];
  /** The open block's length in code units, and its last code unit. */
  private length = 0;
  private last = -1;
  /** Its characters that are not whitespace (judge's and the teaser tests' denominator). */
  private chars = 0;
  private starts: number[] = [];
  private ends: number[] = [];
  private linkChars = 0;
  private pendingSpace = -1;
  private containers: DomElement[] = [];
  private hints: DomElement[] = [];
  private linkDepth = 0;
  private hintDepth = 0;
  private hintChars = 0;
  private captionDepth = 0;
  private headings: string[] = [];

  constructor(private readonly html: string) {}

  run(root: DomNode): Block[] {
    this.visit(root);
    this.flush();
    return this.blocks;
  }

  private flush(): void {
    if (this.length > 0) {
      const el = this.containers[this.containers.length - 1];
      const text = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
      this.blocks.push({
        text,
        starts: this.starts,
        ends: this.ends,
        el,
        heading: this.headings.length ? this.headings[this.headings.length - 1] : null,
        chars: this.chars,
        linkChars: this.linkChars,
        hintChars: this.hintChars,
        caption: this.captionDepth > 0,
        hinted: this.hints.length ? this.hints[0] : null,
        units: units(text),
        punct: punctuation(text),
        kind: 'neutral',
      });
    }
    this.pieces = [];
    this.length = 0;
    this.last = -1;
    this.chars = 0;
    this.starts = [];
    this.ends = [];
    this.linkChars = 0;
    this.hintChars = 0;
    this.pendingSpace = -1;
  }

  /**
   * Appends src[from, to) with whitespace collapsed. Character i comes from the page's [at + i, at + i + 1), or, for a
   * decoded entity (`width` > 0), every character from the entity's whole range [at, at + width).
   */
  private push(src: string, from: number, to: number, at: number, width: number): void {
    // The block's state in locals while the loop runs (it runs for every character of the page's text).
    const { pieces, starts, ends } = this;
    let length = this.length;
    let last = this.last;
    let pendingSpace = this.pendingSpace;
    let added = 0;
    // Characters are copied as runs of `src`; a run ends at whitespace or where a collapsed space goes in.
    let run = from;
    for (let i = from; i < to; i++) {
      const c = src.charCodeAt(i);
      if (isSpaceCode(c)) {
        if (run < i) pieces.push(src.slice(run, i));
        run = i + 1;
        if (length > 0 && pendingSpace < 0) pendingSpace = width > 0 ? at : at + i;
        continue;
      }
      if (pendingSpace >= 0) {
        // No space between two CJK characters: a line break in the source is not a word break in Chinese.
        if (!(isCjkCode(last) && isCjkCode(c)) && last !== TAB) {
          pieces.push(' ');
          starts.push(pendingSpace);
          ends.push(pendingSpace + 1);
          length++;
        }
        pendingSpace = -1;
      }
      if (width > 0) {
        starts.push(at);
        ends.push(at + width);
      } else {
        starts.push(at + i);
        ends.push(at + i + 1);
      }
      length++;
      last = c;
      added++;
    }
    if (run < to) pieces.push(src.slice(run, to));
    this.length = length;
    this.last = last;
    this.pendingSpace = pendingSpace;
    // Whitespace is neither counted nor linked: what was added is all link (or hint) text when inside a link (a hint).
    this.chars += added;
    if (this.linkDepth > 0) this.linkChars += added;
    if (this.hintDepth > 0) this.hintChars += added;
  }

  private pushTab(at: number): void {
    this.pieces.push('\t');
    this.starts.push(at);
    this.ends.push(at);
    this.length++;
    this.last = TAB;
    this.pendingSpace = -1;
  }

  private visitText(node: DomText): void {
    if (node.startIndex == null || node.endIndex == null) return;
    const from = node.startIndex;
    const raw = this.html.slice(from, node.endIndex + 1);
    let last = 0;
    if (raw.includes('&')) {
      ENTITY.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = ENTITY.exec(raw)) !== null) {
        this.push(raw, last, m.index, from, 0);
        const decoded = decodeHTML(m[0]);
        if (decoded === m[0]) this.push(raw, m.index, m.index + m[0].length, from, 0);
        else this.push(decoded, 0, decoded.length, from + m.index, m[0].length);
        last = m.index + m[0].length;
      }
    }
    this.push(raw, last, raw.length, from, 0);
  }

  private visit(node: DomNode): void {
    if (node.type === 'text') {
      this.visitText(node as DomText);
      return;
    }
    if (node.type !== 'root' && !isElement(node)) return;
    const el = node as DomElement;
    const name = node.type === 'root' ? 'root' : el.name;
    if (node.type !== 'root') {
      if (SKIP_TAGS.has(name) || hidden(el)) return;
      const role = el.attribs.role;
      if (role && SKIP_ROLES.has(role)) return;
      if (name === 'br' || name === 'hr') {
        this.flush();
        return;
      }
    }
    const children = (el as DomElement).children ?? [];
    // A table cell without blocks inside is a cell of a data row; a cell holding paragraphs is layout.
    const isCell = name === 'td' || name === 'th';
    const layoutCell = isCell && hasBlockDescendant(el);
    const block = node.type === 'root' || (BLOCK_TAGS.has(name) && (!isCell || layoutCell));
    if (isCell && !layoutCell && this.length > 0) this.pushTab(el.startIndex ?? 0);
    // Class/id hints name page regions. On an inline element (a caption span, Wikipedia's `ilh-comment` note inside a
    // sentence) the hint covers only its characters: the block is condemned when they make up most of it, and a
    // paragraph is never cut in two by one.
    const hint = node.type === 'root' || name === 'body' || name === 'html' ? null : elementClassHint(el.attribs.class, el.attribs.id);
    const inlineHint = hint === 'negative' && !block && !hasBlockDescendant(el);
    if (block) {
      this.flush();
      this.containers.push(el);
    }
    if (inlineHint) this.hintDepth++;
    else if (hint === 'negative') this.hints.push(el);
    if (name === 'a') this.linkDepth++;
    // Photo captions (figure/figcaption) describe a picture, in full sentences too; a table's <caption> is its title
    // and stays with the table.
    const caption = name === 'figcaption' || name === 'figure';
    if (caption) this.captionDepth++;
    if (HEADING.test(name)) this.headings.push(name);
    for (const c of children) this.visit(c);
    // Flush while the element's own context (heading level, link, caption, hint) still applies to its last block.
    if (block) this.flush();
    if (HEADING.test(name)) this.headings.pop();
    if (caption) this.captionDepth--;
    if (name === 'a') this.linkDepth--;
    if (inlineHint) this.hintDepth--;
    else if (hint === 'negative') {
      // A hint must not cut a block in two: flush before the element leaves the hint stack.
      if (!block) this.flush();
      this.hints.pop();
    }
    if (block) this.containers.pop();
  }
}

/** Judges a block by itself: furniture, article-like prose, or neither. */
function judge(b: Block): BlockKind {
  const u = b.units;
  const chars = b.chars || 1;
  const linkDensity = b.linkChars / chars;
  // Long prose with inline links (news sites link whole clauses) is still prose; short link text is navigation.
  const p = b.punct;
  const proseWithLinks = u >= 30 && p >= 2 && linkDensity < 0.65;
  if (b.hinted || b.hintChars > 0.5 * chars || (linkDensity > 0.5 && !proseWithLinks)) return 'bad';
  const furniture = u < 60 ? furnitureKinds(b.text) : [];
  // Legal notices run to full sentences (未经授权不得转载…); other furniture is short.
  if (furniture.length > 0 && (u < 30 || furniture.includes('legal'))) return 'bad';
  if (isMetaLine(b.text)) return 'meta';
  // A table row (cells joined by tabs) is data, however short its cells: menus show themselves by their links.
  if (!b.text.includes('\t') && isMenu(b.text)) return 'bad';
  if ((linkDensity < 0.35 || proseWithLinks) && ((u >= 15 && p >= 1) || (u >= 8 && endsLikeSentence(b.text)))) return 'good';
  return 'neutral';
}

function weight(b: Block): number {
  switch (b.kind) {
    case 'good':
      return b.units;
    case 'bad':
      // A cross-link the article announces between its paragraphs costs no more than an advertisement slot.
      return isCrossLink(b) ? -4 : -Math.max(b.units, 4);
    case 'meta':
      return 0;
    default:
      // A data-table row (cells joined by tabs) costs nothing: figures often live in tables inside the article.
      return b.text.includes('\t') && b.linkChars === 0 ? 0 : -0.2 * b.units;
  }
}

function ancestors(el: DomElement | null): DomElement[] {
  const out: DomElement[] = [];
  for (let n: DomNode | null = el; n; n = n.parent) if (n.type === 'tag' || n.type === 'root') out.push(n as DomElement);
  return out;
}

/**
 * Hints are void on an element that holds the article: a layout class must not delete it. That is an element with
 * (nearly) all of the page's prose, or a weakly hinted one (`left-side`, `meta`) holding twice the prose of all unhinted
 * blocks together. Prose here is text with sentence punctuation and few links: link lists are what hints are for.
 */
function voidOverreachingHints(blocks: Block[]): void {
  const proseUnder = new Map<DomElement, number>();
  let total = 0;
  let unhinted = 0;
  for (const b of blocks) {
    const u = b.units;
    if (u < 15 || b.punct < 1 || b.linkChars > 0.35 * b.text.length) continue;
    total += u;
    if (!b.hinted) unhinted += u;
    for (const a of ancestors(b.hinted)) proseUnder.set(a, (proseUnder.get(a) ?? 0) + u);
  }
  const hinted = [...new Set(blocks.map((b) => b.hinted).filter((h): h is DomElement => !!h))];
  const weak = hinted.filter((h) => elementHintStrength(h.attribs.class, h.attribs.id) === 'weak');
  const weakest = [...weak].sort((a, b) => (proseUnder.get(b) ?? 0) - (proseUnder.get(a) ?? 0))[0];
  // A strong hint (footer, comment, share) must hold nearly all the prose before it is taken for a layout class.
  const voided = new Set(hinted.filter((h) => (proseUnder.get(h) ?? 0) > (weak.includes(h) ? 0.5 : 0.75) * total));
  if (weakest && (proseUnder.get(weakest) ?? 0) > 2 * unhinted) voided.add(weakest);
  for (const b of blocks) if (b.hinted && voided.has(b.hinted)) b.hinted = null;
}

export interface ArticleChoice {
  /** The lowest element holding the article's run of blocks. */
  root: DomElement | null;
  blocks: Block[];
  /** The article's run: blocks[first..last]. */
  first: number;
  last: number;
  /** Where the heaviest run ended before posts and teasers after the article were cut off. */
  runLast: number;
  kept: Block[];
  goodUnits: number;
  emptyReason?: string;
}

function lowestCommonAncestor(blocks: Block[]): DomElement | null {
  if (!blocks.length) return null;
  // What the blocks have in common is always the top of the first block's chain of ancestors, from some rank up: each
  // block raises that rank to the first element of the chain met on its own way up (no set of ancestors per block).
  const chain = ancestors(blocks[0].el);
  const rank = new Map(chain.map((a, i) => [a, i]));
  let lowest = 0;
  for (const b of blocks) {
    let met = chain.length;
    for (let n: DomNode | null = b.el; n; n = n.parent) {
      const r = rank.get(n as DomElement);
      if (r !== undefined) {
        met = r;
        break;
      }
    }
    lowest = Math.max(lowest, met);
  }
  return chain[lowest] ?? null;
}

/**
 * Chooses the article: in document order, the run of blocks with the greatest total weight (prose counts for it,
 * furniture against it) — a maximum-sum subarray. Layout tables put the article, its related-news list and the
 * portal's teasers in one cell, so a run rather than a whole subtree is what separates them.
 */
export function chooseArticle(blocks: Block[]): ArticleChoice {
  voidOverreachingHints(blocks);
  for (const b of blocks) b.kind = judge(b);
  let best = 0;
  let first = -1;
  let last = -1;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < blocks.length; i++) {
    const w = weight(blocks[i]);
    if (sum <= 0) {
      sum = w;
      start = i;
    } else sum += w;
    if (sum > best) {
      best = sum;
      first = start;
      last = i;
    }
  }
  if (first < 0) return { root: null, blocks, first, last, runLast: last, kept: [], goodUnits: 0, emptyReason: 'no article: no block of the page reads as prose' };
  // The run starts at the first prose block; a short unlinked block just before it among the same siblings is the
  // article's lead sub-heading (`未来10年4万亿投资` above the first paragraph), which the sum had no reason to take.
  while (first > 0) {
    const prev = blocks[first - 1];
    const ok =
      prev.kind === 'neutral' && !prev.caption && prev.linkChars === 0 && prev.units <= 30 && !prev.heading &&
      !findDate(prev.text) && !findAuthor(prev.text) && !/[【】]/.test(prev.text);
    if (!ok || prev.el.parent !== blocks[first].el.parent || prev.el === blocks[first].el) break;
    first--;
  }
  const runLast = last;
  last = endAtFirstPost(blocks, first, last);
  last = endBeforeTeasers(blocks, first, last);
  const run = blocks.slice(first, last + 1);
  const kept: Block[] = [];
  let goodUnits = 0;
  for (const b of run) {
    if (b.kind === 'good') goodUnits += b.units;
    if ((b.kind === 'good' || b.kind === 'neutral') && !b.caption) kept.push(b);
  }
  return { root: lowestCommonAncestor(run), blocks, first, last, runLast, kept, goodUnits };
}

/**
 * A stream of posts (a blog's front page, a forum thread) or an article followed by its comments: a post ends at its
 * own comments link (`共 11 篇评论 发表评论 >>>`, "12 Comments"). Once a post's worth of prose has been read, the
 * first such block ends the article; what follows is other posts or readers' comments.
 */
function endAtFirstPost(blocks: Block[], first: number, last: number): number {
  let good = 0;
  for (let i = first; i <= last; i++) {
    const b = blocks[i];
    if (b.kind === 'good') good += b.units;
    else if (b.kind === 'bad' && good >= 100 && b.units < 60 && furnitureKinds(b.text).includes('comments')) {
      let end = i - 1;
      while (end > first && blocks[end].kind !== 'good') end--;
      return end;
    }
  }
  return last;
}

const isLinkHeadline = (b: Block) => b.kind === 'bad' && b.linkChars > 0.5 * b.chars;
/** A link announced by a label at its start (`READ MORE:`, `>> Xem thêm:`, `【相关新闻】`), not a headline of its own. */
function isCrossLink(b: Block): boolean {
  if (b.kind !== 'bad' || b.linkChars === 0 || b.units >= 60 || b.hinted) return false;
  // Asked again and again of the same blocks by the teaser scans; the blocks no longer change once judged.
  let cross = crossLinks.get(b);
  if (cross === undefined) {
    const label = b.text.replace(/^[\s>»›•·*\-–—【\[(（]+/, '').slice(0, 20);
    crossLinks.set(b, (cross = furnitureKinds(label).includes('related')));
  }
  return cross;
}
const crossLinks = new WeakMap<Block, boolean>();

/**
 * A linked headline that opens a teaser. A link the article announces between its own paragraphs (`READ MORE: …`,
 * `>> Xem thêm: …`, `延伸阅读：…`) is a cross-link, not a teaser: portals put one after every few paragraphs.
 */
const isTeaserHeadline = (b: Block) => isLinkHeadline(b) && !isCrossLink(b);

/**
 * Teasers after the article ("More from …": a linked headline, a byline or date, a one-paragraph summary, again and
 * again) read as prose, so the run flows into them. From the first linked headline that opens three or more such
 * teasers which hold most of the prose that follows, the rest is not the article.
 */
function endBeforeTeasers(blocks: Block[], first: number, last: number): number {
  let goodBefore = 0;
  for (let i = first; i <= last; i++) {
    const b = blocks[i];
    if (b.kind === 'good') goodBefore += b.units;
    if (goodBefore < 100 || !isTeaserHeadline(b)) continue;
    const t = teasers(blocks, i, last, 150);
    if (t.count >= 3 && t.units >= 0.6 * t.good) {
      let end = i - 1;
      while (end > first && blocks[end].kind !== 'good') end--;
      return end;
    }
  }
  return last;
}

/** Teasers in blocks[from..to]: linked headlines each followed within three blocks by a short summary. */
function teasers(blocks: Block[], from: number, to: number, maxSummary: number): { count: number; units: number; good: number } {
  let count = 0;
  let units = 0;
  let good = 0;
  for (let j = from; j <= to; j++) {
    const c = blocks[j];
    if (c.kind === 'good') good += c.units;
    if (!isTeaserHeadline(c)) continue;
    for (let k = j + 1; k <= Math.min(to, j + 3) && !isTeaserHeadline(blocks[k]); k++) {
      if (blocks[k].kind === 'good' && blocks[k].units < maxSummary) {
        count++;
        units += blocks[k].units;
        break;
      }
    }
  }
  return { count, units, good };
}

/**
 * A list page: the chosen run is a string of teasers, each under its own linked headline, or too little prose.
 * Only teaser headlines separate teasers: an article keeps its core of consecutive prose across what a portal puts
 * between its paragraphs — advertisement slots, photo captions, share bars, announced cross-links — so its main text
 * dominates however many links stand around it.
 */
function listPageReason(choice: ArticleChoice): string | null {
  if (choice.goodUnits < 40) return 'no article: too little prose on the page';
  const run = choice.blocks.slice(choice.first, choice.last + 1);
  const linkUnits = run.filter((b) => b.kind === 'bad').reduce((n, b) => n + b.units, 0);
  const linkHeadlines = run.filter((b, i) => isTeaserHeadline(b) && run[i + 1]?.kind === 'good').length;
  const goodBlocks = run.filter((b) => b.kind === 'good').length;
  // An article has a core: consecutive prose that no teaser headline interrupts. Teasers are islands between links.
  let core = 0;
  let segment = 0;
  for (const b of run) {
    if (isTeaserHeadline(b)) segment = 0;
    else if (b.kind === 'good') segment += b.units;
    core = Math.max(core, segment);
  }
  if (goodBlocks >= 4 && linkHeadlines >= 0.6 * goodBlocks && core < 0.3 * choice.goodUnits && core < 150) {
    return 'no article: a list of linked teasers (index page)';
  }
  // Teasers with a byline or reply count between headline and summary (forum thread lists).
  const t = teasers(choice.blocks, choice.first, choice.runLast, 200);
  if (t.count >= 4 && t.units >= 0.6 * t.good) return 'no article: a list of linked teasers (index page)';
  if (linkUnits > 2 * choice.goodUnits) return 'no article: links outweigh prose (index or navigation page)';
  return null;
}

function trackedFrom(parts: Array<{ text: string; starts: number[]; ends: number[] }>): TrackedText {
  // The parts joined by newlines; a newline maps to an empty range where the part after it starts.
  let length = Math.max(0, parts.length - 1);
  for (const p of parts) length += p.starts.length;
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  let at = 0;
  parts.forEach((p, k) => {
    if (k > 0) {
      starts[at] = ends[at] = p.starts[0] ?? 0;
      at++;
    }
    starts.set(p.starts, at);
    ends.set(p.ends, at);
    at += p.starts.length;
  });
  return new TrackedText(parts.map((p) => p.text).join('\n'), starts, ends);
}

const norm = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '').toLowerCase();

/** The headline: an h1-h3 block that the page's title names, else the page title itself (site name stripped). */
function chooseTitle(
  blocks: Block[],
  choice: ArticleChoice,
  declared: { title: string | null; ogTitle: string | null },
  titleBlock: Block | null,
): { block: { text: string; starts: number[]; ends: number[] } | null; text: string | null } {
  const names = [declared.ogTitle, declared.title].filter((t): t is string => !!t).map(norm);
  const firstKept = choice.kept[0] ? blocks.indexOf(choice.kept[0]) : blocks.length;
  const headings = blocks.filter((b) => b.heading && b.units >= 3 && b.units <= 80 && b.kind !== 'bad');
  const named = headings.find((b) => {
    const key = norm(b.text);
    return names.some((n) => n.includes(key) || key.includes(n));
  });
  const nearest = [...headings].reverse().find((b) => blocks.indexOf(b) <= firstKept && (b.heading === 'h1' || b.heading === 'h2'));
  const h = named ?? nearest ?? headings.find((b) => b.heading === 'h1') ?? null;
  if (h) return { block: h, text: h.text };
  const plain = declared.ogTitle ?? (declared.title ? stripSiteName(declared.title) : null);
  if (!plain) return { block: null, text: null };
  // Map the stripped <title> text back onto the <title> element's characters.
  if (titleBlock) {
    const at = titleBlock.text.indexOf(plain);
    if (at >= 0) {
      return {
        block: { text: plain, starts: titleBlock.starts.slice(at, at + plain.length), ends: titleBlock.ends.slice(at, at + plain.length) },
        text: plain,
      };
    }
  }
  return { block: null, text: plain };
}

function findFirst(root: DomNode, name: string): DomElement | null {
  const stack: DomNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n) && n.name === name) return n;
    const children = (n as DomElement).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return null;
}

/** The <title> element's text as a block (it lives in <head>, which the body walk skips). */
function titleElementBlock($: CheerioAPI, html: string): Block | null {
  const el = findFirst($.root().get(0) as unknown as DomNode, 'title');
  if (!el) return null;
  const lin = new Linearizer(html);
  const fake: DomElement = { ...el, type: 'root', name: 'root' } as DomElement;
  const blocks = lin.run(fake);
  return blocks[0] ?? null;
}

/** A decoded HTML page → its article; why there is none is appended to `messages` (the page's one list). */
export function cleanHtml(page: DecodedPage, messages: PageMessage[] = []): CleanDoc {
  const html = page.content;
  const $ = cheerio.load(html, { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: true } });
  const declared = htmlMetadata($);
  const root = $.root().get(0) as unknown as DomNode;
  const blocks = new Linearizer(html).run(root);
  const choice = chooseArticle(blocks);
  const titleBlock = titleElementBlock($, html);
  const meta: DocMeta = { title: null, date: declared.date, source: null, author: null, url: declared.url ?? page.url ?? null };

  const reason = choice.emptyReason ?? listPageReason(choice) ?? (choice.goodUnits < 40 && /<frameset/i.test(html) ? 'frameset page: no article text' : null);
  const title = chooseTitle(blocks, choice, declared, titleBlock);
  meta.title = title.text;

  // Datelines and bylines: meta blocks near the article, then short blocks around it.
  const firstIdx = choice.kept.length ? blocks.indexOf(choice.kept[0]) : 0;
  const lastIdx = choice.kept.length ? blocks.indexOf(choice.kept[choice.kept.length - 1]) : 0;
  const kept = new Set(choice.kept);
  const near = blocks.filter((b, i) => i >= firstIdx - 12 && i <= lastIdx + 12 && b.text.length <= 120 && !kept.has(b));
  const metaBlocks = near.filter((b) => b.kind === 'meta');
  for (const b of [...metaBlocks, ...near]) {
    meta.date ??= findDate(b.text);
    meta.source ??= findSource(b.text);
    meta.author ??= findAuthor(b.text);
  }
  meta.source = sourceWithinElement(meta.source, declared.labelledSources);
  meta.author ??= declared.author;
  meta.source ??= declared.source;
  if (!meta.author && choice.kept[0]) meta.author = findAuthor(choice.kept[0].text.slice(0, 60));

  if (reason) {
    messages.push({ stage: 'clean', severity: 'info', kind: 'no-text', reason });
    return { text: trackedFrom([]), meta };
  }
  const parts: Array<{ text: string; starts: number[]; ends: number[] }> = [];
  const titleKey = title.block ? norm(title.block.text) : null;
  const keptTitle = titleKey !== null && choice.kept.some((b) => norm(b.text) === titleKey);
  if (title.block && !keptTitle) parts.push(title.block);
  for (const b of choice.kept) parts.push(b);
  return { text: trackedFrom(parts), meta };
}

/** The page's blocks with their judgement and the chosen article (for the eval's diagnostics and for tests). */
export function explainHtml(html: string): ArticleChoice {
  const $ = cheerio.load(html, { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: true } });
  return chooseArticle(new Linearizer(html).run($.root().get(0) as unknown as DomNode));
}
