/**
 * Segment stage: sentences, clauses and word boundaries over normalized text (offsets are indices into it).
 *
 * - Sentences. Chinese ends a sentence at 。！？；!?; (and at the closing quotes or brackets right after them);
 *   Vietnamese and English at . ! ? (and …) followed by a space and a capital letter, digit or opening quote, or by
 *   a line break — never inside a number (`1.500`, `1,5`, `1.1亿`) or after an abbreviation (`TP.`, `Mr.`, `No.`)
 *   or an initial (`J. Smith`). A line break always ends a sentence.
 * - Word boundaries. Chinese words come from jieba, through the rule set's Segmenter (cut per stretch where asked);
 *   jieba cuts digits and Latin letters one by one, so it decides only between two Han characters, and everything
 *   else follows the script: a run of letters, digits and marks is one word, each punctuation character stands alone.
 * - Clauses: a sentence split at ，,；;：: (not between two digits, as in `1,500` or `10:30`).
 */
import { createHash } from 'node:crypto';
import nodejieba from 'nodejieba';
import { loadJieba } from './dictionary.js';
import type { Lang, Sentence } from '../types.js';

const HAN = /\p{Script=Han}/u;
const isChineseLang = (lang: Lang) => lang === 'zh-Hans' || lang === 'zh-Hant';

// ---------------------------------------------------------------------------------------------------------------
// Sentences

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const SPACE = /\s/;
/** Closing quotes and brackets that belong to the sentence they follow: `…。”` `…!)`. */
const CLOSERS = /["'”’」』）)】》〉\]]/;
const ZH_TERMINATOR = /[。！？；!?;]/;
const LATIN_TERMINATOR = /[.!?…]/;
/** What may open the next Latin-script sentence after a terminator and a space. */
const SENTENCE_OPENER = /[\p{Lu}\p{Lt}\d"“‘'(\[«]/u;

/**
 * Abbreviations after which a period does not end a sentence. English titles, company and month forms; Vietnamese
 * administrative and academic ones (TP. thành phố, Q. quận, P. phường, TX. thị xã, TT. thị trấn, H. huyện, GS.,
 * PGS., TS., ThS., KS., BS. …). Compared without case for the multi-letter ones.
 */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'no', 'nos', 'co', 'corp', 'inc', 'ltd', 'vs', 'etc', 'e.g',
    'i.e', 'u.s', 'u.k', 'u.n', 'gov', 'sen', 'rep', 'gen', 'col', 'capt', 'lt', 'mt', 'approx', 'est', 'dept',
    'fig', 'vol', 'pp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'tp', 'tx', 'tt', 'gs', 'pgs', 'ts', 'ths', 'ks', 'bs', 'cn', 'nxb', 'ubnd', 'hđnd', 'tw', 'đ/c',
  ].map((a) => a.toLowerCase()),
);

/** The word ending right before index `end` (letters, digits, dots and slashes, as in `U.S` or `đ/c`). */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[\p{L}\p{N}\p{M}./]/u.test(text[i - 1])) i--;
  return text.slice(i, end);
}

/** Does the Latin-script terminator at `i` end a sentence? `next` is the index after it and its closers. */
function endsLatinSentence(text: string, i: number, next: number): boolean {
  const c = text[i];
  if (next >= text.length) return true;
  // Inside a number (1.500, 3.5) or a word (file.txt): no space after the dot.
  if (!SPACE.test(text[next])) return false;
  let j = next;
  while (j < text.length && SPACE.test(text[j]) && !LINE_BREAK.test(text[j])) j++;
  if (j >= text.length || LINE_BREAK.test(text[j])) return true;
  if (!SENTENCE_OPENER.test(text[j])) return false;
  if (c === '.') {
    const word = wordBefore(text, i);
    if (ABBREVIATIONS.has(word.toLowerCase())) return false;
    // A single capital letter is an initial (J. Smith) or a Vietnamese one-letter abbreviation (Q. 1, P. 5).
    if (/^\p{Lu}$/u.test(word)) return false;
  }
  return true;
}

/** Trim a span to its non-space content and push it when something is left. */
function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}

/** The characters of LINE_BREAK, ZH_TERMINATOR and LATIN_TERMINATOR by code: the test run first on every character. */
const ENDS_SOMETHING = new Uint8Array(0x10000);
for (const c of '\n\r\u2028\u2029。！？；!?;.!?…') ENDS_SOMETHING[c.charCodeAt(0)] = 1;

