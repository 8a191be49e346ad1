/**
 * The document's country: a fact about the whole document, decided once from cue words that are data
 * (`extractors/countries.yaml`: currencies named, the ROC calendar, government bodies, counties and provinces, the
 * URL's country domain). The extractor uses it for the currency of every money figure that does not name its own
 * (a bare 元 in a Taiwan story is TWD); the period/place resolution uses it for a fact's country. The decision keeps
 * its evidence — the cue words with their offsets — so `audit explain` can show why a figure got its currency.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lazyValidator } from '../schema.js';
import { loadYamlCached } from '../extract/yaml-cache.js';
import { packageRoot } from '../paths.js';
import { normalizeQuery } from '../normalize/normalize.js';
import type { Quantity } from '../quantities/types.js';
import type { Lang } from '../types.js';

/** ISO 3166-1 alpha-2 code (CN, TW, HK, MO, VN, …). */
export type CountryCode = string;

export const COUNTRY_FILE = 'countries.yaml';

interface CueSpec {
  country: CountryCode;
  weight?: number;
  decisive?: boolean;
  words?: string[];
  patterns?: string[];
  url_patterns?: string[];
  note?: string;
}

interface CountryFile {
  min_score: number;
  margin: number;
  defaults: Partial<Record<Lang, CountryCode | null>>;
  currencies: Record<CountryCode, string>;
  cues: CueSpec[];
  examples: Array<{ text: string; lang: Lang; country: CountryCode | null; url?: string }>;
}

/** The cue file, compiled: words in normalized form, patterns as regular expressions. Plain data (crosses to workers). */
export interface CountrySpec extends CountryFile {
  compiled: Array<{ country: CountryCode; weight: number; decisive: boolean; words: string[]; patterns: RegExp[]; urlPatterns: RegExp[]; note: string | null }>;
}

export interface CountryCue {
  /** The cue as it stands in the text (normalized form), or the URL for a domain cue. */
  word: string;
  country: CountryCode;
  weight: number;
  decisive: boolean;
  /** Offsets into the text given to documentCountry; null for a cue found in the URL. */
  start: number | null;
  end: number | null;
}

export interface DocumentCountry {
  /** null when no cue decides and the language has no default (traditional Chinese without cues). */
  country: CountryCode | null;
  /** How it was decided. */
  by: 'declaration' | 'cues' | 'language' | 'none';
  /** The currency a figure without its own currency word is in (`元` in a Taiwan story → TWD); null when undecided. */
  currency: string | null;
  /** The decisive words: the winning country's cues, strongest first (every cue when the decision fell to the language). */
  evidence: CountryCue[];
  /** Score per country, for audit. */
  scores: Record<CountryCode, number>;
}

const CUE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['country'],
  properties: {
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    weight: { type: 'number', minimum: 0 },
    decisive: { type: 'boolean' },
    words: { type: 'array', items: { type: 'string', minLength: 1 } },
    patterns: { type: 'array', items: { type: 'string', minLength: 1 } },
    url_patterns: { type: 'array', items: { type: 'string', minLength: 1 } },
    note: { type: 'string' },
  },
  anyOf: [{ required: ['words'] }, { required: ['patterns'] }, { required: ['url_patterns'] }],
};

export const COUNTRY_FILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['min_score', 'margin', 'defaults', 'currencies', 'cues', 'examples'],
  properties: {
    min_score: { type: 'number', minimum: 0 },
    margin: { type: 'number', minimum: 1 },
    defaults: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(['zh-Hans', 'zh-Hant', 'vi', 'en'].map((l) => [l, { type: ['string', 'null'] }])),
    },
    currencies: { type: 'object', additionalProperties: { type: 'string', pattern: '^[A-Z]{3}$' } },
    cues: { type: 'array', minItems: 1, items: CUE_SCHEMA },
    examples: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'lang', 'country'],
        properties: {
          text: { type: 'string' },
          lang: { enum: ['zh-Hans', 'zh-Hant', 'vi', 'en'] },
          country: { type: ['string', 'null'] },
          url: { type: 'string' },
        },
      },
    },
  },
};

const validate = lazyValidator(COUNTRY_FILE_SCHEMA);

