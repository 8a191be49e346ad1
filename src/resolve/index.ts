/**
 * The resolve stages, composed for one document: every fact gets its interval (period_start / period_end), modality,
 * running-total flag and place (country, province, province code, admin unit, admin code), each with the words that
 * decided it and their offsets in normalized text, so `audit explain` can show how.
 */
import type { Fact, Lang, RuleLang } from '../types.js';
import { ruleLangOf } from '../types.js';
import { splitSentences } from '../segment/index.js';
import { nearest, type Span } from '../extract/context.js';
import type { ResolveSpec } from '../extract/rules.js';
import { resolvePeriod, yearOfListPosition, type PeriodResolution } from './period.js';
import { decideCumulative, decideModality, type Cue } from './modality.js';
import { placeForFigure, resolveDocumentPlaces, type DocPlaces, type PlaceDecision } from './places.js';
import type { Country } from './gazetteer.js';

export { resolvePublished, type Published } from './published.js';

/** A fact's resolved fields (as `Fact` carries them) and how each was decided. */
export type Resolution = Pick<
  Fact,
  'periodStart' | 'periodEnd' | 'modality' | 'cumulative' | 'country' | 'province' | 'provinceCode' | 'admin' | 'adminCode'
> & { how: ResolutionHow };

export interface ResolutionHow {
  /** `restated`: the period of the same figure stated again further on (a headline's figure the body dates). */
  period: { phrase: string; start: number; end: number; words: string[]; listYear?: number; fromLead?: boolean; restated?: boolean } | null;
  modality: Cue | null;
  cumulative: Cue | null;
  place: PlaceDecision['how'];
}

/**
 * A fact with no period of its own (a headline's, a caption's figure) takes the period of the same figure stated again
 * further on, when that mention states one of its own (`75 doanh nghiệp đã được vay vốn…` in the title, `Tính đến ngày
 * 27/11/2020, … đã cho 75 doanh nghiệp vay vốn` in the body; `laterAt`: where that mention's figure starts). Returns
 * whether it did.
 */
export function datedByRestatement(
  fact: Fact,
  later: Pick<Resolution, 'periodStart' | 'periodEnd' | 'cumulative'> & { how: ResolutionHow | null },
  laterAt: number,
): boolean {
  const p = later.how?.period;
  // Only a period the restatement opens with: one after it (`…贷款1亿美元，将在2015年年底完成`) more often dates another verb.
  if (!p || p.fromLead || p.restated || p.start >= laterAt) return false;
  fact.periodStart = later.periodStart;
  fact.periodEnd = later.periodEnd;
  fact.cumulative = fact.cumulative || later.cumulative;
  if (fact.resolution) fact.resolution = { ...fact.resolution, period: { ...p, restated: true }, cumulative: fact.resolution.cumulative ?? later.how!.cumulative };
  return true;
}

/**
 * A headline's or a caption's figure with no plan or achievement word of its own (`黄山市投资6.2亿元建设…`) is planned
 * when the first restatement of it further on is (`2010年计划投资6.2亿元…`). Returns whether it changed.
 */
export function plannedByRestatement(fact: Fact, later: Pick<Resolution, 'modality'> & { how: ResolutionHow | null }): boolean {
  if (fact.modality !== 'achieved' || fact.resolution?.modality || later.modality !== 'planned') return false;
  fact.modality = 'planned';
  if (fact.resolution) fact.resolution = { ...fact.resolution, modality: later.how?.modality ?? null };
  return true;
}

/** How far into the text the lead's period may stand. */
const LEAD = 150;

const LIST_MARKERS = ['分别为', '分别是', '分别达到', '分别', '依次为', 'lần lượt là', 'lần lượt đạt', 'lần lượt'];

/** The country a document's language suggests when its places say nothing. Traditional Chinese is not one place. */
function languageCountry(lang: Lang): Country | null {
  return lang === 'vi' ? 'VN' : lang === 'zh-Hans' ? 'CN' : null;
}

