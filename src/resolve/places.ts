/**
 * The administrative unit a figure belongs to: the place its sentence (else its paragraph) names nearest the figure,
 * else the document's subject place (the province most of its places lie in). Place names are those context.ts finds
 * (`长沙县`, `huyện Trấn Yên`) plus every province and prefecture of the gazetteer by full name or stem (`湖南`,
 * `广州`, `TP.HCM`). A name several units share (`朝阳区`, `鼓楼区`, `Phường 1`) is resolved by the other places of the
 * document — the candidate in a province the document names unambiguously — or left null, never guessed. A national
 * word (`全国`, `cả nước`) nearer the figure than any place makes it a national figure: a country, no province.
 */
import type { RuleLang } from '../types.js';
import { nearest, type Span } from '../extract/context.js';
import { gazetteer, type Country, type Place } from './gazetteer.js';

export interface PlaceVocabulary {
  /** Words that make a figure national: `全国`, `cả nước`. */
  national?: string[];
  /** Characters after a Chinese place stem that make it part of another name (`中山路`, `黄山风景区`). */
  not_after_stem?: string[];
  /** Words right before a name that make it part of another name: a street, a junction, a market (`Ngã ba Huế`). */
  not_before_name?: string[];
  /** Words that open a photo credit (`Ảnh:`): the sentence before them is a caption, whose place frames no figure. */
  caption_marks?: string[];
}

export interface ResolvedPlace extends Span {
  place: Place | null;
  /** How many units the name may stand for (more than one and `place` null: ambiguous). */
  candidates: number;
}

export interface DocPlaces {
  spans: ResolvedPlace[];
  /** The province most of the document's resolved places lie in (two thirds of them at least), or null. */
  subject: Place | null;
  /** The document's country as its places show it, when they agree. */
  country: Country | null;
  national: Span[];
}

export interface PlaceDecision {
  country: Country | null;
  province: string | null;
  provinceCode: string | null;
  admin: string | null;
  adminCode: string | null;
  /** The words that decided and where (normalized text), and whether the sentence, paragraph or document gave them. */
  how: { word: string; start: number; end: number; from: 'sentence' | 'paragraph' | 'document' | 'national' } | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The names as one alternation, tried only where a name can start: the long alternation costs at every position it
 * is tried, and most characters start no name. Sticky, so that each try is at that one position.
 */
interface NamesMatcher {
  re: RegExp;
  /** 1 at the UTF-16 codes a name starts with. */
  first: Uint8Array;
}
const nameMatchers = new Map<string, NamesMatcher>();

function namesMatcher(key: string, names: string[], latin: boolean): NamesMatcher {
  let m = nameMatchers.get(key);
  if (!m) {
    const alt = names.map(escape).join('|');
    const re = latin ? new RegExp(`(?<![\\p{L}\\p{M}])(${alt})(?![\\p{L}\\p{M}])`, 'uy') : new RegExp(`(${alt})`, 'uy');
    const first = new Uint8Array(0x10000);
    for (const n of names) first[n.charCodeAt(0)] = 1;
    m = { re, first };
    nameMatchers.set(key, m);
  }
  return m;
}

/** Gazetteer names found in the text (longest first at each position). */
function gazetteerSpans(text: string, lang: RuleLang, vocab: PlaceVocabulary): Span[] {
  const g = gazetteer();
  const out: Span[] = [];
  const names = lang === 'vi' ? g.viNames : g.zhNames;
  if (!names.length) return out;
  const { re, first } = namesMatcher(lang, names, lang === 'vi');
  const stop = vocab.not_after_stem ?? [];
  // What a global search would find: the first position where the alternation matches, then on from its end.
  for (let i = 0; i < text.length; ) {
    if (!first[text.charCodeAt(i)]) {
      i++;
      continue;
    }
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) {
      i++;
      continue;
    }
    i = m.index + m[0].length;
    const after = text.slice(i, i + 3);
    if (lang !== 'vi' && stop.some((w) => after.startsWith(w))) continue;
    out.push({ start: m.index, end: i, text: m[0] });
  }
  return out;
}

function lookup(name: string, lang: RuleLang): Place[] {
  const g = gazetteer();
  return lang === 'vi' ? g.lookupVi(name) : g.lookupZh(name);
}

