/**
 * Traditional → simplified Chinese with OpenCC's dictionaries, keeping the offset map exact.
 *
 * We drive opencc-js's own Trie (the same longest-prefix matcher its converters use) instead of its converter
 * function, because the converter only returns a string: a phrase rule such as 網際網路 → 互联网 changes the length,
 * and a string alone cannot say which output character came from where. Running the matcher ourselves, every
 * dictionary hit is a known source run, so unchanged characters keep their exact offsets and a replaced phrase maps
 * to exactly the run it replaced — alignment by construction rather than by guessing afterwards.
 *
 * The chain mirrors OpenCC's `tw2sp` configuration (segment by TSPhrases, then Taiwan phrases/variants → OpenCC
 * traditional, then traditional → simplified), with two deliberate departures, both found on simplified news text:
 * - Taiwan phrase rules whose source is written without any traditional character are dropped. They rewrite words
 *   that are ordinary simplified Chinese (新增 → 添加, 建立 → 创建, 文件 → 文档), which would destroy trigger words
 *   in every simplified or mixed document. Rules like 網際網路 → 互联网 or 軟體 → 软件 stay.
 * - Hong Kong variant rules run first, but only those whose source holds a character outside simplified Chinese
 *   (GB2312): the rest turn the simplified 显著 into 显着.
 * - A simplified document gets only the traditional → simplified step (see STAGES_FOR).
 * Everything is built once at module load; conversion runs at the matcher's speed, never per character.
 */
import * as OpenCC from 'opencc-js';
import type { DictLike } from 'opencc-js/core';
import { TextBuilder, TrackedText } from '../offsets.js';
import { SIMPLIFIED_HAN } from './charsets.js';

type Pair = [string, string];
export type ChineseScript = 'zh-Hans' | 'zh-Hant';

function pairsOf(dict: DictLike): Pair[] {
  if (typeof dict !== 'string') return dict.map(([k, v]) => [k, v]);
  if (dict === '') return [];
  return dict.split('|').map((line) => {
    const sp = line.indexOf(' ');
    return [line.slice(0, sp), line.slice(sp + 1)] as Pair;
  });
}

/**
 * A trie over dictionaries in priority order (the first dictionary wins, as in OpenCC), with the lowest UTF-16
 * unit any key starts with: positions below it (ASCII, digits, punctuation — most of a page) skip the lookup.
 */
interface Stage {
  trie: OpenCC.Trie;
  minStart: number;
}
function stageOf(dicts: readonly DictLike[]): Stage {
  const trie = new OpenCC.Trie();
  trie.loadDictGroup(dicts);
  let minStart = 0xffff;
  for (const d of dicts) for (const [k] of pairsOf(d)) minStart = Math.min(minStart, k.charCodeAt(0));
  return { trie, minStart };
}
function trieOf(dicts: readonly DictLike[]): OpenCC.Trie {
  return stageOf(dicts).trie;
}

// Locale presets: from.twp = [[TWPhrasesRev, TWVariantsRevPhrases, TWVariantsRev]], to.cn = [[TSPhrases, TSCharacters]].
const [twPhrasesRev, twVariantsRevPhrases, twVariantsRev] = OpenCC.Locale.from.twp[0];
const [tsPhrases, tsCharacters] = OpenCC.Locale.to.cn[0];
// from.hk = [[HKVariantsRevPhrases, HKVariantsRev]].
const [hkVariantsRevPhrases, hkVariantsRev] = OpenCC.Locale.from.hk[0];

const tsCharacterTrie = trieOf([tsCharacters]);
// from.cn = [[STPhrases, STCharacters]]: used only to recognise simplified forms (language detection).
const stCharacterTrie = trieOf([OpenCC.Locale.from.cn[0][1]]);

function changes(trie: OpenCC.Trie, c: string): boolean {
  const m = trie.matchPrefix(c, 0);
  return m !== null && m.end === c.length && m.value !== c;
}
/** A traditional form: OpenCC's t→s character table changes it (發, 們, 萬). */
export function isTraditionalForm(c: string): boolean {
  return changes(tsCharacterTrie, c);
}
/** A simplified form: OpenCC's s→t character table changes it (发, 们, 万). */
export function isSimplifiedForm(c: string): boolean {
  return changes(stCharacterTrie, c);
}

/** True when some character of `s` is a traditional form (TSCharacters turns it into something else). */
export function hasTraditionalChar(s: string): boolean {
  for (let i = 0; i < s.length; ) {
    const m = tsCharacterTrie.matchPrefix(s, i);
    if (m && m.value !== s.slice(i, m.end)) return true;
    i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  }
  return false;
}

const twPhrasesRevTraditional = pairsOf(twPhrasesRev).filter(([k]) => hasTraditionalChar(k));

/**
 * Hong Kong variants (衞, 綫, 僱 …) → OpenCC traditional, only for sources holding a character that simplified
 * Chinese never uses: HK writes 着 where OpenCC's traditional has 著, and that rule would rewrite 显著 → 显着.
 */
const hkVariantsRevForeign = [hkVariantsRevPhrases, hkVariantsRev].map((d) =>
  pairsOf(d).filter(([k]) => [...k].some((c) => /\p{Script=Han}/u.test(c) && !SIMPLIFIED_HAN.has(c))),
);

