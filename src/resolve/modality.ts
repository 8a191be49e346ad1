/**
 * Planned or achieved, running total or not: decided by cue words before the figure (data: `resolve.modality` and
 * `resolve.cumulative` in `extractors/<lang>/_language.yaml`). The cue nearest the figure speaks, looked for in the
 * figure's clause, then in the clauses before it back to the first one that states a figure of its own
 * (`完成全年目标的85%，发放贷款3亿元`: the target belongs to the 85 %, the loan is achieved). A target word right
 * after the figure (`完成全年新增150万人目标`) makes it the target.
 */
export interface ModalityVocabulary {
  planned: string[];
  /** Words right after a figure that make it a target (`目标`, `的任务`). */
  planned_after?: string[];
  /** Words later in the sentence saying the plan came true (`这个目标提前达成`): the planned figure is achieved. */
  achieved_later?: string[];
  achieved: string[];
  /**
   * A planned cue followed directly by one of these is not a cue: a list for every planned cue, or per cue
   * (`将: ['#', 其]`: `将` + a figure is the object marker `把`, while `总投资` + a figure is a budget). `#`: a digit.
   */
  not_planned_before?: string[] | Record<string, string[]>;
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
    if (HAS_FIGURE.test(clause.replace(/\d{4}年|năm \d{4}|\d{1,2}\/\d{4}|\d{1,2}月|\d{1,2}日/g, ''))) break;
    start = j + 1;
    i = j;
  }
  return Math.max(start, sentenceStart);
}

function lastCue(text: string, from: number, to: number, words: string[], notBeforeSpec: string[] | Record<string, string[]> = []): Cue | null {
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
      const vetoed = notBefore.some((n) => (n === '#' ? /^\d/.test(after) : after.startsWith(n.toLowerCase())));
      if (wordEdge && !vetoed) break;
      at = at > 0 ? hay.lastIndexOf(lw, at - 1) : -1;
    }
    if (at < 0) continue;
    const c = { word: w, start: from + at, end: from + at + lw.length };
    if (!best || c.end > best.end || (c.end === best.end && c.start < best.start)) best = c;
  }
  return best;
}

export function decideModality(
  text: string,
  sentence: { start: number; end: number },
  figure: { start: number; end: number },
  vocab: ModalityVocabulary,
  periodInFuture = false,
): ModalityDecision {
  const after = text.slice(figure.end, Math.min(sentence.end, figure.end + 4));
  for (const w of vocab.planned_after ?? []) {
    const i = after.indexOf(w);
    if (i >= 0 && i <= 2) return { modality: 'planned', cue: { word: w, start: figure.end + i, end: figure.end + i + w.length } };
  }
  const from = cueWindowStart(text, sentence.start, figure.start);
  const planned = lastCue(text, from, figure.start, vocab.planned, vocab.not_planned_before);

  const achieved = lastCue(text, from, figure.start, vocab.achieved);
  if (planned && (!achieved || planned.end > achieved.end || (planned.end === achieved.end && planned.start < achieved.start))) {
    const later = lastCue(text, figure.end, sentence.end, vocab.achieved_later ?? []);
    if (later) return { modality: 'achieved', cue: later };
    return { modality: 'planned', cue: planned };
  }
  // A period still to come with a plan word earlier in the sentence (`未来5年，湖南将建设…，实现创汇2亿美元`): the
  // achievement words name the goal.
  if (periodInFuture && achieved) {
    const earlier = lastCue(text, sentence.start, figure.start, vocab.planned, vocab.not_planned_before);
    if (earlier) return { modality: 'planned', cue: earlier };
  }
  if (!achieved && periodInFuture) return { modality: 'planned', cue: null };
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