/** Validates and compiles a parsed countries.yaml; throws naming the file and what is wrong. */
export function compileCountrySpec(doc: unknown, file: string): CountrySpec {
  if (!validate(doc)) {
    const why = (validate.errors ?? []).map((e) => `${e.instancePath || '(file)'} ${e.message}`).join('; ');
    throw new Error(`${file}: ${why}`);
  }
  const spec = doc as CountryFile;
  const regex = (p: string, flags: string) => {
    try {
      return new RegExp(p, flags);
    } catch (err: any) {
      throw new Error(`${file}: bad pattern ${JSON.stringify(p)}: ${err.message}`);
    }
  };
  const compiled = spec.cues.map((c) => ({
    country: c.country,
    weight: c.weight ?? 0,
    decisive: c.decisive ?? false,
    words: [...new Set((c.words ?? []).map((w) => normalizeQuery(w)))],
    patterns: (c.patterns ?? []).map((p) => regex(p, 'gu')),
    urlPatterns: (c.url_patterns ?? []).map((p) => regex(p, 'iu')),
    note: c.note ?? null,
  }));
  return { ...spec, compiled };
}

const specs = new Map<string, CountrySpec>();

/** Loads the package's (or a given folder's) countries.yaml. Cached per file. */
export function loadCountrySpec(dir: string = path.join(packageRoot(), 'extractors')): CountrySpec {
  const file = path.join(dir, COUNTRY_FILE);
  let spec = specs.get(file);
  if (!spec) {
    const rel = path.relative(process.cwd(), file) || file;
    spec = compileCountrySpec(loadYamlCached(readFileSync(file, 'utf8'), rel), rel);
    specs.set(file, spec);
  }
  return spec;
}

const LATIN = /[A-Za-z]/;

/** A cue word, with the index of its cue and its place in the file's order (cue by cue, word by word). */
interface IndexedCue {
  cue: number;
  word: string;
  latin: boolean;
  seq: number;
}

/**
 * The cue words of a spec by their first UTF-16 code, with a table of those codes (tested at every character), made
 * once per spec: one pass over a text finds them all.
 */
const wordIndexes = new WeakMap<CountrySpec['compiled'], { starts: Uint8Array; byFirst: Map<number, IndexedCue[]> }>();

function wordIndex(compiled: CountrySpec['compiled']): { starts: Uint8Array; byFirst: Map<number, IndexedCue[]> } {
  let index = wordIndexes.get(compiled);
  if (!index) {
    const starts = new Uint8Array(0x10000);
    const byFirst = new Map<number, IndexedCue[]>();
    let seq = 0;
    compiled.forEach((c, cue) => {
      for (const word of c.words) {
        const code = word.charCodeAt(0);
        let list = byFirst.get(code);
        if (!list) byFirst.set(code, (list = []));
        list.push({ cue, word, latin: LATIN.test(word), seq: seq++ });
        starts[code] = 1;
      }
    });
    wordIndexes.set(compiled, (index = { starts, byFirst }));
  }
  return index;
}

/** Every occurrence of every cue word, in cue order, then word order, then position (as a search word by word). */
function wordHits(text: string, compiled: CountrySpec['compiled']): Array<{ cue: number; word: string; start: number }> {
  const { starts, byFirst } = wordIndex(compiled);
  const found: Array<{ cue: number; word: string; start: number; seq: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!starts[code]) continue;
    const list = byFirst.get(code)!;
    for (const { cue, word, latin, seq } of list) {
      if (!text.startsWith(word, i)) continue;
      // A Latin cue (RMB, NT$, MOP) must stand as a word of its own, not inside another (`MOPED`).
      if (latin && (LATIN.test(text[i - 1] ?? '') || LATIN.test(text[i + word.length] ?? ''))) continue;
      found.push({ cue, word, start: i, seq });
    }
  }
  return found.sort((a, b) => a.seq - b.seq || a.start - b.start);
}

/**
 * Decides the document's country from its normalized text (NormDoc.text.text: simplified, half-width) and, when
 * known, its URL. Offsets of the evidence are into `text`.
 */
