/**
 * The rule engine: the only code that interprets rules. For every money or count figure in the normalized text it
 * finds the rules whose trigger words stand near it (see choose.ts for how one is chosen), lets sentence structure
 * decide where it speaks ("respectively" lists, subsets: lists.ts), and builds the fact with its evidence, sentence,
 * period and place, all mapped back to the original text. One figure yields at most one fact. Figures inside
 * mojibake, changes, rates and per-unit amounts (vetoes.ts) yield nothing, and so do figures the candidate stage
 * (screen.ts, the data in `_not_facts.yaml`) passes over before any rule chooses a type.
 */
import type { Fact, NormDoc, PageMessage, RuleLang, Sentence } from '../types.js';
import { mojibakeSpans, ruleLangOf } from '../types.js';
import { parseQuantities } from '../quantities/index.js';
import type { Quantity } from '../quantities/types.js';
import { LazyWordBoundaries, splitSentences } from '../segment/index.js';
import { contextFor, documentContext, type ContextSpec } from './context.js';
import type { NotFactDecision, RuleSet } from './rules.js';
import { findTriggers, searchableText, WordMatcher, type TriggerHit } from './matching.js';
import { chooseRule, type Candidate, type Figure } from './choose.js';
import { changeOrRate, figureKind, perUnit, threshold } from './vetoes.js';
import { screenFigure, type PassedOver } from './screen.js';
import { isComparisonBase, isNextItem, isSubset, onlyForWhom, respectivelyLists } from './lists.js';
import { readBarePersonCounts, readCountedNouns } from './counted.js';
import { DocumentResolver, datedByRestatement, plannedByRestatement } from '../resolve/index.js';
import { incrementCue } from '../resolve/modality.js';
import type { Country } from '../resolve/gazetteer.js';
import { documentCountry, figureCurrency, type DocumentCountry } from '../resolve/country.js';

const CLAUSE_MARKS = ',，;；:：';

export interface ExtractOptions {
  /** Only these rules (by id) may produce facts; others still compete for figures, so results match a full run. */
  onlyRules?: Set<string>;
  /**
   * Audit mode (`audit stats`): for every figure, one fact from each rule that matched it — the winner first, then the
   * others by their nearest trigger — instead of the winner only. Off by default; a normal run never sets it.
   */
  allCandidates?: boolean;
  /** The page's publication date (ISO), against which periods are resolved; null or absent when unknown. */
  published?: string | null;
  /** The document's country when known (Taiwan, Hong Kong, Macau pages), for places and ROC years. */
  country?: Country | null;
  /** Called once for every money or count figure with what was decided about it (`audit explain`). */
  trace?: (t: FigureTrace) => void;
}

/** What the engine decided about one figure: passed over (and by which decision, with which words), or read by a rule. */
export interface FigureTrace {
  /** The figure (number, unit and qualifier) in normalized text. */
  start: number;
  end: number;
  text: string;
  kind: 'money' | 'count';
  passed: PassedOver | null;
  /** Every rule whose trigger could read the figure, nearest first. */
  candidates: Array<{ rule: string; trigger: string; start: number; end: number; distance: number; source: Candidate['source'] }>;
  /** The rule that read it and the trigger that decided, null when none did. */
  chosen: { rule: string; type: string; trigger: string; start: number; end: number; source: Candidate['source'] } | null;
}

const builtIn = (decision: string, description: string, words: string, start: number | null = null, end: number | null = null): PassedOver => ({
  decision,
  pattern: null,
  words,
  start,
  end,
  description,
});

function containing<T extends { start: number; end: number }>(spans: T[], at: number): T | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= at) lo = mid + 1;
    else if (spans[mid].start > at) hi = mid - 1;
    else return spans[mid];
  }
  return null;
}

function paragraphs(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (;;) {
    const i = text.indexOf('\n', start);
    const end = i < 0 ? text.length : i;
    if (end > start) out.push({ start, end });
    if (i < 0) break;
    start = i + 1;
  }
  return out;
}

/** The figure's clause: its sentence cut at commas, semicolons and colons — not those inside a number (`1,500`). */
/** Quantity units of persons, which a comparison's base may take from the figure it is compared with. */
const PERSONS = new Set(['person', 'person_time']);