/** How far into the text the subject place must be named (title and lead). */
const HEAD = 300;

const LEVEL_RANK = { province: 0, prefecture: 1, county: 2, ward: 3 } as const;

/** Resolves every place name of a document; ambiguous names by the provinces its unambiguous names lie in. */
export function resolveDocumentPlaces(
  text: string,
  lang: RuleLang,
  contextPlaces: Span[],
  vocab: PlaceVocabulary,
  countryHint: Country | null = null,
): DocPlaces {
  const all = [...contextPlaces, ...gazetteerSpans(text, lang, vocab)];
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const notBefore = (vocab.not_before_name ?? []).map((w) => w.toLowerCase());
  const partOfOther = (p: Span) => {
    const before = text.slice(Math.max(0, p.start - 12), p.start).toLowerCase().replace(/\s+$/, '');
    return notBefore.some((w) => before.endsWith(w) && !/[\p{L}\p{M}]/u.test(before[before.length - w.length - 1] ?? ''));
  };
  // A photo caption (`… tỉnh Thanh Hóa thăm một mô hình trang trại. Ảnh: TTXVN`) names the picture's place, not the
  // text's: its names frame no figure and make no subject.
  const captions = (vocab.caption_marks ?? []).map((w) => w.toLowerCase());
  const inCaption = (p: Span) => {
    if (!captions.length) return false;
    const after = text.slice(p.end, p.end + 300);
    const end = after.search(/[.。!?！？]/);
    return end >= 0 && captions.some((c) => after.slice(end + 1).trimStart().toLowerCase().startsWith(c));
  };
  const spans = all.filter((p, i) => (i === 0 || p.start >= all[i - 1].end) && !partOfOther(p) && !inCaption(p));
  const raw = spans.map((s) => {
    let cands = lookup(s.text, lang);
    if (countryHint && cands.some((c) => c.country === countryHint)) cands = cands.filter((c) => c.country === countryHint);
    return { span: s, cands };
  });
  const sure = new Set<string>();
  for (const r of raw) {
    const provs = new Set(r.cands.map((c) => c.provinceCode ?? c.province ?? c.country));
    if (provs.size === 1 && r.cands.length) sure.add([...provs][0]);
  }
  const resolved: ResolvedPlace[] = raw.map(({ span, cands }) => {
    let pool = cands;
    const provs = new Set(pool.map((c) => c.provinceCode ?? c.province ?? c.country));
    if (provs.size > 1) {
      pool = pool.filter((c) => sure.has(c.provinceCode ?? c.province ?? c.country));
      const left = new Set(pool.map((c) => c.provinceCode ?? c.province ?? c.country));
      if (left.size !== 1) return { ...span, place: null, candidates: cands.length };
    }
    // One province: the unit named by its full name, else the highest level sharing the stem.
    const exact = pool.filter((c) => c.name === span.text);
    const best = (exact.length ? exact : pool).slice().sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level])[0] ?? null;
    return { ...span, place: best, candidates: cands.length };
  });
  const counts = new Map<string, { n: number; place: Place }>();
  const countries = new Map<Country, number>();
  let total = 0;
  for (const r of resolved) {
    if (!r.place) continue;
    total++;
    countries.set(r.place.country, (countries.get(r.place.country) ?? 0) + 1);
    const key = r.place.provinceCode ?? r.place.province ?? r.place.country;
    const c = counts.get(key) ?? { n: 0, place: r.place };
    c.n++;
    if (LEVEL_RANK[r.place.level] < LEVEL_RANK[c.place.level]) c.place = r.place;
    counts.set(key, c);
  }
  let subject: Place | null = null;
  const top = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  // The subject place: most of the document's places lie in it, and the head (title, lead) names it.
  const named = (key: string) => resolved.some((r) => r.place && r.start < HEAD && (r.place.provinceCode ?? r.place.province ?? r.place.country) === key);
  const topKey = top ? [...counts.entries()].find(([, v]) => v === top)![0] : null;
  if (top && top.n * 3 >= total * 2 && top.place.province && topKey && named(topKey)) {
    subject = { ...top.place, level: 'province', name: top.place.province, code: top.place.provinceCode ? top.place.provinceCode.padEnd(6, '0') : null };
    if (top.place.country === 'VN') subject.code = top.place.provinceCode;
  }
  const topCountry = [...countries.entries()].sort((a, b) => b[1] - a[1])[0];
  const national: Span[] = [];
  const lower = text.toLowerCase();
  for (const w of vocab.national ?? []) {
    // A cue written with a capital (`Chính phủ`, `Bộ `) names a body and must match as written; others ignore case.
    const exact = w !== w.toLowerCase();
    const hay = exact ? text : lower;
    const needle = exact ? w : w.toLowerCase();
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      // `全国` right before a place name qualifies the place, it does not replace it.
      if (resolved.some((r) => r.place && r.start === at + w.length)) continue;
      national.push({ start: at, end: at + w.length, text: w });
    }
  }
  return { spans: resolved, subject, country: topCountry ? topCountry[0] : countryHint, national };
}

