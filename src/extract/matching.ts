/**
 * Finding rule words in normalized text. Chinese has no spaces, so a Chinese trigger must start or end a jieba word
 * (`贷款` in `低息贷款` and in `贷款额度`, never inside a word); Vietnamese and English words must stand whole.
 */
import type { RuleLang } from '../types.js';
import type { Rule } from './rules.js';

export interface TriggerHit {
  rule: Rule;
  trigger: string;
  start: number;
  end: number;
  /** A head noun (`职工`, `人数`): a verb of another rule right before it says what is counted (`培训企业职工`). */
  noun: boolean;
  /** A rule's counted noun after a figure's number (`18 bác sĩ`): it speaks for that figure only (counted.ts). */
  counted?: boolean;
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;

/** What an English trigger word may take at its end: a plural, a past, a gerund, a possessive (`’s`, `s’`). */
const EN_INFLECTION = /^(?:s|es|d|ed|ing|['’]s|s['’])(?![\p{L}\p{M}\p{N}])/u;

/** LETTER.test(text[i]), ASCII by code. */
function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(text[i]);
}

/** Matches words the way a language separates them: anywhere in Chinese, as whole words in Latin scripts. */
export class WordMatcher {
  readonly latin: boolean;

  constructor(readonly lang: RuleLang) {
    this.latin = lang !== 'zh';
  }

  /** Where `w` stands in `s` from `from` on, or -1. */
  indexOf(s: string, w: string, from = 0): number {
    let i = s.indexOf(w, from);
    while (i >= 0 && this.latin && (LETTER.test(s[i - 1] ?? '') || LETTER.test(s[i + w.length] ?? ''))) i = s.indexOf(w, i + 1);
    return i;
  }

  hasAny(s: string, words: string[]): string | null {
    for (const w of words) if (this.indexOf(s, w) >= 0) return w;
    return null;
  }

  /**
   * A trigger's edges: Vietnamese syllables stand whole; English triggers may take an inflection (`loans`, `funded`,
   * `lending`, `firm's`) but not a derivation: `invest` is not found in `investor` or `investigators`, `fund` not in
   * `fundamental`, `support` not in `supporters`, `lent` not in `lentils`.
   */
  triggerEdge(text: string, start: number, end: number): boolean {
    if (LETTER.test(text[start - 1] ?? '')) return false;
    if (!LETTER.test(text[end] ?? '')) return true;
    return this.lang === 'en' && EN_INFLECTION.test(text.slice(end, end + 5));
  }
}

/** Lower-cased copy for Latin scripts (a sentence may start with `Kinh phí`), only when that keeps every index. */
export function searchableText(text: string, lang: RuleLang): string {
  if (lang === 'zh') return text;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text;
}

/** A trigger word of a rule, with its place in the rules' order (rule by rule, words then patterns). */
interface IndexedTrigger {
  rule: Rule;
  trigger: string;
  noun: boolean;
  order: number;
}

/** The trigger words of a list of rules by their first UTF-16 codes, and their patterns, in the rules' order. */
interface TriggerIndex {
  rules: Rule[];
  /** 1 at the codes that start a trigger word: the test run on every character. */
  starts: Uint8Array;
  /** Words of two code units or more by their first two (pairKey), one-unit words by their code. */
  byPair: Map<number, IndexedTrigger[]>;
  singles: Map<number, IndexedTrigger[]>;
  patterns: Array<{ rule: Rule; re: RegExp; order: number }>;
}

const pairKey = (first: number, second: number) => first * 0x10000 + second;

/** Made once per list of rules (a rule set's rules of one language), found again by its first rule. */
const indexes = new WeakMap<Rule, TriggerIndex>();

function triggerIndex(rules: Rule[]): TriggerIndex {
  const known = rules.length ? indexes.get(rules[0]) : undefined;
  if (known && known.rules.length === rules.length && known.rules.every((r, i) => r === rules[i])) return known;
  const index: TriggerIndex = { rules: [...rules], starts: new Uint8Array(0x10000), byPair: new Map(), singles: new Map(), patterns: [] };
  let order = 0;
  for (const rule of rules) {
    for (const trigger of rule.normTriggers) {
      const code = trigger.charCodeAt(0);
      const [map, key] = trigger.length > 1 ? [index.byPair, pairKey(code, trigger.charCodeAt(1))] : [index.singles, code];
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      list.push({ rule, trigger, noun: rule.normNouns.has(trigger), order: order++ });
      index.starts[code] = 1;
    }
    for (const re of rule.triggerPatterns) index.patterns.push({ rule, re, order: order++ });
  }
  if (rules.length) indexes.set(rules[0], index);
  return index;
}

/**
 * Every trigger of the rules in the text, triggers inside a longer trigger dropped (`资金` in `小贷资金`). `mayRead`,
 * when given, says where a trigger word may matter at all: one elsewhere is passed by before its word boundaries are
 * asked for (jieba's work in Chinese).
 */
export function findTriggers(
  text: string,
  rules: Rule[],
  boundaries: { has(p: number): boolean } | null,
  m: WordMatcher,
  mayRead: ((start: number, end: number) => boolean) | null = null,
): TriggerHit[] {
  // The words by their first UTF-16 codes, so that one pass over the text finds them all (a search of the whole text
  // per word costs hundreds of passes).
  const { starts, byPair, singles, patterns } = triggerIndex(rules);
  const found: Array<{ hit: TriggerHit; order: number }> = [];
  const look = (i: number, list: IndexedTrigger[] | undefined) => {
    for (const { rule, trigger, noun, order } of list ?? []) {
      if (!text.startsWith(trigger, i)) continue;
      if (mayRead && !mayRead(i, i + trigger.length)) continue;
      if (boundaries && !boundaries.has(i) && !boundaries.has(i + trigger.length)) continue;
      if (!boundaries && !m.triggerEdge(text, i, i + trigger.length)) continue;
      found.push({ hit: { rule, trigger, start: i, end: i + trigger.length, noun }, order });
    }
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!starts[code]) continue;
    // A Latin trigger starts a word (triggerEdge): inside a word, none is looked for.
    if (!boundaries && i > 0 && isLetterAt(text, i - 1)) continue;
    look(i, singles.get(code));
    // Past the text's end charCodeAt gives NaN, which keys no list.
    look(i, byPair.get(pairKey(code, text.charCodeAt(i + 1))));
  }
  for (const { rule, re, order } of patterns) {
    re.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = re.exec(text)) !== null) {
      if (!match[0]) {
        re.lastIndex++;
        continue;
      }
      found.push({ hit: { rule, trigger: match[0], start: match.index, end: match.index + match[0].length, noun: false }, order });
    }
  }
  // By start, longest first; equal spans in the rules' order (which rule's word a span is read as). So sorted, a hit
  // lies inside a longer one exactly when an earlier hit reaches as far.
  found.sort((a, b) => a.hit.start - b.hit.start || b.hit.end - a.hit.end || a.order - b.order);
  const hits = found.map((f) => f.hit);
  const kept: TriggerHit[] = [];
  let reach: TriggerHit | null = null;
  for (const h of hits) {
    if (reach && reach.end >= h.end && !(reach.start === h.start && reach.end === h.end)) continue;
    kept.push(h);
    if (!reach || h.end > reach.end) reach = h;
  }
  return kept;
}