function clauseOf(text: string, sentence: Sentence, figStart: number, figEnd: number): Sentence {
  const isBreak = (i: number) => CLAUSE_MARKS.includes(text[i]) && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
  let start = sentence.start;
  let end = sentence.end;
  for (let i = figStart - 1; i >= sentence.start; i--) {
    if (isBreak(i)) {
      start = i + 1;
      break;
    }
  }
  for (let i = figEnd; i < sentence.end; i++) {
    if (isBreak(i)) {
      end = i;
      break;
    }
  }
  return { start, end };
}

function originalChars(t: NormDoc['text'], original: string, start: number, end: number): string {
  let out = '';
  let lastEnd = -1;
  for (let i = start; i < end; i++) {
    const s = t.starts[i];
    const e = t.ends[i];
    if (e <= lastEnd) continue; // several normalized characters from one original run (a phrase conversion)
    if (s === e) {
      out += t.text[i]; // inserted separator (a paragraph break between HTML blocks)
      continue;
    }
    out += original.slice(Math.max(s, lastEnd), e);
    lastEnd = e;
  }
  return out;
}

const QUOTES: Array<[string, string]> = [['“', '”'], ['「', '」'], ['『', '』'], ['《', '》'], ['"', '"']];
/** Longest quotation that still reads as a name (`“万名创业能手培训行动”`, `“十三五”`) rather than reported speech. */
const NAME_QUOTE_MAX = 24;