/** Segmenter and conversion stages, in order. */
const SEGMENTER = stageOf([tsPhrases]);
const TRADITIONAL_TO_SIMPLIFIED = stageOf([tsPhrases, tsCharacters]);
const STAGES_FOR: Record<ChineseScript, Stage[]> = {
  'zh-Hant': [
    stageOf(hkVariantsRevForeign),
    stageOf([twPhrasesRevTraditional, twVariantsRevPhrases, twVariantsRev]),
    TRADITIONAL_TO_SIMPLIFIED,
  ],
  // A simplified document only needs its stray traditional characters converted. The Taiwan variant step would
  // misread simplified text: Taiwan writes 著 for 着, so it turns the simplified 显著 into 显着.
  'zh-Hans': [TRADITIONAL_TO_SIMPLIFIED],
};

/**
 * Characters of a converted segment with, for each UTF-16 unit, the range [lo, hi) of the segment it came from;
 * `lo`/`hi` are null while nothing has changed (the identity map), so untouched text costs no bookkeeping.
 */
interface Converted {
  text: string;
  lo: number[] | null;
  hi: number[] | null;
}

/** One stage over one segment: dictionary hits replace their run, everything else passes through. */
function applyStage({ trie, minStart }: Stage, cur: Converted): Converted {
  const s = cur.text;
  const loOf = (j: number) => (cur.lo ? cur.lo[j] : j);
  const hiOf = (j: number) => (cur.hi ? cur.hi[j] : j + 1);
  let parts: string[] | null = null;
  let lo: number[] = [];
  let hi: number[] = [];
  let copiedTo = 0; // s[copiedTo, i) still to be copied once a change has started the output
  const copyUpTo = (end: number) => {
    if (parts === null || end <= copiedTo) return;
    parts.push(s.slice(copiedTo, end));
    for (let j = copiedTo; j < end; j++) {
      lo.push(loOf(j));
      hi.push(hiOf(j));
    }
    copiedTo = end;
  };
  for (let i = 0; i < s.length; ) {
    const m = s.charCodeAt(i) < minStart ? null : trie.matchPrefix(s, i);
    if (!m || m.value === s.slice(i, m.end)) {
      i = m ? m.end : i + ((s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    if (parts === null) {
      parts = [];
      lo = [];
      hi = [];
      copiedTo = 0;
    }
    copyUpTo(i);
    const v = m.value;
    parts.push(v);
    if (v.length === m.end - i) {
      for (let j = 0; j < v.length; j++) {
        lo.push(loOf(i + j));
        hi.push(hiOf(i + j));
      }
    } else {
      let a = Infinity;
      let b = -Infinity;
      for (let j = i; j < m.end; j++) {
        a = Math.min(a, loOf(j));
        b = Math.max(b, hiOf(j));
      }
      for (let j = 0; j < v.length; j++) {
        lo.push(a);
        hi.push(b);
      }
    }
    i = copiedTo = m.end;
  }
  if (parts === null) return cur;
  copyUpTo(s.length);
  return { text: parts.join(''), lo, hi };
}

/** Split into OpenCC segments: TSPhrases hits and the unmatched runs between them, as [start, end) pairs. */
function segments(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let runStart = -1;
  for (let i = 0; i < s.length; ) {
    const m = s.charCodeAt(i) < SEGMENTER.minStart ? null : SEGMENTER.trie.matchPrefix(s, i);
    if (m) {
      if (runStart >= 0) out.push([runStart, i]);
      runStart = -1;
      out.push([i, m.end]);
      i = m.end;
    } else {
      if (runStart < 0) runStart = i;
      i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    }
  }
  if (runStart >= 0) out.push([runStart, s.length]);
  return out;
}

const HAN = /\p{Script=Han}/u;

/**
 * Convert traditional (Taiwan, Hong Kong, mainland-traditional) Chinese to simplified, keeping the offset map.
 * `script` is the document's detected script; a traditional document gets the Taiwan phrase and variant step too.
 */
export function normalizeChinese(src: TrackedText, script: ChineseScript = 'zh-Hant'): TrackedText {
  if (!HAN.test(src.text)) return src;
  const stages = STAGES_FOR[script];
  const b = new TextBuilder(src);
  let changedAny = false;
  for (const [segStart, segEnd] of segments(src.text)) {
    const seg = src.text.slice(segStart, segEnd);
    if (!HAN.test(seg)) {
      b.copy(segStart, segEnd);
      continue;
    }
    let cur: Converted = { text: seg, lo: null, hi: null };
    for (const stage of stages) cur = applyStage(stage, cur);
    const { lo, hi } = cur;
    if (lo === null || hi === null) {
      b.copy(segStart, segEnd);
      continue;
    }
    changedAny = true;
    // Emit runs of output characters that share one source range; equal lengths map one to one.
    for (let i = 0; i < cur.text.length; ) {
      let j = i + 1;
      while (j < cur.text.length && lo[j] === lo[i] && hi[j] === hi[i]) j++;
      b.replace(segStart + lo[i], segStart + hi[i], cur.text.slice(i, j));
      i = j;
    }
  }
  return changedAny ? b.build() : src;
}

/** Plain-string form, for short strings that need no map (rule trigger words, place names). */
export function toSimplified(s: string): string {
  return normalizeChinese(TrackedText.fromOriginal(s)).text;
}