/**
 * Sentences of `text`, trimmed, in order. `keepWhole` spans (mojibake flags) are never split: a `?` or `;` inside
 * garbage is not punctuation.
 */
export function splitSentences(text: string, lang: Lang, keepWhole: readonly Sentence[] = []): Sentence[] {
  const out: Sentence[] = [];
  const inKept = (i: number) => keepWhole.some((f) => f.start <= i && i < f.end);
  const chinese = isChineseLang(lang);
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!ENDS_SOMETHING[text.charCodeAt(i)]) continue; // neither a line break nor a terminator
    const c = text[i];
    if (LINE_BREAK.test(c)) {
      pushTrimmed(out, text, start, i);
      start = i + 1;
      continue;
    }
    // A Chinese page can hold Latin-script sentences too; Chinese terminators are checked first.
    const zh = chinese && ZH_TERMINATOR.test(c);
    if (!zh && !LATIN_TERMINATOR.test(c)) continue;
    // Take runs of terminators and the closers after them into this sentence (`?!`, `。”`, `…"`).
    let next = i + 1;
    while (next < text.length && (zh ? ZH_TERMINATOR : LATIN_TERMINATOR).test(text[next])) next++;
    while (next < text.length && CLOSERS.test(text[next])) next++;
    const ends = (zh ? !isBetweenDigits(text, i) : endsLatinSentence(text, i, next)) && !inKept(i);
    if (!ends) continue;
    pushTrimmed(out, text, start, next);
    start = next;
    i = next - 1;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
}

function isBetweenDigits(text: string, i: number): boolean {
  return i > 0 && i + 1 < text.length && /\d/.test(text[i - 1]) && /\d/.test(text[i + 1]);
}