/** text.lastIndexOf(ch, from) of a one-character `ch`, -1 when it lies before `min`. */
function lastIndexWithin(text: string, ch: string, from: number, min: number): number {
  const code = ch.charCodeAt(0);
  for (let i = Math.min(Math.max(from, 0), text.length - 1); i >= min; i--) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** text.indexOf(ch, from) of a one-character `ch`, -1 when it lies past `max`. */
function indexWithin(text: string, ch: string, from: number, max: number): number {
  const code = ch.charCodeAt(0);
  for (let i = Math.max(from, 0); i <= max && i < text.length; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** A figure inside a short quotation is part of a programme's or product's name, not a figure of its own. */
function insideShortQuote(text: string, sentence: Sentence, q: Quantity): boolean {
  for (const [open, close] of QUOTES) {
    // Both marks are looked for within the sentence only (text.lastIndexOf and indexOf would run to the text's ends).
    const o = lastIndexWithin(text, open, q.start - 1, sentence.start);
    if (o < 0) continue;
    const c = indexWithin(text, close, q.end, sentence.end);
    if (c < 0) continue;
    // The quotation must not close between its opening and the figure.
    if (open !== close && text.slice(o + 1, q.start).includes(close)) continue;
    if (open === close && (text.slice(sentence.start, o).split(open).length - 1) % 2 === 1) continue;
    if (c - o - 1 <= NAME_QUOTE_MAX) return true;
  }
  return false;
}

/** The words of the candidate stage's money outside the six types (pattern 4), gathered once per list of decisions. */
const otherMoney = new WeakMap<NotFactDecision[], string[]>();
function otherMoneyWords(decisions: NotFactDecision[]): string[] {
  let words = otherMoney.get(decisions);
  if (!words) otherMoney.set(decisions, (words = decisions.filter((d) => d.pattern === 4 && d.kinds.includes('money')).flatMap((d) => d.normWords)));
  return words;
}

/**
 * The context spec of a rule set's language, one object per language spec: context.ts compiles its patterns (the long
 * alternation of known places among them) once per spec object, so a new object per document would compile them again.
 */
const contextSpecs = new WeakMap<object, ContextSpec>();
function contextSpecOf(spec: { context: Omit<ContextSpec, 'language'> }, lang: RuleLang): ContextSpec {
  let c = contextSpecs.get(spec);
  if (!c) contextSpecs.set(spec, (c = { language: lang, ...spec.context }));
  return c;
}

/** Whether a paragraph is an item of an enumeration: a line opened by a dash or a bullet. */
function listItem(text: string, para: Sentence | null): boolean {
  return !!para && /^\s*[-–—•+*]/.test(text.slice(para.start, para.start + 4));
}

/**
 * Extracts facts from one normalized document. `original` is the decoded page the normalized text maps back to;
 * `messages` is the page's list so far: no fact comes from a span the normalize stage read as mojibake.
 */
export function extractFacts(norm: NormDoc, original: string, ruleSet: RuleSet, messages: readonly PageMessage[], opts: ExtractOptions = {}): Fact[] {
  const lang: RuleLang = ruleLangOf(norm.lang);
  const raw = norm.text.text;
  const text = searchableText(raw, lang);
  const rules = ruleSet.rules.filter((r) => r.lang === lang);
  const spec = ruleSet.languages.get(lang);
  if (!rules.length || !text) return [];
  const parsed = parseQuantities(raw, lang);
  const mojibake = mojibakeSpans(messages);
  if (opts.trace) {
    // Numbers the parser reads as words (`một học viên`, `Công ty TNHH Một thành viên`) are never figures: say so.
    for (const q of parsed) {
      if (q.kind !== 'article' && q.kind !== 'name_word') continue;
      const passed = builtIn(
        q.kind === 'article' ? 'number_word' : 'name_word',
        q.kind === 'article' ? 'the number parser reads a lone "one" before a noun as the article "a"' : 'the number parser reads a numeral inside a word, a name or a legal form',
        q.text,
        q.start,
        q.end,
      );
      opts.trace({ start: q.start, end: q.end, text: raw.slice(q.start, q.end), kind: 'count', passed: { ...passed, pattern: 2 }, candidates: [], chosen: null });
    }
  }
  const matcher = new WordMatcher(lang);
  // `18 bác sĩ`: a bare number before a rule's counted noun counts persons, and the noun speaks from inside the figure.
  const counted = readCountedNouns(raw, text, parsed, rules, lang, matcher);
  // `返乡创业人员已超过800万`: a bare 万 after a noun for people counts persons.
  const persons = spec && lang === 'zh' ? readBarePersonCounts(text, counted.quantities, spec.normPersonHeads, spec.normPersonNouns) : counted.quantities;
  const quantities = persons.filter((q) => figureKind(q, lang, text.slice(q.end, q.end + 1)) !== null);
  if (!quantities.length) return [];
  const sentences = splitSentences(raw, norm.lang);
  const paras = paragraphs(raw);
  // Word boundaries are asked for at trigger words only: jieba cuts just the stretches that hold one.
  const boundaries = lang === 'zh' ? new LazyWordBoundaries(raw, norm.lang, ruleSet.segmenter) : null;
  // A trigger speaks only for figures of its own sentence (chooseRule, the lists and the screen look no further), so a
  // trigger word wholly inside a sentence without a figure is passed by, and jieba need not cut its stretch. A figure
  // outside every sentence has the whole text for its sentence: then every trigger counts.
  const figureSentences = new Set(quantities.map((q) => containing(sentences, q.start)));
  const mayRead = figureSentences.has(null)
    ? null
    : (start: number, end: number) => {
        const s = containing(sentences, start);
        return !s || end > s.end || figureSentences.has(s);
      };
  const hits = findTriggers(text, rules, boundaries, matcher, mayRead);
  if (counted.hits.length) {
    hits.push(...counted.hits);
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  // Periods and places are looked for only once a figure has become a fact (most pages of a crawl have none).
  let ctxCache: ReturnType<typeof documentContext> | null = null;
  const ctx = () => (ctxCache ??= documentContext(raw, spec ? contextSpecOf(spec, lang) : undefined, ruleSet.segmenter, boundaries?.tags));
  // The document's country gives a bare 元 its currency (TWD in a Taiwan story); decided once, when first needed.
  let countryCache: DocumentCountry | null = null;
  const country = () => (countryCache ??= documentCountry(raw, norm.lang, { url: norm.url }, ruleSet.countries));
  // Places and ROC years use the country only where cues decided it; the resolver has its own language defaults.
  const cueCountry = (): Country | null => {
    const c = country();
    return c.by === 'cues' || c.by === 'declaration' ? (c.country as Country) : null;
  };
  const unitOf = (x: Quantity) => (x.kind === 'plain' ? figureCurrency({ ...x, unit: 'CNY' }, norm.lang, country) : figureCurrency(x, norm.lang, country));
  let resolverCache: DocumentResolver | null = null;
  const resolver = () =>
    (resolverCache ??= new DocumentResolver(raw, norm.lang, spec?.resolve, ctx().places, opts.published ?? null, opts.country ?? cueCountry(), ctx().periods));
  const sentenceFigures = (sentence: Sentence, kind: string) =>
    quantities.filter((x) => x.start >= sentence.start && x.start < sentence.end && figureKind(x, lang) === kind).map((x) => x.start);
  const choice = {
    text,
    lang,
    quantities,
    barriers: spec?.barriers ?? [],
    matcher,
    amountOf: spec?.normAmountOf ?? [],
    // The candidate stage's money outside the six types (pattern 4): an amount does not belong to a trigger past them.
    otherMoney: otherMoneyWords(ruleSet.notFacts?.get(lang) ?? []),
  };
  const listed = new Map<Sentence, Map<Quantity, TriggerHit>>();
  /**
   * Facts read so far by type, unit and value (for `restated`): the first mention, and the first of each later mention a
   * restatement of none before (a running total and an increment of equal value), with their figure, where it ends and
   * whether it is a running total or an increment.
   */
  const stated = new Map<string, Array<{ figure: string; end: number; running: Running }>>();
  /** A running total (`累计`, the resolver's `cumulative`) with no increment word, an increment (`新增`) that is none. */
  const runningOf = (cumulative: boolean, sentence: Sentence, figure: { start: number; end: number }): Running => {
    const inc = spec?.normIncrement.length ? incrementCue(text, sentence, figure, spec.normIncrement) : null;
    return cumulative && !inc ? 'total' : inc && !cumulative ? 'increment' : null;
  };
  /** Headline and caption facts without a period of their own, by type, unit and value. */
  const undated = new Map<string, Fact>();
  /** Headline facts with no plan or achievement word of their own, by type, unit and value. */
  const uncued = new Map<string, Fact>();
  const titleEnd = titleLineEnd(raw);
  const facts: Fact[] = [];
  let previous: { sentence: Sentence; kind: string; hit: TriggerHit; q: Quantity; part: boolean } | null = null;

  const notFacts = ruleSet.notFacts?.get(lang) ?? [];
  const sentenceHits = new Map<Sentence, TriggerHit[]>();
  const hitsOf = (s: Sentence) => {
    let got = sentenceHits.get(s);
    if (!got) sentenceHits.set(s, (got = hits.filter((h) => h.start >= s.start && h.end <= s.end)));
    return got;
  };

  for (const q of quantities) {
    const kind = figureKind(q, lang)!;
    const figStart = Math.min(q.start, q.qualifierStart ?? q.start);
    const figEnd = Math.max(q.end, q.qualifierEnd ?? q.end);
    const trace = opts.trace;
    const record = (passed: PassedOver | null, all: Candidate[] = [], best: Candidate | null = null) =>
      trace?.({
        start: figStart,
        end: figEnd,
        text: raw.slice(figStart, figEnd),
        kind,
        passed,
        candidates: all.map((c) => ({ rule: c.hit.rule.id, trigger: c.hit.trigger, start: c.hit.start, end: c.hit.end, distance: c.distance, source: c.source })),
        chosen: best ? { rule: best.hit.rule.id, type: best.hit.rule.type, trigger: best.hit.trigger, start: best.hit.start, end: best.hit.end, source: best.source } : null,
      });
    const flag = mojibake.find((f) => f.start < q.end && q.start < f.end);
    if (flag) {
      record(builtIn('mojibake', 'the figure stands in mis-decoded text', raw.slice(flag.start, flag.end)));
      continue; // no facts from mojibake
    }
    const unit = unitOf(q);
    if (unit === null) continue;
    const sentence = containing(sentences, q.start) ?? { start: 0, end: text.length };
    const clause = clauseOf(text, sentence, figStart, figEnd);
    let veto: PassedOver | null = null;
    let w: string | null;
    // No fact of the six types is below zero (an amount lent, paid, earned; people, firms): a negative number is a
    // change or a balance, whatever the words around it — and a sign misread from a word (`减负180亿元`) never a fact.
    if (q.value < 0 || (q.range && q.range[0] < 0)) veto = builtIn('negative', 'a negative number: no fact of the six types is below zero', raw.slice(figStart, figEnd));
    else if (spec && (w = changeOrRate(text, q, figStart, sentence, spec, lang))) veto = builtIn('change_or_rate', 'a change or a rate: `veto_before` / `veto_after` of _language.yaml', w);
    else if (spec && (w = perUnit(text.slice(clause.start, figStart), spec, matcher))) veto = builtIn('per_unit', 'a per-unit amount or a cap: `veto_clause` of _language.yaml', w);
    else if (spec && (w = threshold(text, q, spec))) veto = builtIn('threshold', 'a condition: `threshold_after` of _language.yaml', w);
    else if (insideShortQuote(text, sentence, q)) veto = builtIn('quoted_name', 'part of a name in a short quotation', raw.slice(sentence.start, sentence.end));
    const figure: Figure = { q, kind, unit, figStart, figEnd, sentence, clause };
    // A part of the figure before it: after a subset's mark (`其中…`, `trong đó có …`) or the next item of that list.
    const sameRun: boolean = !!previous && previous.sentence === sentence && previous.kind === kind && q.kind !== 'plain' && previous.hit.rule.units[unit] !== undefined;
    const partHere: boolean =
      sameRun &&
      (isSubset(text, clause.start, figStart, lang, kind) ||
        (previous!.part && isNextItem(text, Math.max(previous!.q.end, previous!.q.qualifierEnd ?? previous!.q.end), figStart, lang)));
    if (!veto && notFacts.length) veto = screenFigure(text, figure, hitsOf(sentence), notFacts, matcher, lang, partHere);
    if (veto) {
      record(veto);
      continue;
    }
    const accepts = (h: TriggerHit, x: Quantity) => {
      const k = figureKind(x, lang);
      const u = unitOf(x);
      return !!k && k === kind && q.kind !== 'plain' && h.rule.kinds.includes(k) && u !== null && u in h.rule.units;
    };
    if (!listed.has(sentence)) listed.set(sentence, respectivelyLists(text, sentence, quantities, hits, lang, accepts));
    const { best: chosen, all } = chooseRule(figure, hits, choice);
    let best: Candidate | null = chosen;
    const fromList = listed.get(sentence)!.get(q);
    let measuredAs = unit;
    if (fromList) best = { hit: fromList, distance: 0, source: 'list' };
    else if (
      partHere &&
      (!best || best.source === 'outside' || best.source === 'inside' || best.hit.noun || (best.source === 'clause' && onlyForWhom(best.hit.trigger, lang)))
    ) {
      // `（其中脱贫劳动力1930人）`: a subset counts what the figure before it counts; a head noun in it (劳动力) names
      // the part, not what is counted. The next items of its list (`、直过民族22.1万人次`) are parts too. A bare verb of
      // support (`其中扶持大学生5人40万元` after loans) says for whom the part is, not what it is.
      best = { hit: previous!.hit, distance: 0, source: 'list' };
    }
    const part: boolean = partHere && !!best && best.hit.rule.type === previous!.hit.rule.type;
    if (
      !fromList &&
      !partHere &&
      sameRun &&
      !best &&
      isComparisonBase(text, Math.max(previous!.q.end, previous!.q.qualifierEnd ?? previous!.q.end), figStart, lang)
    ) {
      // `较上学年全年的1,870人`: the base of a comparison measures what the figure before it measures, in its unit
      // (`培训人次有2,310人，较…的1,870人`: person-times both).
      best = { hit: previous!.hit, distance: 0, source: 'list' };
      const before = unitOf(previous!.q);
      if (before && before !== unit && PERSONS.has(before) && PERSONS.has(unit)) measuredAs = before;
    }
    let newMention: { figure: string; end: number; running: Running } | null = null;
    let distinct = false;
    if (best && spec?.restated && !opts.allCandidates && (kind === 'money' || q.value >= spec.restated.min_count) && !listItem(raw, containing(paras, q.start))) {
      // The same type, unit and value stated again further on (the package named again): the fact already read.
      const key = `${best.hit.rule.type}|${best.hit.rule.units[measuredAs]}|${q.value}`;
      const earlierMentions = stated.get(key);
      let later: ReturnType<DocumentResolver['resolve']> | null = null;
      const resolved = () => (later ??= resolver().resolve(q, sentence, containing(paras, q.start) ?? sentence, null, sentenceFigures(sentence, kind)));
      // A running total and an increment of equal value are two figures (`累计放款100亿元` … `今年新增放款100亿元`): the
      // mention restates only an earlier one that is not the other kind.
      const mine = earlierMentions?.some((e) => e.running !== null) ? runningOf(resolved().cumulative, sentence, q) : null;
      const first = earlierMentions?.find((e) => !opposite(e.running, mine));
      // An equal amount close behind the first is another item of a list (`获批资金600万元；…扶持600万元`), not the same
      // fact again: `min_distance` characters must lie between them. A list does not run on past a full stop: after
      // one, the same amount is the figure stated again, however near (a semicolon still joins a list's items).
      if (first !== undefined && (figStart - first.end >= (spec.restated.min_distance ?? 0) || FULL_STOP.test(raw.slice(first.end, figStart)))) {
        record(builtIn('restated', 'the same amount of the same type stated earlier in the document: `restated` of _language.yaml', first.figure));
        // Its period, if it states one, is the fact's (a headline's or a caption's figure the body dates).
        // Its plan word, if it states one, too (the first restatement speaks).
        const earlier = undated.get(key);
        const uncuedEarlier = uncued.get(key);
        if (earlier || uncuedEarlier) {
          if (earlier && datedByRestatement(earlier, resolved(), q.start)) undated.delete(key);
          if (uncuedEarlier) plannedByRestatement(uncuedEarlier, resolved());
          uncued.delete(key);
        }
        continue;
      }
      if (first === undefined) {
        // The first mention of the key, or of its other kind: what it is becomes known once it is built (below).
        newMention = { figure: raw.slice(figStart, figEnd), end: figEnd, running: null };
        if (earlierMentions) {
          distinct = true;
          earlierMentions.push(newMention);
        } else stated.set(key, [newMention]);
      }
    }
    record(null, all, best);
    if (!best) continue;
    previous = { sentence, kind, hit: best.hit, q, part };
    const paragraph = containing(paras, q.start) ?? sentence;
    if (opts.allCandidates) {
      const seen = new Set<string>([best.hit.rule.id]);
      facts.push(buildFact(norm, original, q, measuredAs, best.hit, sentence, paragraph, ctx(), resolver(), sentenceFigures(sentence, kind)));
      for (const c of all) {
        if (seen.has(c.hit.rule.id)) continue;
        seen.add(c.hit.rule.id);
        facts.push(buildFact(norm, original, q, measuredAs, c.hit, sentence, paragraph, ctx(), resolver(), sentenceFigures(sentence, kind)));
      }
      continue;
    }
    if (opts.onlyRules && !opts.onlyRules.has(best.hit.rule.id)) continue;
    const fact = buildFact(norm, original, q, measuredAs, best.hit, sentence, paragraph, ctx(), resolver(), sentenceFigures(sentence, kind));
    facts.push(fact);
    if (newMention) newMention.running = runningOf(!!fact.cumulative, sentence, q);
    // A running total and an increment of equal value are two facts: neither dates nor plans the other.
    if (distinct) continue;
    const key = `${fact.type}|${fact.unit}|${fact.value}`;
    const earlier = undated.get(key);
    // A headline's or a caption's figure the body states again (as a fact of its own, or dropped as restated above):
    // the body's period dates it.
    if (earlier && datedByRestatement(earlier, { periodStart: fact.periodStart, periodEnd: fact.periodEnd, cumulative: fact.cumulative, how: fact.resolution }, q.start)) undated.delete(key);
    const uncuedEarlier = uncued.get(key);
    if (uncuedEarlier) plannedByRestatement(uncuedEarlier, { modality: fact.modality, how: fact.resolution });
    uncued.delete(key);
    const headline = (titleEnd > 0 && figStart < titleEnd) || captionBefore(raw, sentence.end, spec?.resolve?.places?.caption_marks ?? []);
    if (headline && !fact.resolution?.period && !undated.has(key)) undated.set(key, fact);
    // A caption shows what is (`Vẫn chưa có doanh nghiệp nào vay gói 16.000 tỷ đồng. Ảnh: …`): only a title takes a plan.
    const title = titleEnd > 0 && figStart < titleEnd;
    if (title && !fact.resolution?.modality && fact.modality === 'achieved' && !uncued.has(key)) uncued.set(key, fact);
  }
  return facts;
}

/**
 * The end of the first line when it is a title (short, not a sentence of the body), else -1. A reprint's `原标题：…`
 * (the original title) at the head runs to the first space.
 */
function titleLineEnd(text: string): number {
  const original = /^\s*原[标標]题[:：][^\s]{1,80}/.exec(text);
  if (original) return original[0].length;
  const nl = text.indexOf('\n');
  return nl > 0 && nl <= 100 && !/[。！？!?]|\.\s/.test(text.slice(0, nl)) ? nl : -1;
}

/** A photo credit (`Ảnh: TTXVN`) right after the sentence: the sentence is a caption. */
function captionBefore(text: string, sentenceEnd: number, marks: string[]): boolean {
  const after = text.slice(sentenceEnd, sentenceEnd + 40).trimStart().toLowerCase();
  return marks.some((m) => after.startsWith(m.toLowerCase()));
}

function buildFact(
  norm: NormDoc,
  original: string,
  q: Quantity,
  quantityUnit: string,
  hit: TriggerHit,
  sentence: Sentence,
  paragraph: Sentence,
  ctx: ReturnType<typeof documentContext>,
  resolver: DocumentResolver,
  figuresInSentence: number[],
): Fact {
  const t = norm.text;
  const evStart = Math.min(hit.start, q.start, q.qualifierStart ?? q.start);
  const evEnd = Math.max(hit.end, q.end, q.qualifierEnd ?? q.end);
  const [start, end] = t.toOriginal(q.start, q.end);
  const [evidenceStart, evidenceEnd] = t.toOriginal(evStart, evEnd);
  const c = contextFor(ctx, q, sentence, paragraph);
  let period: string | null = null;
  if (c.period) {
    const [ps, pe] = t.toOriginal(c.period.start, c.period.end);
    period = original.slice(ps, pe);
  }
  const unit = hit.rule.units[quantityUnit];
  const r = resolver.resolve({ start: q.start, end: q.end }, sentence, paragraph, c.period, figuresInSentence);
  return {
    type: hit.rule.type,
    value: q.value,
    valueMax: q.range ? q.range[1] : null,
    unit,
    qualifier: q.qualifier,
    rule: hit.rule.id,
    ruleVersion: hit.rule.version,
    normStart: q.start,
    normEnd: q.end,
    start,
    end,
    evidenceNormStart: evStart,
    evidenceNormEnd: evEnd,
    evidenceStart,
    evidenceEnd,
    evidence: original.slice(evidenceStart, evidenceEnd),
    trigger: hit.trigger,
    sentence: originalChars(t, original, sentence.start, sentence.end).replace(/\s+/g, ' ').trim(),
    period,
    place: c.place,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    modality: r.modality,
    cumulative: r.cumulative,
    country: r.country,
    province: r.province,
    provinceCode: r.provinceCode,
    admin: r.admin,
    adminCode: r.adminCode,
    resolution: r.how,
  };
}

/** The end of a sentence proper (not a semicolon, which joins a list's items), or of a line. */
const FULL_STOP = /[。！？!?\n]/;

/** What a mention of an amount is for `restated`: a running total, an increment, or neither said. */
type Running = 'total' | 'increment' | null;

/** A running total and an increment are never one figure, even when equal. */
function opposite(a: Running, b: Running): boolean {
  return (a === 'total' && b === 'increment') || (a === 'increment' && b === 'total');
}
