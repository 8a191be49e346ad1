/**
 * The context of a fact: the period and the place its sentence (or, failing that, its paragraph or document) states.
 * The patterns are data (`context.periods` and `context.places` of `extractors/<lang>/_language.yaml`); this module only decides which match belongs to a figure:
 * the nearest one before the figure in its sentence, then the nearest in its paragraph, then (place only) the document's
 * most frequent place.
 */
import { taggedWordsWhere, type DocumentTags, type Segmenter } from '../segment/index.js';
import type { RuleLang } from '../types.js';
import { normalizeQuery } from '../normalize/normalize.js';

export interface ContextSpec {
  language: RuleLang;
  /** Regular expressions (source text) for periods as written: `截至今年9月末`, `năm 2006`. */
  periods: string[];
  /** Regular expressions for places; the first capture group, when present, is the place name. */
  places: string[];
  /** Han place names must end with one of these (`省`, `市`, `县`) when found by word tagging (zh only). */
  place_suffixes?: string[];
  /** Words that look like places but are not (`全市`, `开发区`). */
  not_places?: string[];
  /** Place names known without a suffix (provinces of Viet Nam, …). */
  known_places?: string[];
  /** A period right after one of these is a comparison (`较2013年增加`, `so với năm 2015`), not the figure's period. */
  not_period_after?: string[];
  /**
   * …unless one of these follows the period and then a figure: the figure is the compared value, and the period its
   * own (`较102学年度的5万1932名教师`: the teachers of school year 102).
   */
  compared_value_after?: string[];
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface DocContext {
  periods: Span[];
  places: Span[];
  /** The document's most frequent place, used when neither sentence nor paragraph states one. */
  mainPlace: string | null;
}

function compileAll(sources: string[], flags: string): RegExp[] {
  return sources.map((s) => new RegExp(s, flags));
}

const compiled = new WeakMap<ContextSpec, { periods: RegExp[]; places: RegExp[]; notPlaces: Set<string>; known: RegExp | null }>();

function compiledFor(spec: ContextSpec) {
  let c = compiled.get(spec);
  if (!c) {
    const known = (spec.known_places ?? []).slice().sort((a, b) => b.length - a.length);
    c = {
      periods: compileAll(spec.periods, 'gu'),
      places: compileAll(spec.places, 'gu'),
      notPlaces: new Set((spec.not_places ?? []).map(normalizeQuery)),
      known: known.length
        ? new RegExp('(?<![\\p{L}])(' + known.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + ')(?![\\p{L}])', 'gu')
        : null,
    };
    compiled.set(spec, c);
  }
  return c;
}

function findAll(text: string, res: RegExp[], group: boolean): Span[] {
  const out: Span[] = [];
  for (const re of res) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (group && m[1] !== undefined && m.indices === undefined) {
        const off = m[0].indexOf(m[1]);
        out.push({ start: m.index + off, end: m.index + off + m[1].length, text: m[1] });
      } else {
        out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
      }
    }
  }
  // Longest first at equal start, then drop spans inside another.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const s of out) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) continue;
    kept.push(s);
  }
  return kept;
}

/**
 * Han place names by word tagging: jieba's `ns` words with an administrative suffix, or a name followed by one.
 * Every such name holds a suffix, so only the stretches holding one are tagged.
 */
function hanPlaces(text: string, spec: ContextSpec, notPlaces: Set<string>, segmenter: Segmenter, tags: DocumentTags | null): Span[] {
  const suffixes = spec.place_suffixes ?? [];
  if (!suffixes.length) return [];
  const out: Span[] = [];
  const tagged = taggedWordsWhere(segmenter, text, suffixes, tags);
  for (let i = 0; i < tagged.length; i++) {
    const { word, tag, start } = tagged[i];
    let name: string | null = null;
    let end = start + word.length;
    const next = tagged[i + 1];
    if (
      next &&
      next.start === end &&
      suffixes.includes(next.word) &&
      /^(ns|nz|nr|nrt|j)$/.test(tag) &&
      word.length >= 2 &&
      /^\p{Script=Han}+$/u.test(word)
    ) {
      name = word + next.word;
      end += next.word.length;
    } else if (tag === 'ns' && word.length >= 3 && suffixes.some((s) => word.endsWith(s))) {
      name = word;
    }
    if (name && !notPlaces.has(name)) out.push({ start, end, text: name });
  }
  return out;
}

/** `tags`: the document's jieba tags, when another reader of the text has them (the extractor's word boundaries). */
export function documentContext(text: string, spec: ContextSpec | undefined, segmenter: Segmenter, tags: DocumentTags | null = null): DocContext {
  if (!spec) return { periods: [], places: [], mainPlace: null };
  const c = compiledFor(spec);
  const notAfter = spec.not_period_after ?? [];
  const valueAfter = spec.compared_value_after ?? [];
  const periods = findAll(text, c.periods, false).filter((p) => {
    const before = text.slice(Math.max(0, p.start - 8), p.start).toLowerCase().trimEnd();
    if (!notAfter.some((w) => before.endsWith(w.toLowerCase()))) return true;
    const after = text.slice(p.end, p.end + 8).toLowerCase().trimStart();
    return valueAfter.some((w) => after.startsWith(w.toLowerCase()) && /^\s*[\d一二两三四五六七八九十百千万]/.test(after.slice(w.length)));
  });
  let places = findAll(text, c.places, true).filter((p) => !c.notPlaces.has(p.text));
  if (c.known) places.push(...findAll(text, [c.known], true));
  places.push(...hanPlaces(text, spec, c.notPlaces, segmenter, tags));
  places.sort((a, b) => a.start - b.start || b.end - a.end);
  places = places.filter((p, i) => i === 0 || p.start >= places[i - 1].end);
  const counts = new Map<string, number>();
  for (const p of places) counts.set(p.text, (counts.get(p.text) ?? 0) + 1);
  let mainPlace: string | null = null;
  let best = 0;
  for (const [name, n] of counts) {
    // Longer names win ties: `乐山市` over `乐山`.
    if (n > best || (n === best && mainPlace && name.length > mainPlace.length)) {
      best = n;
      mainPlace = name;
    }
  }
  // A place named once in passing (`茌平县菜屯镇` in a visit report) is not what the whole document is about.
  return { periods, places, mainPlace: best >= 2 ? mainPlace : null };
}

/** The span nearest before `at` within [from, to), else the first after `at` within it. */
export function nearest<T extends Span>(spans: T[], from: number, to: number, at: number): T | null {
  let before: T | null = null;
  let after: T | null = null;
  for (const s of spans) {
    if (s.start < from || s.end > to) continue;
    if (s.end <= at) before = s;
    else if (!after && s.start >= at) after = s;
  }
  return before ?? after;
}

export interface FigureContext {
  period: Span | null;
  place: string | null;
}

export function contextFor(
  ctx: DocContext,
  figure: { start: number; end: number },
  sentence: { start: number; end: number },
  paragraph: { start: number; end: number },
): FigureContext {
  const period = nearest(ctx.periods, sentence.start, sentence.end, figure.start) ?? nearest(ctx.periods, paragraph.start, figure.start, figure.start);
  const place =
    nearest(ctx.places, sentence.start, sentence.end, figure.start) ??
    nearest(ctx.places, paragraph.start, paragraph.end, figure.start);
  return { period, place: place ? place.text : ctx.mainPlace };
}