export function documentCountry(
  text: string,
  lang: Lang,
  meta: { url?: string | null } | null = null,
  spec: CountrySpec = loadCountrySpec(),
): DocumentCountry {
  type Hit = CountryCue & { order: number };
  const hits: Hit[] = [];
  // The cue words, found in one pass, by cue.
  const words = spec.compiled.map((): Array<{ word: string; start: number }> => []);
  for (const h of wordHits(text, spec.compiled)) words[h.cue].push(h);
  spec.compiled.forEach((c, order) => {
    const add = (word: string, start: number | null, end: number | null) =>
      hits.push({ word, country: c.country, weight: c.weight, decisive: c.decisive, start, end, order });
    for (const { word, start } of words[order]) add(word, start, start + word.length);
    for (const re of c.patterns) for (const m of text.matchAll(re)) add(m[0], m.index!, m.index! + m[0].length);
    if (meta?.url) for (const re of c.urlPatterns) if (re.test(meta.url)) add(meta.url, null, null);
  });
  // A cue inside a longer cue of the same country counts once (台北 in 台北市, 台币 in 新台币, 澳门 in 澳门特区).
  hits.sort((a, b) => (a.start ?? -1) - (b.start ?? -1) || (b.end ?? 0) - (a.end ?? 0));
  const kept: Hit[] = [];
  for (const h of hits) {
    const inside = h.start !== null && kept.some((k) => k.country === h.country && k.start !== null && k.start <= h.start! && h.end! <= k.end! && k !== h);
    if (!inside) kept.push(h);
  }
  // Each distinct cue counts once: breadth of evidence decides, not one name repeated.
  const distinct = new Map<string, Hit>();
  for (const h of kept) {
    const key = h.country + '\u0000' + h.word;
    if (!distinct.has(key)) distinct.set(key, h);
  }
  const cues = [...distinct.values()];
  const scores: Record<CountryCode, number> = {};
  for (const h of cues) scores[h.country] = (scores[h.country] ?? 0) + h.weight;
  const strongestFirst = (xs: Hit[]): CountryCue[] =>
    xs
      .slice()
      .sort((a, b) => Number(b.decisive) - Number(a.decisive) || b.weight - a.weight || (a.start ?? -1) - (b.start ?? -1))
      .map(({ order: _order, ...c }) => c);
  const result = (country: CountryCode | null, by: DocumentCountry['by'], evidence: Hit[]): DocumentCountry => ({
    country,
    by,
    currency: country ? spec.currencies[country] ?? null : null,
    evidence: strongestFirst(evidence),
    scores,
  });

  const declaration = cues.filter((h) => h.decisive).sort((a, b) => (a.start ?? -1) - (b.start ?? -1))[0];
  if (declaration) return result(declaration.country, 'declaration', cues.filter((h) => h.country === declaration.country));
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best && best[1] >= spec.min_score && best[1] >= (second?.[1] ?? 0) * spec.margin && best[1] > (second?.[1] ?? 0)) {
    return result(best[0], 'cues', cues.filter((h) => h.country === best[0]));
  }
  const fallback = spec.defaults[lang] ?? null;
  return result(fallback, fallback ? 'language' : 'none', cues);
}

const NAMED_YUAN = /人民币|人民幣|RMB|rmb|[¥￥]/;

/**
 * The currency of a money figure in a document: the figure's own currency word when it names one, else the
 * document's. Only Chinese `元` (and `块`, `万元`, …) is ambiguous between the yuan, the New Taiwan dollar, the Hong
 * Kong dollar and the pataca; the number parser reads it as CNY, so a CNY figure that does not say 人民币 takes the
 * document's currency. `country` is asked only for such figures (most pages need no decision).
 */
export function figureCurrency(q: Pick<Quantity, 'unit' | 'text' | 'unitText'>, lang: Lang, country: () => DocumentCountry): string | null {
  if (q.unit !== 'CNY' || (lang !== 'zh-Hans' && lang !== 'zh-Hant')) return q.unit;
  if (NAMED_YUAN.test(q.text) || NAMED_YUAN.test(q.unitText ?? '')) return 'CNY';
  return country().currency ?? 'CNY';
}