export class DocumentResolver {
  private readonly lang: RuleLang;
  private places: DocPlaces | null = null;

  constructor(
    private readonly text: string,
    private readonly docLang: Lang,
    private readonly spec: ResolveSpec | undefined,
    private readonly contextPlaces: Span[],
    readonly published: string | null,
    private readonly country: Country | null = null,
    contextPeriods: Span[] = [],
  ) {
    this.lang = ruleLangOf(docLang);
    this.periods = [...contextPeriods].sort((a, b) => a.start - b.start);
    // The lead's year (`2017年，湖南省石门县…`) frames the figures after it that state no period of their own — a year
    // that opens its sentence (after a source at most: `Ngân hàng … cho biết, đến ngày 30/6/2017, …`), not one inside a
    // clause (`其中，2010年计划投资…`) nor a title's award year (`Nông dân xuất sắc năm 2016`).
    this.lead = this.periods.find((p) => p.start < LEAD && /\d{4}/.test(p.text) && !/[-—–~至到]\s*\d{4}|以来|đến nay/.test(p.text) && this.opensSentence(p)) ?? null;
  }

  private sentenceList: Array<{ start: number; end: number }> | null = null;

  /**
   * Where the sentence holding `at` starts: the extraction's sentences for Vietnamese (`TP. Hà Nội` is no sentence
   * end), a `。！？` or a line break for Chinese (a `；` does not end it).
   */
  private sentenceStartOf(at: number): number {
    if (this.lang === 'vi') {
      this.sentenceList ??= splitSentences(this.text, this.docLang);
      const s = this.sentenceList.find((x) => x.start <= at && at < x.end) ?? this.sentenceList.find((x) => x.start >= at);
      if (s) return Math.min(s.start, at);
    }
    let i = at - 1;
    for (; i >= 0; i--) {
      const c = this.text[i];
      if (/[。！？!?\n]/.test(c)) break;
      if (c === '.' && /\s/.test(this.text[i + 1] ?? '') && !/\d/.test(this.text[i - 1] ?? '')) break;
    }
    return i + 1;
  }

  /**
   * A period that opens its sentence: nothing before it, or only a source clause without a figure ending in a comma
   * (`据统计，截至6月底，…`, `Theo Bộ LĐ-TBXH, tính đến ngày 27/7/2020, …`; a day of the dateline does not count).
   */
  private opensSentence(p: Span): boolean {
    const head = this.text.slice(this.sentenceStartOf(p.start), p.start);
    if (!head.trim()) return true;
    const bare = head.replace(/\d{4}年|\d{1,2}月|\d{1,2}日|ngày\s*\d{1,2}(?:\/\d{1,2})?/gi, '');
    return !/\d/.test(bare) && /[,，:：]\s*$/.test(head);
  }

  private readonly lead: Span | null;

  private docPlaces(): DocPlaces {
    return (this.places ??= resolveDocumentPlaces(
      this.text,
      this.lang,
      this.contextPlaces,
      this.spec?.places ?? {},
      this.country ?? languageCountry(this.docLang),
    ));
  }

  /**
   * `实施返乡创业行动以来,咸宁今年新增…`: a "since" word followed by a period of its own before the figure dates the
   * figure by that period — not a running total.
   */
  /**
   * Words of "until" only (`截至`, `tính đến`): not `到`/`đến`/`tới` alone, which also open targets (`到2020年`), nor the
   * end of a year (`cuối năm 2016`: a time, not a cut-off).
   */
  private untilWords(): string[] {
    const lower = (t: string) => t.toLowerCase();
    const yearEnd = (this.spec!.period.year_end ?? []).map(lower);
    return (this.spec!.period.until ?? []).filter(
      (w) => (this.lang === 'vi' ? /\s/.test(w.trim()) : [...w].length >= 2) && !yearEnd.some((e) => lower(w).startsWith(e) || e.startsWith(lower(w))),
    );
  }