/** The sentence containing index `at`, if any. */
export function sentenceAt(sentences: readonly Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Clauses

const CLAUSE_SEPARATOR = /[，,；;：:]/;

/** The sentence split at clause punctuation (not between digits: `1,500`, `10:30`); spans in text offsets. */
export function clauses(text: string, sentence: Sentence): Sentence[] {
  const out: Sentence[] = [];
  let start = sentence.start;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (CLAUSE_SEPARATOR.test(text[i]) && !isBetweenDigits(text, i)) {
      pushTrimmed(out, text, start, i + 1);
      start = i + 1;
    }
  }
  pushTrimmed(out, text, start, sentence.end);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Words

/**
 * What jieba must hold while one rule set's text is cut: the compact dictionary made for the rule set's words
 * (dictionary.ts), and its trigger words inserted so that they stay whole (`创业担保贷款` is one word to the rules).
 * A compiled rule set owns one (RuleSet.segmenter) and every cut goes through it. Plain data, so a rule set sent to a
 * worker thread (structured clone) still carries its segmenter.
 *
 * Why jieba's dictionary is still process-wide: nodejieba holds one native segmenter per process (per worker thread),
 * and `insertWord` adds to it for good — a word cannot be taken out again. So a Segmenter does not own a jieba; before
 * each cut it makes the process's jieba hold exactly its own state: the first cut loads it (~0.3 s; the dictionary
 * waits until then because it costs ~45 MB, which a process that only loads the rules must not pay), and a cut by
 * another segmenter whose words differ reloads it. What this guarantees: a rule set cuts with its own words and no
 * other's, whatever rule sets were compiled before or after it and whichever cut first. A run uses one rule set, so
 * the reload happens only in a process that compares rule sets (tests, `rules` commands).
 */
export interface Segmenter {
  /** Words jieba must keep whole (Han only, sorted). */
  readonly words: readonly string[];
  /** Every rule word (the kept-whole ones too): the compact dictionary keeps their neighbourhood (sorted). */
  readonly vocabulary: readonly string[];
  /** Names the state above: jieba is reloaded only when the segmenter that cuts holds a different one. */
  readonly key: string;
}

/** A segmenter that keeps `words` whole, with a dictionary shaped by them and by `vocabulary` (looked for only). */
export function makeSegmenter(words: Iterable<string>, vocabulary: Iterable<string> = []): Segmenter {
  const kept = [...new Set([...words].filter((w) => HAN.test(w)))].sort();
  const all = [...new Set([...kept, ...[...vocabulary].filter((w) => HAN.test(w))])].sort();
  const key = createHash('sha256').update(JSON.stringify([all, kept])).digest('hex').slice(0, 16);
  return { words: kept, vocabulary: all, key };
}

/** The key of the segmenter whose state the process's jieba holds (null: jieba not loaded yet). */
let holding: string | null = null;

/** The process's jieba, holding this segmenter's dictionary and words (loaded or reloaded if it held another's). */
export function jiebaFor(segmenter: Segmenter): typeof nodejieba {
  if (holding !== segmenter.key) {
    loadJieba(segmenter.vocabulary);
    for (const w of segmenter.words) nodejieba.insertWord(w);
    holding = segmenter.key;
  }
  return nodejieba;
}

type CharClass = 'han' | 'word' | 'space' | 'punct';
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Class of the character starting at index p (astral characters count as one). */
function charClass(text: string, p: number): CharClass {
  const c = String.fromCodePoint(text.codePointAt(p) ?? 0);
  if (HAN.test(c)) return 'han';
  if (WORD_CHAR.test(c)) return 'word';
  if (SPACE.test(c)) return 'space';
  return 'punct';
}

export interface TaggedWord {
  word: string;
  tag: string;
}

/** Where jieba itself splits its input before cutting (cppjieba's separators: spaces, tab, line breaks, ，and 。). */
const JIEBA_SEPARATOR = /[ \t\n，。]/;

/** The end of the stretch (text up to jieba's next separator) that starts at or runs through `from`. */
function stretchEnd(text: string, from: number): number {
  let to = from;
  while (to < text.length && !JIEBA_SEPARATOR.test(text[to])) to++;
  return to;
}

/** The start of the stretch that holds index `at`. */
function stretchStart(text: string, at: number): number {
  let from = at;
  while (from > 0 && !JIEBA_SEPARATOR.test(text[from - 1])) from--;
  return from;
}

/**
 * jieba's tagged words of text[from, to), each with its index in `text`. jieba splits its input at its separators
 * anyway, so a stretch between two of them is cut here as it is within the whole text.
 */
function taggedStretch(segmenter: Segmenter, text: string, from: number, to: number): Array<TaggedWord & { start: number }> {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  const out: Array<TaggedWord & { start: number }> = [];
  let at = 0;
  for (const { word, tag } of jiebaFor(segmenter).tag(part) as TaggedWord[]) {
    // jieba's tokens concatenate to its input; search forward anyway in case it ever drops a character.
    const found = part.startsWith(word, at) ? at : part.indexOf(word, at);
    if (found < 0) continue;
    out.push({ word, tag, start: from + found });
    at = found + word.length;
  }
  return out;
}

/**
 * jieba's tagged words, with their positions, in the stretches of `text` (between jieba's own separators) that hold
 * one of `needles`: the words tagging the whole text would give there, for a fraction of the work when most
 * stretches hold none.
 */
export function taggedWordsWhere(
  segmenter: Segmenter,
  text: string,
  needles: readonly string[],
  tags: DocumentTags | null = null,
): Array<TaggedWord & { start: number }> {
  // A document's memo serves only the text and segmenter it was made for.
  const memo = tags && tags.text === text && tags.segmenter === segmenter ? tags : null;
  const out: Array<TaggedWord & { start: number }> = [];
  for (let from = 0; from < text.length; ) {
    const to = stretchEnd(text, from);
    const stretch = text.slice(from, to);
    if (to > from && needles.some((n) => stretch.includes(n))) out.push(...(memo ? memo.stretch(from, to) : taggedStretch(segmenter, text, from, to)));
    from = to + 1;
  }
  return out;
}

/**
 * One document's jieba tags, stretch by stretch, made when first asked for: the word boundaries at trigger words
 * (LazyWordBoundaries) and the Han place names of the context (taggedWordsWhere) ask for many of the same stretches,
 * and jieba tags each once. One per document.
 */
export class DocumentTags {
  /** Tagged words per stretch, by the stretch's start. */
  private readonly byStart = new Map<number, Array<TaggedWord & { start: number }>>();
  constructor(
    readonly text: string,
    readonly segmenter: Segmenter,
  ) {}

  /** taggedStretch of the whole stretch text[from, to) between jieba's separators. */
  stretch(from: number, to: number): Array<TaggedWord & { start: number }> {
    let got = this.byStart.get(from);
    if (!got) this.byStart.set(from, (got = taggedStretch(this.segmenter, this.text, from, to)));
    return got;
  }
}

/** Boundaries of jieba's tokens (positions between tokens, as indices into the text). */
function boundariesOf(tagged: Array<TaggedWord & { start: number }>): Set<number> {
  const cuts = new Set<number>();
  for (const { word, start } of tagged) {
    cuts.add(start);
    cuts.add(start + word.length);
  }
  return cuts;
}

/** Boundaries of jieba's tokens in text[from, to). */
function jiebaBoundaries(segmenter: Segmenter, text: string, from: number, to: number): Set<number> {
  return boundariesOf(taggedStretch(segmenter, text, from, to));
}

/** Between two characters of these classes, is there a boundary without asking jieba? (null: two Han, ask it) */
function classBoundary(prev: CharClass, cur: CharClass): boolean | null {
  if (prev === 'han' && cur === 'han') return null;
  if (prev !== cur) return true;
  return cur === 'punct'; // each punctuation character is its own token; spaces and words run on
}

/**
 * Every index in [0, text.length] where a word starts or ends. For Chinese, jieba runs once over the whole text.
 * Nothing is memoized here: a caller that asks per sentence keeps the per-document LazyWordBoundaries instead.
 */
export function wordBoundaries(text: string, lang: Lang, segmenter: Segmenter): Set<number> {
  const set = new Set<number>([0, text.length]);
  const jieba = isChineseLang(lang) && HAN.test(text) ? jiebaBoundaries(segmenter, text, 0, text.length) : null;
  let prev = text.length > 0 ? charClass(text, 0) : 'space';
  for (let p = 1; p < text.length; p++) {
    if (isLowSurrogate(text.charCodeAt(p))) continue; // inside an astral character
    const cur = charClass(text, p);
    if (classBoundary(prev, cur) ?? jieba?.has(p) ?? false) set.add(p);
    prev = cur;
  }
  return set;
}

/**
 * The same boundaries as wordBoundaries, found on demand: only a position between two Han characters needs jieba,
 * and then jieba cuts just the stretch around it (see taggedStretch). The extractor asks at trigger words, and most of
 * a page holds none. One per document: it is the memo of that document's cuts.
 */
export class LazyWordBoundaries {
  /** jieba's boundaries per stretch, by the stretch's start. */
  private readonly stretches = new Map<number, Set<number>>();
  /** The document's tags, which other readers of the same text may share (see DocumentTags). */
  readonly tags: DocumentTags;
  constructor(
    private readonly text: string,
    private readonly lang: Lang,
    segmenter: Segmenter,
  ) {
    this.tags = new DocumentTags(text, segmenter);
  }

  has(p: number): boolean {
    const { text } = this;
    if (p <= 0 || p >= text.length) return p === 0 || p === text.length;
    if (isLowSurrogate(text.charCodeAt(p))) return false; // inside an astral character
    const prev = charClass(text, isLowSurrogate(text.charCodeAt(p - 1)) && p > 1 ? p - 2 : p - 1);
    const byClass = classBoundary(prev, charClass(text, p));
    if (byClass !== null) return byClass;
    if (!isChineseLang(this.lang)) return false;
    const from = stretchStart(text, p - 1);
    let set = this.stretches.get(from);
    if (!set) {
      set = boundariesOf(this.tags.stretch(from, stretchEnd(text, p)));
      this.stretches.set(from, set);
    }
    return set.has(p);
  }
}

function isLowSurrogate(u: number): boolean {
  return u >= 0xdc00 && u <= 0xdfff;
}

/** True when text[start, end) starts and ends on word boundaries (a trigger matching a whole word). */
export function isWholeWord(boundaries: ReadonlySet<number>, start: number, end: number): boolean {
  return boundaries.has(start) && boundaries.has(end);
}

/** The words of the text (runs between boundaries that are not spaces), as spans. */
export function words(text: string, lang: Lang, segmenter: Segmenter): Sentence[] {
  const cuts = [...wordBoundaries(text, lang, segmenter)].sort((a, b) => a - b);
  const out: Sentence[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    if (!SPACE.test(text[cuts[k]])) out.push({ start: cuts[k], end: cuts[k + 1] });
  }
  return out;
}
