/**
 * Planned or achieved, running total or not: decided by cue words before the figure (data: `resolve.modality` and
 * `resolve.cumulative` in `extractors/<lang>/_language.yaml`). The cue nearest the figure speaks, looked for in the
 * figure's clause, then in the clauses before it back to the first one that states a figure of its own
 * (`完成全年目标的85%，发放贷款3亿元`: the target belongs to the 85 %, the loan is achieved). A target word right
 * after the figure (`完成全年新增150万人目标`) makes it the target; a share of the plan after it (`hoàn thành 71% kế hoạch`)
 * makes it the result measured against the plan. A part with no cue of its own (`其中…`, `trong đó…`, a sentence opening
 * `Trong số này`) is as its whole is.
 */
export interface ModalityVocabulary {
  planned: string[];
  /** Words right after a figure that make it a target (`目标`, `的任务`). */
  planned_after?: string[];
  /**
   * Words later in the sentence — or in a clause after a `；` of it — saying the target was reached (`这个目标提前达成`,
   * `已提前完成全年目标`, `超额完成`, `đã hoàn thành vượt kế hoạch`, `về đích trước hạn`): the planned figure is achieved,
   * whatever plan word made it planned. `…` in a word: a few characters of no figure or punctuation (`提前完成…目标`:
   * `提前完成目标`, `提前完成全年目标`). Not when a figure of a later clause stands between (`计划新增1万人，1-9月新增1.2万人，
   * 超额完成`: the plan stays a plan, the later figure is what was done), nor a share of the plan (`完成全年目标的85%`). With `#`
   * (a number) they are a share of a plan right after the figure, no other figure between (`đạt 148 tỷ đồng, hoàn thành
   * 71% kế hoạch`, `…，占年计划的47%`): the figure is the result measured against the plan — achieved when the plan word
   * that made it planned is the one it is measured against (`theo kế hoạch… đạt …, hoàn thành 71% kế hoạch`), still
   * planned when a forecast made it so (`ước cả năm đạt …, bằng 105% kế hoạch`).
   */
  achieved_later?: string[];
  achieved: string[];
  /**
   * Achievement verbs a plan word before them in their clause governs (`预计全年实现销售收入5亿元`, `力争完成投资3亿元`,
   * `phấn đấu đạt được 500 tỷ đồng`): the plan is to achieve — unless an aspect word of what has happened stands between
   * (`计划已完成`) or follows (`完成了`, listed in `governed_not_before`).
   */
  governed?: string[];
  governed_not_before?: string[];
  /**
   * A planned cue followed directly by one of these is not a cue: a list for every planned cue, or per cue
   * (`将: ['#', 其]`: `将` + a figure is the object marker `把`, while `总投资` + a figure is a budget). `#`: a digit.
   */
  not_planned_before?: string[] | Record<string, string[]>;
  /**
   * Plan words that are cues only right before a figure, two words at most between (`cần 680 nhân sự`: needs; not `cần
   * duy trì gói 30.000 tỷ đồng`: should keep).
   */
  planned_near_figure?: string[];
  /**
   * A planned cue with one of these later in its clause, words but no figure between, is none (`将: [作为, 纳入]`:
   * `将创业担保贷款作为重点工作` marks the object, as `把`; `将作为…` stays the future).
   */
  not_planned_with?: Record<string, string[]>;
  /** Longer words holding a planned cue that are none (`Sở Kế hoạch và Đầu tư`: a body; `计划生育`: a policy's name). */
  not_planned?: string[];
  /**
   * Words opening the parts of a figure (`其中`, `trong đó`, `Trong số này`): a part with no cue of its own is planned or
   * achieved as the whole is — the clause before the word, or the sentence before when the word opens its sentence.
   */
  part_of?: string[];
  /**
   * Plan words a part does not take from its whole: a project's total cost is a budget, the sources paying for it are
   * arranged (`项目总投资23亿元，其中世界银行贷款1亿美元`: the loan is signed).
   */
  not_inherited?: string[];
  /**
   * Plan nouns (`目标`, `任务`, `kế hoạch`, `chỉ tiêu`) and the verbs that complete them (`完成`, `hoàn thành`, `vượt`): a
   * plan noun a completing verb takes as its object is what was done (`đã hoàn thành chỉ tiêu giải quyết việc làm cho
   * 35.000 lao động`, `已完成年度目标任务新增就业1万人`).
   */
  plan_nouns?: string[];
  completes?: string[];
  /**
   * Plan verbs that scope over the later clauses of their sentence (`预计…将成长20%，达到120亿元`), unlike plan nouns
   * (`完成全年目标的85%，发放贷款3亿元`: the target is the 85 %'s).
   */
  planned_scope?: string[];
  /**
   * Words opening a clause of purpose (`为完成全年目标任务，…发放贷款3亿元`, `Để hoàn thành kế hoạch năm, …`): a plan word in
   * such a clause names the goal served, not the figure of a later clause.
   */
  purpose?: string[];
  /** Words opening a concessive clause (`Mặc dù chuẩn bị kỹ lưỡng, nhưng …`, `虽然…`): its plan words stay in it too. */
  concessive?: string[];
  /**
   * Question words after a figure, in its clause, in a sentence that asks (`每年4000亿的投资如何筹集?`, `làm sao huy động
   * đủ 100 tỷ đồng?`): how it is to be done — planned.
   */
  question?: string[];
  /**
   * Words naming a policy whose provisions the text quotes (`出台了系列政策,如“市、县财政每年筹集300万元…”“…”`): a quoted
   * provision states what the policy will give — planned.
   */
  provision_of?: string[];
  cumulative: string[];
  /** Longer words holding a cumulative cue that are none (`近年来`: lately). */
  not_cumulative?: string[];
  /** Words of a balance at a date (`余额`, `dư nợ`): a stock, never a running total, whatever its period. */
  stock?: string[];
  /** Words of a yearly rate (`每年`, `年出口`, `hàng năm`): a figure per year, not a running total over its period. */
  rate?: string[];
}