  private adjustCumulative(
    c: { cumulative: boolean; cue: Cue | null },
    figure: { start: number; end: number },
    sentence: { start: number; end: number },
    period: Span | null,
    p: PeriodResolution | null,
  ): { cumulative: boolean; cue: Cue | null } {
    const spec = this.spec!;
    const since = spec.period.since_after ?? [];
    if (c.cue && since.includes(c.cue.word) && period && period.start >= c.cue.end && period.end <= figure.start && !p?.spansYears) {
      return { cumulative: false, cue: null };
    }
    // `截止2010年4月20日，全省累计销售…246.15万台，销售额达110.14亿元`: in a sentence an until-period opens, a running-total
    // word scopes over the figures after it (a stock or a rate word of the figure's own still decides: c.cue).
    if (!c.cumulative && !c.cue) {
      // The figure's part of the sentence: a `；` ends the scope.
      const head = this.text.slice(sentence.start, figure.start);
      const partStart = sentence.start + Math.max(head.lastIndexOf(';'), head.lastIndexOf('；')) + 1;
      const until = this.untilWords().map((w) => w.toLowerCase());
      const opener = this.periods.find(
        (q) => q.start >= partStart && q.end <= figure.start && until.some((w) => q.text.toLowerCase().startsWith(w)) && this.opensSentence(q),
      );
      if (opener) {
        const hay = this.text.slice(opener.end, figure.start).toLowerCase();
        const notCum = (spec.modality.not_cumulative ?? []).map((w) => w.toLowerCase());
        for (const w of spec.modality.cumulative) {
          const at = hay.indexOf(w.toLowerCase());
          if (at < 0 || notCum.some((n) => n.includes(w.toLowerCase()) && hay.includes(n))) continue;
          const start = opener.end + at;
          return { cumulative: true, cue: { word: w, start, end: start + w.length } };
        }
      }
    }
    return c;
  }

  /**
   * A sentence opening with a part word (`Trong đó, số lao động mới là 3.907 người.`, `其中，…`) counts part of the last
   * figure of the sentence before: the whole's period and running total are the part's when it states none.
   */
  private wholeBefore(
    sentence: { start: number; end: number },
    paragraph: { start: number; end: number },
  ): { period: Span | null; cumulative: { cumulative: boolean; cue: Cue | null } } | null {
    const spec = this.spec;
    if (!spec) return null;
    const opening = this.text.slice(sentence.start, sentence.start + 24).toLowerCase();
    const parts = (spec.modality.part_of ?? []).filter((w) => !w.includes('…'));
    if (!parts.some((w) => opening.startsWith(w.toLowerCase()) && /^[\s,，:：]/.test(opening.slice(w.length)))) return null;
    let e = sentence.start;
    while (e > paragraph.start && /\s/.test(this.text[e - 1])) e--;
    if (e <= paragraph.start) return null;
    const s0 = Math.max(paragraph.start, this.sentenceStartOf(e - 1));
    const prev = this.text.slice(s0, e);
    const last = [...prev.matchAll(/\d[\d.,]*/g)].pop();
    if (!last || last.index === undefined) return null;
    const fig = { start: s0 + last.index, end: s0 + last.index + last[0].length };
    const wholeSentence = { start: s0, end: e };
    const period = this.choosePeriod(fig, wholeSentence, paragraph);
    const p = period ? this.resolvePhrase(period) : null;
    let cumulative = decideCumulative(this.text, wholeSentence, fig, spec.modality, !!p?.spansYears);
    cumulative = this.adjustCumulative(cumulative, fig, wholeSentence, period, p);
    return { period, cumulative };
  }