function decision(place: Place, how: PlaceDecision['how'], published: string | null): PlaceDecision {
  const vnAfter2025 = place.country === 'VN' && place.vnProvince2025 && published !== null && published >= '2025-07-01';
  const province = vnAfter2025 ? place.vnProvince2025!.name : place.province;
  const provinceCode = vnAfter2025 ? place.vnProvince2025!.code : place.provinceCode;
  const isProvince = place.level === 'province';
  return {
    country: place.country,
    province,
    provinceCode,
    admin: isProvince ? null : place.name,
    adminCode: isProvince ? null : place.code,
    how,
  };
}

/** Hong Kong and Macau are one province-level unit each (GB/T 2260 81, 82): their country is their province. */
const SAR: Partial<Record<Country, { name: string; code: string }>> = {
  HK: { name: '香港特别行政区', code: '81' },
  MO: { name: '澳门特别行政区', code: '82' },
};

function withSar(d: PlaceDecision): PlaceDecision {
  const sar = d.country ? SAR[d.country] : undefined;
  return sar && !d.provinceCode ? { ...d, province: sar.name, provinceCode: sar.code } : d;
}

/** The place of one figure: sentence, paragraph, national word, then the document's subject. */
export function placeForFigure(...args: Parameters<typeof placeOfFigure>): PlaceDecision {
  return withSar(placeOfFigure(...args));
}

function placeOfFigure(
  doc: DocPlaces,
  text: string,
  figure: { start: number; end: number },
  sentence: { start: number; end: number },
  paragraph: { start: number; end: number },
  published: string | null,
  fallbackCountry: Country | null,
): PlaceDecision {
  const known = doc.spans.filter((s) => s.place);
  // In the sentence a place named before the figure frames it; one named after it only when none is named before
  // and it stands in the figure's clause (`…100 tỷ đồng như HTX … Ninh Thuận` is an example, `; … tỉnh Kiên Giang`
  // another matter).
  const clauseEnd = (() => {
    const m = /[,，;；:：]/.exec(text.slice(figure.end, sentence.end));
    return m ? figure.end + m.index : sentence.end;
  })();
  const inSentence = nearest(known, sentence.start, figure.start, figure.start) ?? nearest(known, figure.end, clauseEnd, figure.start);
  const nat = nearest(doc.national, sentence.start, sentence.end, figure.start);
  const closer = (a: Span, b: Span) => Math.abs(a.start - figure.start) < Math.abs(b.start - figure.start);
  if (nat && (!inSentence || closer(nat, inSentence))) {
    return {
      country: doc.country ?? fallbackCountry, province: null, provinceCode: null, admin: null, adminCode: null,
      how: { word: nat.text, start: nat.start, end: nat.end, from: 'national' },
    };
  }
  if (inSentence) return decision(inSentence.place!, { word: inSentence.text, start: inSentence.start, end: inSentence.end, from: 'sentence' }, published);
  // In the paragraph only a place named before the figure frames it (one named after it belongs to what follows).
  const inParagraph = nearest(known, paragraph.start, figure.start, figure.start);
  if (inParagraph) return decision(inParagraph.place!, { word: inParagraph.text, start: inParagraph.start, end: inParagraph.end, from: 'paragraph' }, published);
  if (doc.subject) {
    const d = decision(doc.subject, { word: doc.subject.name, start: -1, end: -1, from: 'document' }, published);
    return { ...d, admin: null, adminCode: null };
  }
  return { country: doc.country ?? fallbackCountry, province: null, provinceCode: null, admin: null, adminCode: null, how: null };
}