export interface Cue {
  word: string;
  /** Offsets in the text the decision was made on (normalized text). */
  start: number;
  end: number;
}

export interface ModalityDecision {
  modality: 'achieved' | 'planned';
  cue: Cue | null;
}

export interface CumulativeDecision {
  cumulative: boolean;
  cue: Cue | null;
}

const CLAUSE_BREAK = /[,，;；:：]/;
const HAS_FIGURE = /\d/;

/** Whether a stretch of text states a figure other than a date (`2010年`, `năm 2016`, `5月`). */
function statesFigure(t: string): boolean {
  return HAS_FIGURE.test(t.replace(/\d{4}年|năm \d{4}|\d{1,2}\/\d{4}|\d{1,2}月|\d{1,2}日/g, ''));
}

/** Where the cue search starts: the figure's clause, extended back over clauses that state no figure. */
export function cueWindowStart(text: string, sentenceStart: number, figStart: number): number {
  let i = figStart - 1;
  // The figure's own clause.
  while (i >= sentenceStart && !(CLAUSE_BREAK.test(text[i]) && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')))) i--;
  let start = i + 1;
  // Earlier clauses, while they hold no figure.
  while (i >= sentenceStart) {
    let j = i - 1;
    while (j >= sentenceStart && !CLAUSE_BREAK.test(text[j])) j--;
    const clause = text.slice(j + 1, i);
    if (statesFigure(clause)) break;
    start = j + 1;
    i = j;
  }
  return Math.max(start, sentenceStart);
}

/** Whether a longer word of `words` covers text[start, end). */
function covered(text: string, start: number, end: number, words: string[]): boolean {
  return words.some((w) => {
    const lw = w.toLowerCase();
    const hay = text.slice(Math.max(0, end - lw.length), start + lw.length).toLowerCase();
    for (let at = hay.indexOf(lw); at >= 0; at = hay.indexOf(lw, at + 1)) {
      const s = Math.max(0, end - lw.length) + at;
      if (s <= start && s + lw.length >= end) return true;
    }
    return false;
  });
}

/** What makes an occurrence of a cue word none (the planned cues' vetoes of `ModalityVocabulary`). */
interface CueVetoes {
  notBefore?: string[] | Record<string, string[]>;
  notWords?: string[];
  nearFigure?: string[];
  notWith?: Record<string, string[]>;
}

function plannedVetoes(vocab: ModalityVocabulary): CueVetoes {
  return { notBefore: vocab.not_planned_before, notWords: vocab.not_planned, nearFigure: vocab.planned_near_figure, notWith: vocab.not_planned_with };
}

function lastCue(text: string, from: number, to: number, words: string[], vetoes: CueVetoes = {}): Cue | null {
  const { notBefore: notBeforeSpec = [], notWords = [], nearFigure = [], notWith = {} } = vetoes;
  let best: Cue | null = null;
  const hay = text.slice(from, to).toLowerCase();
  for (const w of words) {
    const notBefore = Array.isArray(notBeforeSpec) ? notBeforeSpec : notBeforeSpec[w] ?? [];
    const lw = w.toLowerCase();
    let at = hay.lastIndexOf(lw);
    while (at >= 0) {
      // What follows the cue in the whole text (the figure itself may follow: `将3000万元…`).
      const after = text.slice(from + at + lw.length, from + at + lw.length + 24).toLowerCase();
      const wordEdge = !/^[a-zà-ỹđ]/i.test(lw) || (!/[\p{L}]/u.test(hay[at - 1] ?? '') && !/^[\p{L}]/u.test(after));
      // The rest of the cue's clause, for a word later in it that makes the cue none (`将…作为`).
      const clause = after.split(/[,，;；:：。!！?？]/)[0];
      const vetoed =
        notBefore.some((n) => (n === '#' ? /^\d/.test(after) : after.startsWith(n.toLowerCase()))) ||
        (notWords.length > 0 && covered(text, from + at, from + at + lw.length, notWords)) ||
        (nearFigure.includes(w) && !/^\s*(?:[\p{L}]+\s+){0,2}\d/u.test(after)) ||
        (notWith[w] ?? []).some((n) => {
          const i = clause.indexOf(n.toLowerCase());
          return i >= 1 && !/\d/.test(clause.slice(0, i));
        });
      if (wordEdge && !vetoed) break;
      at = at > 0 ? hay.lastIndexOf(lw, at - 1) : -1;
    }
    if (at < 0) continue;
    const c = { word: w, start: from + at, end: from + at + lw.length };
    if (!best || c.end > best.end || (c.end === best.end && c.start < best.start)) best = c;
  }
  return best;
}

/** The last part-of word in text[from, to) (`…` in a word: a few words of no punctuation, `Trong số nhân sự này`). */
function lastPart(text: string, from: number, to: number, words: string[]): Cue | null {
  const hay = text.slice(from, to).toLowerCase();
  let best: Cue | null = null;
  for (const w of words) {
    const lw = w.toLowerCase();
    const body = lw
      .split('…')
      .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^\\d,，;；:：.。!?！？]{1,30}?');
    const latin = /^[a-zà-ỹđ]/i.test(lw);
    const re = new RegExp(latin ? `(?<![\\p{L}])${body}(?![\\p{L}])` : body, 'gu');
    for (let m = re.exec(hay); m; m = re.exec(hay)) {
      const c = { word: w, start: from + m.index, end: from + m.index + m[0].length };
      if (!best || c.start > best.start) best = c;
      re.lastIndex = m.index + 1;
    }
  }
  return best;
}

/**
 * The cue of the whole a part-of word (`part`) refers to: the clause before the word, or — when no figure precedes
 * the word in its sentence (`Trong số này, …`, `Số nhân viên này bao gồm: …`) — the whole sentence before, followed
 * back through sentences that are parts again (a few at most). A share of a plan in the whole (`完成全年目标的181%`)
 * says it is achieved.
 */
function wholeCue(text: string, sentenceStart: number, part: Cue, vocab: ModalityVocabulary, depth: number): ModalityDecision | null {
  let whole: { start: number; end: number } | null;
  let wholeSentence: number;
  if (!statesFigure(text.slice(sentenceStart, part.start))) {
    whole = previousSentence(text, sentenceStart);
    wholeSentence = whole?.start ?? 0;
  } else {
    let k = part.start;
    while (k > sentenceStart && /[\s,，;；:：]/.test(text[k - 1])) k--;
    whole = { start: cueWindowStart(text, sentenceStart, k), end: k };
    wholeSentence = sentenceStart;
  }
  if (!whole) return null;
  const planned = plannedCue(text, whole.start, whole.end, vocab);
  let achieved = lastCue(text, whole.start, whole.end, vocab.achieved);
  const share = lastShare(text, whole.start, whole.end, (vocab.achieved_later ?? []).filter((w) => w.includes('#')));
  if (share && (!achieved || share.end > achieved.end)) achieved = share;
  if (planned && (!achieved || planned.end > achieved.end)) {
    return (vocab.not_inherited ?? []).includes(planned.word) ? null : { modality: 'planned', cue: planned };
  }
  if (achieved) return { modality: 'achieved', cue: achieved };
  if (depth >= 3) return null;
  const again = lastPart(text, wholeSentence, whole.end, vocab.part_of ?? []);
  return again ? wholeCue(text, wholeSentence, again, vocab, depth + 1) : null;
}

/** `#` patterns of a share of a plan as regular expressions (`#`: a number). */
function sharePattern(p: string): RegExp {
  return new RegExp(
    p
      .toLowerCase()
      .split('#')
      .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\d+(?:[.,]\\d+)*'),
    'g',
  );
}

/** The last share of a plan in text[from, to). */
function lastShare(text: string, from: number, to: number, patterns: string[]): Cue | null {
  const hay = text.slice(from, to).toLowerCase();
  let best: Cue | null = null;
  for (const p of patterns) {
    const re = sharePattern(p);
    for (let m = re.exec(hay); m; m = re.exec(hay)) {
      if (!best || from + m.index + m[0].length > best.end) best = { word: m[0], start: from + m.index, end: from + m.index + m[0].length };
    }
  }
  return best;
}

/**
 * A share of a plan right after the figure (`#` patterns of `achieved_later`): the first one in the sentence, with no
 * other figure between, that names the plan word `planWord`.
 */
function shareOfPlan(text: string, figureEnd: number, sentenceEnd: number, patterns: string[], planWord: string): Cue | null {
  const rest = text.slice(figureEnd, sentenceEnd).toLowerCase();
  const plan = planWord.toLowerCase();
  let best: Cue | null = null;
  for (const p of patterns) {
    if (!p.includes('#') || !p.toLowerCase().includes(plan)) continue;
    const re = sharePattern(p);
    const m = re.exec(rest);
    if (!m || /\d/.test(rest.slice(0, m.index))) continue;
    if (!best || figureEnd + m.index < best.start) best = { word: m[0], start: figureEnd + m.index, end: figureEnd + m.index + m[0].length };
  }
  return best;
}

/** A word of `achieved_later` (no `#`) as a regular expression: `…` a short gap of no figure or punctuation. */
function reachedPattern(w: string): RegExp {
  const lw = w.toLowerCase();
  const latin = /^[a-zà-ỹđ]/i.test(lw);
  const body = lw
    .split('…')
    .map((x) => x.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(latin ? '(?:\\s+[^\\d\\s,，;；:：.。!?！？]+){0,3}\\s+' : '[^\\d\\s,，;；:：.。!?！？]{0,8}?');
  return new RegExp(latin ? `(?<![\\p{L}])${body}(?![\\p{L}])` : body, 'gu');
}

/** A stretch of text without its dates (`1-9月`, `9月底`, `tháng 9`, `ngày 30/9/2017`, `quý 3`), for `statesFigure`. */
function withoutDates(t: string): string {
  return t.replace(/\d{1,2}\s*[-—–~至到]\s*\d{1,2}月|(?:tháng|ngày|quý)\s*\d{1,2}(?:\/\d{1,2})?(?:\/\d{4})?|\d{1,2}\/\d{1,2}\/\d{4}/gi, '');
}

/** Where the figure's full sentence ends: clauses after a `；` of it count (`…新增就业2万人；截至9月底，这一目标已提前实现`). */
function fullSentenceEnd(text: string, end: number): number {
  let e = end;
  while (e < text.length && /[;；]/.test(text[e - 1] ?? '')) {
    const next = text.slice(e).search(/[。！？!?\n]|[;；]/);
    if (next < 0) return text.length;
    e += next + 1;
  }
  return e;
}

/**
 * A reached-target word after the figure (`achieved_later` without `#`): the first in its sentence, a `；` no end, with
 * no figure of a later clause between (that figure is what was done instead) and no share after it (`完成全年目标的85%`).
 */
function reachedLater(text: string, sentenceEnd: number, figureEnd: number, vocab: ModalityVocabulary): Cue | null {
  const end = fullSentenceEnd(text, sentenceEnd);
  const hay = text.slice(figureEnd, end).toLowerCase();
  const words = vocab.achieved_later ?? [];
  let best: Cue | null = null;
  for (const w of words) {
    if (w.includes('#')) continue;
    const re = reachedPattern(w);
    for (let m = re.exec(hay); m; m = re.exec(hay)) {
      const between = hay.slice(0, m.index);
      const brk = between.search(CLAUSE_BREAK);
      const share = /^\s*(?:的\s*)?\d/.test(hay.slice(m.index + m[0].length));
      // A plan word before it in its clause makes the reaching the goal (`力争提前完成年度目标`, `phấn đấu hoàn thành vượt
      // kế hoạch`).
      let a = figureEnd + m.index;
      while (a > figureEnd && !CLAUSE_BREAK.test(text[a - 1])) a--;
      const goal = plannedCue(text, a, figureEnd + m.index, vocab);
      if (!share && !goal && !(brk >= 0 && statesFigure(withoutDates(between.slice(brk))))) {
        if (!best || figureEnd + m.index < best.start) best = { word: w, start: figureEnd + m.index, end: figureEnd + m.index + m[0].length };
        break;
      }
      re.lastIndex = m.index + 1;
    }
  }
  return best;
}

/** The last planned cue in text[from, to), passing over those in a clause of purpose or concession that ends before `to`. */
function plannedCue(text: string, from: number, to: number, vocab: ModalityVocabulary): Cue | null {
  let end = to;
  for (;;) {
    const cue = lastCue(text, from, end, vocab.planned, plannedVetoes(vocab));
    const openers = [...(vocab.purpose ?? []), ...(vocab.concessive ?? [])];
    if (!cue || !openers.length) return cue;
    let a = cue.start;
    while (a > from && !CLAUSE_BREAK.test(text[a - 1]) && !/[。！？!?\n]/.test(text[a - 1])) a--;
    let b = cue.end;
    while (b < to && !CLAUSE_BREAK.test(text[b]) && !/[。！？!?\n]/.test(text[b])) b++;
    const opening = text.slice(a, cue.start).trimStart().toLowerCase();
    const bound = b < to && openers.some((w) => opening.startsWith(w.toLowerCase()));
    if (!bound) return cue;
    end = a;
  }
}

/**
 * The completing verb a plan noun is the object of (`hoàn thành chỉ tiêu`, `完成年度目标任务`, `vượt mức kế hoạch`): a few
 * words at most between, no figure, no clause break. Plan verbs are never objects (`完成` + `将` is no phrase).
 */
function completion(text: string, from: number, planned: Cue, vocab: ModalityVocabulary): Cue | null {
  if (!(vocab.plan_nouns ?? []).includes(planned.word)) return null;
  const verb = lastCue(text, from, planned.start, vocab.completes ?? []);
  if (!verb) return null;
  const between = text.slice(verb.end, planned.start);
  if (between.length > 8 || CLAUSE_BREAK.test(between) || /\d/.test(between)) return null;
  // In a clause of purpose the completing is the goal (`Nhằm đạt mục tiêu cho vay 900 tỷ đồng`, `为完成目标任务`).
  let a = verb.start;
  while (a > from && !CLAUSE_BREAK.test(text[a - 1])) a--;
  const opening = text.slice(a, verb.start).trimStart().toLowerCase();
  if ((vocab.purpose ?? []).some((w) => opening.startsWith(w.toLowerCase()))) return null;
  return { word: text.slice(verb.start, planned.end), start: verb.start, end: planned.end };
}

/** Whether the plan word `planned` governs the achievement verb `achieved` after it in its clause (`vocab.governed`). */
function governs(text: string, planned: Cue, achieved: Cue, vocab: ModalityVocabulary): boolean {
  if (achieved.start < planned.end || !(vocab.governed ?? []).includes(achieved.word)) return false;
  const between = text.slice(planned.end, achieved.start);
  if (between.length > 24 || CLAUSE_BREAK.test(between) || /[。！？!?]/.test(between) || statesFigure(between)) return false;
  if (lastCue(text, planned.end, achieved.start, vocab.achieved)) return false;
  const after = text.slice(achieved.end, achieved.end + 4).toLowerCase();
  return !(vocab.governed_not_before ?? []).some((w) => after.startsWith(w.toLowerCase()));
}

/** A question word after the figure in its clause, a word following it, the sentence ending in a question mark. */
function askedHow(text: string, sentence: { start: number; end: number }, figure: { start: number; end: number }, words: string[]): Cue | null {
  if (!words.length || !/[?？]\s*$/.test(text.slice(figure.end, sentence.end).replace(/[”"」』)）\s]+$/, ''))) return null;
  const rest = text.slice(figure.end, sentence.end);
  const clause = rest.search(/[,，;；:：。!！]/);
  const hay = (clause >= 0 ? rest.slice(0, clause) : rest).toLowerCase();
  for (const w of words) {
    const at = hay.indexOf(w.toLowerCase());
    if (at >= 0 && /^\s*[\p{L}]/u.test(hay.slice(at + w.length))) return { word: w, start: figure.end + at, end: figure.end + at + w.length };
  }
  return null;
}

/**
 * The policy word before the quotation the figure stands in, the quotation opening a list of quoted provisions right
 * after the word (`政策,如“…”“…”`).
 */
function quotedProvision(text: string, figStart: number, words: string[]): Cue | null {
  if (!words.length) return null;
  let open = text.lastIndexOf('“', figStart);
  if (open < 0 || text.lastIndexOf('”', figStart) > open) return null;
  // Back over the quotations before it in the list (`“…”“…”`, `“…”、“…”`).
  while (open > 0) {
    const before = text.slice(Math.max(0, open - 3), open);
    const m = /”[\s、,，]*$/.exec(before);
    if (!m) break;
    const prev = text.lastIndexOf('“', open - m[0].length);
    if (prev < 0 || open - prev > 300) break;
    open = prev;
  }
  const from = Math.max(0, open - 12);
  const lead = text.slice(from, open).replace(/[\s:：,，如例如比如]+$/, '');
  const w = words.find((x) => lead.endsWith(x));
  return w ? { word: w, start: from + lead.length - w.length, end: from + lead.length } : null;
}

/** Where the sentence before the one starting at `start` starts (sentence ends: `。！？!?`, a line end, `. `). */
function previousSentence(text: string, start: number): { start: number; end: number } | null {
  let j = start;
  while (j > 0 && /[\s。！？!?.]/.test(text[j - 1])) j--;
  if (j <= 0) return null;
  let k = j - 1;
  while (k > 0 && !/[。！？!?\n]/.test(text[k - 1]) && !(text[k - 1] === '.' && /\s/.test(text[k]))) k--;
  return { start: k, end: j };
}

export function decideModality(
  text: string,
  sentence: { start: number; end: number },
  figure: { start: number; end: number },
  vocab: ModalityVocabulary,
  periodInFuture = false,
  /** The figure's period ended before the page was published (`今年1-9月` in a page of October). */
  periodPast = false,
): ModalityDecision {
  // A plan the sentence says was reached later (`…新增百亿元，…，这个目标提前达成`) is achieved, whatever word made it one.
  const reached = () => reachedLater(text, sentence.end, figure.end, vocab);
  const plan = (cue: Cue | null): ModalityDecision => {
    const r = reached();
    return r ? { modality: 'achieved', cue: r } : { modality: 'planned', cue };
  };
  const after = text.slice(figure.end, Math.min(sentence.end, figure.end + 4));
  for (const w of vocab.planned_after ?? []) {
    const i = after.indexOf(w);
    if (i >= 0 && i <= 2) return plan({ word: w, start: figure.end + i, end: figure.end + i + w.length });
  }
  const plannedIn = (from: number, to: number) => plannedCue(text, from, to, vocab);
  const achievedIn = (from: number, to: number) => lastCue(text, from, to, vocab.achieved);
  /** The nearer of a planned and an achieved cue (a planned one wins a tie when it is the longer). */
  const plannedWins = (planned: Cue | null, achieved: Cue | null): planned is Cue =>
    !!planned && (!achieved || planned.end > achieved.end || (planned.end === achieved.end && planned.start < achieved.start));
  const from = cueWindowStart(text, sentence.start, figure.start);
  const planned = plannedIn(from, figure.start);
  let achieved = achievedIn(from, figure.start);
  if (planned && achieved && governs(text, planned, achieved, vocab)) achieved = null;
  const done = planned && plannedWins(planned, achieved) ? completion(text, from, planned, vocab) : null;
  if (done) {
    // A plan noun that is what was completed (`đã hoàn thành chỉ tiêu … cho 35.000 lao động`): achieved — unless a plan
    // word governs the completing (`phấn đấu hoàn thành chỉ tiêu…`, `确保完成年度任务…`).
    const governor = plannedIn(from, done.start);
    const between = governor ? text.slice(governor.end, done.start) : '';
    if (governor && !CLAUSE_BREAK.test(between) && !achievedIn(governor.end, done.start)) return plan(governor);
    return { modality: 'achieved', cue: done };
  }
  if (plannedWins(planned, achieved)) {
    const later = shareOfPlan(text, figure.end, sentence.end, (vocab.achieved_later ?? []).filter((w) => w.includes('#')), planned.word);
    if (later) return { modality: 'achieved', cue: later };
    return plan(planned);
  }
  if (!planned && !achieved && vocab.part_of?.length) {
    // A part with no cue of its own (`dự kiến cho vay 500 tỷ đồng, trong đó hộ nghèo 200 tỷ đồng`): as its whole.
    const part = lastPart(text, sentence.start, figure.start, vocab.part_of);
    if (part && !plannedIn(part.end, figure.start) && !achievedIn(part.end, figure.start)) {
      const whole = wholeCue(text, sentence.start, part, vocab, 0);
      if (whole?.modality === 'planned') return plan(whole.cue);
    }
  }
  // A period still to come with a plan word earlier in the sentence (`未来5年，湖南将建设…，实现创汇2亿美元`): the
  // achievement words name the goal.
  if (periodInFuture && achieved) {
    const earlier = plannedIn(sentence.start, figure.start);
    if (earlier) return plan(earlier);
  }
  if (!planned && !achieved && !periodPast && vocab.planned_scope?.length) {
    // A plan verb earlier in the sentence scopes over the clauses after it (`预计今年营收将成长20%，达到120亿元`) when no
    // achievement word stands between and the figure's period is not over (`今年将新增2万人，去年新增1.5万人`).
    const verb = lastCue(text, sentence.start, from, vocab.planned_scope, plannedVetoes(vocab));
    if (verb && !achievedIn(verb.end, figure.start) && plannedCue(text, sentence.start, from, vocab)?.start === verb.start) {
      return plan(verb);
    }
  }
  if (!planned && !achieved) {
    const asked = askedHow(text, sentence, figure, vocab.question ?? []);
    if (asked) return { modality: 'planned', cue: asked };
    const provision = quotedProvision(text, figure.start, vocab.provision_of ?? []);
    if (provision) return { modality: 'planned', cue: provision };
  }
  if (!achieved && periodInFuture) return plan(null);
  return { modality: 'achieved', cue: achieved };
}

export function decideCumulative(
  text: string,
  sentence: { start: number; end: number },
  figure: { start: number; end: number },
  vocab: ModalityVocabulary,
  periodSpansYears = false,
): CumulativeDecision {
  const from = cueWindowStart(text, sentence.start, figure.start);
  let cue = lastCue(text, from, figure.start, vocab.cumulative);
  if (cue && vocab.not_cumulative?.length) {
    const c = cue;
    const inside = vocab.not_cumulative.some((w) => {
      for (let at = text.indexOf(w, Math.max(0, c.end - w.length)); at >= 0 && at <= c.start; at = text.indexOf(w, at + 1)) {
        if (at + w.length >= c.end) return true;
      }
      return false;
    });
    if (inside) cue = null;
  }
  const stockWords = [...(vocab.stock ?? []), ...(vocab.rate ?? [])];
  const stock = stockWords.length ? lastCue(text, from, Math.min(sentence.end, figure.end + 8), stockWords) : null;
  if (stock && (!cue || stock.end > cue.end)) return { cumulative: false, cue: stock };
  if (cue) return { cumulative: true, cue };
  return { cumulative: periodSpansYears, cue: null };
}

/**
 * A word of what a period added (`新增`, `tăng thêm`: `restated.increment` of _language.yaml) in the figure's clause or
 * the figure-free clauses before it, nearest first: an increment is not the running total it adds to.
 */
export function incrementCue(text: string, sentence: { start: number; end: number }, figure: { start: number; end: number }, words: string[]): Cue | null {
  if (!words.length) return null;
  return lastCue(text, cueWindowStart(text, sentence.start, figure.start), figure.start, words);
}