  /**
   * The lead frames the text until another dated period opens a sentence (`2010年，富县…` … `2008年至2010年，陕西省…`):
   * from there on the article speaks of other times — unless the latest such period is the lead's again (`今年1-9月` after
   * a lead of `2018年前三季度`).
   */
  private leadSuperseded(before: number): boolean {
    const lead = this.lead!;
    const own = this.resolvePhrase(lead);
    const last = this.periods
      .filter((p) => p.start >= lead.end && p.end <= before && /\d/.test(p.text) && this.opensSentence(p))
      .map((p) => this.resolvePhrase(p))
      .filter((r) => !!r && (r.start !== null || r.end !== null))
      .pop();
    return !!last && (last.start !== own?.start || last.end !== own?.end);
  }

  private resolvePhrase(period: Span): PeriodResolution | null {
    const spec = this.spec!;
    return resolvePeriod(this.extendPhrase(period), this.lang, spec.period, {
      published: this.published,
      rocYears: this.docLang === 'zh-Hant' && this.country !== 'HK' && this.country !== 'MO',
    });
  }

  /**
   * The period words with the calendar words right beside them that the context patterns cut off: a year range before
   * a span of years (`2008年至2010年` + `3年间`), a month after a year (`到2010年` + `5月`).
   */
  private extendPhrase(period: Span): string {
    const before = this.text.slice(Math.max(0, period.start - 16), period.start);
    const after = this.text.slice(period.end, period.end + 6);
    let phrase = period.text;
    const range = /((?:\d{4}年?\s*[-—–~至到]\s*\d{4}年)|(?:năm\s*)?\d{4}\s*[-–]\s*\d{4})\s*$/i.exec(before);
    if (range && /^(?:近|这|những)?\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:年|năm)/i.test(phrase)) phrase = range[1] + phrase;
    const month = /^\s*\d{1,2}月(?:份)?(?:底|末)?/.exec(after);
    if (month && /\d{4}年$/.test(phrase)) phrase += month[0].trim();
    // A "since" word before a date (`chạy thử nghiệm từ 1/10/2017`): the period starts there.
    const since = this.spec?.period.since_before ?? [];
    const word = since.find((w) => new RegExp(`(?:^|[\\s,，(（])${w}\\s*$`, 'i').test(before));
    if (word && !since.some((w) => phrase.toLowerCase().startsWith(w.toLowerCase())) && /\d/.test(phrase)) phrase = `${word} ${phrase}`;
    return phrase;
  }

  /** Periods of the document, sorted (context.ts finds them). */
  private readonly periods: Span[];

  /** Where the figure's full sentence starts: Chinese sentences cut at `；` are one sentence for its period. */
  private fullSentenceStart(sentence: { start: number }): number {
    if (this.lang === 'vi') return sentence.start;
    let i = sentence.start - 1;
    while (i >= 0 && !/[。！？!?\n]/.test(this.text[i])) i--;
    return i + 1;
  }

  private choosePeriod(
    figure: { start: number; end: number },
    sentence: { start: number; end: number },
    paragraph: { start: number; end: number },
  ): Span | null {
    const spec = this.spec;
    if (!spec) return null;
    const lower = (t: string) => t.toLowerCase();
    const targetWords = spec.modality.planned_after ?? [];
    // A period inside a target phrase (`完成全年新增150万人目标`) dates the target, not a figure after it.
    const inTarget = (p: Span) => {
      const rest = this.text.slice(p.end, Math.min(figure.start, p.end + 14));
      return !/[,，;；。]/.test(rest) && targetWords.some((w) => rest.includes(w));
    };
    const usable = (p: Span) => !(p.end <= figure.start && inTarget(p));
    const full = this.fullSentenceStart(sentence);
    // The figure's part of its sentence, between semicolons (`…năm 2012; …; còn lại 10 người vẫn đang làm việc`).
    const head = this.text.slice(sentence.start, figure.start);
    const semi = Math.max(head.lastIndexOf(';'), head.lastIndexOf('；'));
    const partStart = semi >= 0 ? sentence.start + semi + 1 : sentence.start;
    const tail = this.text.slice(figure.end, sentence.end).search(/[;；]/);
    const partEnd = tail >= 0 ? figure.end + tail : sentence.end;
    const inPart = this.periods.filter((p) => p.start >= partStart && p.end <= partEnd && usable(p));
    let chosen: Span | null = inPart.filter((p) => p.end <= figure.start).pop() ?? null;
    if (!chosen) {
      // A period after the figure dates it unless another figure follows the period (`再投资6230万元，…，截至5月底，已累计
      // 完成投资2060万元`: the period is the later figure's).
      const after = inPart.find((p) => p.start >= figure.end);
      if (after && !/\d/.test(this.text.slice(after.end, partEnd))) chosen = after;
    }
    if (!chosen) {
      // An earlier part's period dates the figure when it heads the whole sentence, opening a clause before any figure
      // (`2009年,…培训4249.31万人次,…;技能性培训1564.46万人次`).
      const earlier = this.periods.find((p) => p.start >= full && p.end <= partStart && usable(p));
      const lead = earlier ? this.text.slice(full, earlier.start) : '';
      if (earlier && !/\d/.test(lead) && /(?:^|[,，:：])\s*$/.test(lead)) chosen = earlier;
    }
    const resolves = (p: Span) => {
      const r = this.resolvePhrase(p);
      return !!r && (r.start !== null || r.end !== null);
    };
    const candidates = this.periods.filter((p) => p.start >= full && p.end <= sentence.end && usable(p));
    if (chosen && !resolves(chosen)) {
      // The nearest words say nothing this page lets a reader date (`đến nay` on an undated page): another period of
      // the sentence that does.
      const other = candidates.filter((p) => p !== chosen && resolves(p));
      if (other.length) chosen = other.reduce((a, b) => (Math.abs(b.start - figure.start) < Math.abs(a.start - figure.start) ? b : a));
    }
    if (chosen && (spec.period.whole_year ?? []).some((w) => lower(chosen!.text) === lower(w))) {
      // `2021年，…全年支出…`: the whole of the year the sentence names.
      const year = candidates.filter((p) => p.end <= chosen!.start && /\d{4}/.test(p.text)).pop();
      if (year && this.resolvePhrase(year)?.start?.endsWith('-01-01') && this.resolvePhrase(year)?.end?.endsWith('-12-31')) chosen = year;
    }
    if (chosen) return chosen;
    // A word of "now" in the figure's clause (`杭州现有企业1182家`): the figure stands at publication.
    const clauseStart = (() => {
      const m = /[^,，;；:：。]*$/.exec(this.text.slice(sentence.start, figure.start));
      return m ? figure.start - m[0].length : sentence.start;
    })();
    const clause = lower(this.text.slice(clauseStart, figure.start));
    const now = (spec.period.to_date ?? []).find((w) => clause.includes(lower(w)));
    if (now) {
      const at = clauseStart + clause.lastIndexOf(lower(now));
      return { start: at, end: at + now.length, text: this.text.slice(at, at + now.length) };
    }
    // An "until" period opening a sentence before the figure (after a source clause at most: `Theo Bộ LĐ-TBXH, tính đến
    // ngày 27/7/2020, …`) frames its paragraph.
    const until = this.untilWords();
    const opening = this.periods.filter((p) => {
      if (p.start < paragraph.start || p.end > figure.start) return false;
      const head = this.text.slice(Math.max(paragraph.start, p.start - 3), p.start);
      const starts = p.start === paragraph.start || /(?:^|[。！？!?.;；\n])\s*$/.test(head) || this.opensSentence(p);
      return starts && until.some((w) => lower(p.text).startsWith(lower(w)));
    });
    return opening[opening.length - 1] ?? null;
  }

  resolve(
    figure: { start: number; end: number },
    sentence: { start: number; end: number },
    paragraph: { start: number; end: number },
    period: Span | null,
    /** Starts of the figures of the same kind in the sentence, in order (for year lists). */
    sentenceFigures: number[] = [],
  ): Resolution {
    const text = this.text;
    const spec = this.spec;
    let p: PeriodResolution | null = null;
    let listYear: number | undefined;
    // Only the figure's own sentence dates it: a period another sentence of the paragraph states is more often wrong
    // than right (measured on the dev set: period_end 0.709 → 0.728 for Chinese, 0.647 → 0.794 for Vietnamese) —
    // except a period that opens its sentence with "until" (`截至6月底，…`, `Tính đến ngày 30/6/2017, …`), which frames
    // the rest of its paragraph. The lead's dated period still frames a figure with none of its own. The `period`
    // words stay as context.ts found them.
    let chosen = this.choosePeriod(figure, sentence, paragraph);
    const whole = chosen ? null : this.wholeBefore(sentence, paragraph);
    if (whole?.period) chosen = whole.period;
    period = chosen;
    // The lead frames the figures of the sentences after it (a title's figure before a later sentence's period is not
    // framed by it).
    // Within the figure's own sentence the sentence's parts decide (above), not the lead.
    const lead = this.lead && this.lead.end <= this.fullSentenceStart(sentence) && !this.leadSuperseded(this.fullSentenceStart(sentence)) ? this.lead : null;
    const fromLead = !period && !!lead;
    if (!period && lead) period = lead;
    if (spec && period) p = this.resolvePhrase(period);
    // `2016年-2018年…分别为3亿元、5亿元和8亿元`: each figure its year.
    const sentenceText = text.slice(sentence.start, sentence.end);
    const lowerSentence = sentenceText.toLowerCase();
    const marker = LIST_MARKERS.find((m) => lowerSentence.includes(m));
    if (marker) {
      const markerAt = sentence.start + lowerSentence.indexOf(marker);
      if (markerAt < figure.start) {
        const after = sentenceFigures.filter((s) => s > markerAt);
        const y = yearOfListPosition(text.slice(sentence.start, markerAt), after.indexOf(figure.start), after.length);
        if (y !== null) {
          listYear = y;
          p = { start: `${y}-01-01`, end: `${y}-12-31`, how: [String(y)], spansYears: false };
        }
      }
    }
    const future = !!(p && this.published && ((p.start && p.start > this.published) || (p.end && p.end.slice(0, 4) > this.published.slice(0, 4))));
    const modality = spec
      ? decideModality(text, sentence, figure, spec.modality, future, !!(p?.end && this.published && p.end < this.published))
      : { modality: 'achieved' as const, cue: null };
    let cumulative = spec
      ? decideCumulative(text, sentence, figure, spec.modality, !!p?.spansYears)
      : { cumulative: false as boolean, cue: null as Cue | null };
    if (spec) cumulative = this.adjustCumulative(cumulative, figure, sentence, period, p);
    if (whole?.cumulative.cumulative && !cumulative.cue) cumulative = whole.cumulative;
    // A balance (`余额`, `dư nợ`) over a span (`từ tháng 4/2018 đến 30/6/2020, … tổng dư nợ đạt …`) stands at its end.
    if (p?.spansYears && p.start && cumulative.cue && (spec?.modality.stock ?? []).includes(cumulative.cue.word)) p = { ...p, start: null };
    const place = placeForFigure(this.docPlaces(), this.text, figure, sentence, paragraph, this.published, this.country ?? languageCountry(this.docLang));
    return {
      periodStart: p?.start ?? null,
      periodEnd: p?.end ?? null,
      modality: modality.modality,
      cumulative: cumulative.cumulative,
      country: place.country,
      province: place.province,
      provinceCode: place.provinceCode,
      admin: place.admin,
      adminCode: place.adminCode,
      how: {
        period: period ? { phrase: period.text, start: period.start, end: period.end, words: p?.how ?? [], listYear, fromLead } : null,
        modality: modality.cue,
        cumulative: cumulative.cue,
        place: place.how,
      },
    };
  }
}
