/**
 * The resolve stages, composed for one document: every fact gets its interval (period_start / period_end), modality,
 * running-total flag and place (country, province, province code, admin unit, admin code), each with the words that
 * decided it and their offsets in normalized text, so `audit explain` can show how.
 */
import type { Fact, Lang, RuleLang } from '../types.js';
import { ruleLangOf } from '../types.js';
import type { Span } from '../extract/context.js';
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
  period: { phrase: string; start: number; end: number; words: string[]; listYear?: number; fromLead?: boolean } | null;
  modality: Cue | null;
  cumulative: Cue | null;
  place: PlaceDecision['how'];
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
    // The lead's year (`2017年，湖南省石门县…`) frames the figures after it that state no period of their own.
    this.lead = contextPeriods.find((p) => p.start < LEAD && /\d{4}/.test(p.text) && !/[-—–~至到]\s*\d{4}|以来|đến nay/.test(p.text)) ?? null;
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
    // than right (measured on the dev set: period_end 0.709 → 0.728 for Chinese, 0.647 → 0.794 for Vietnamese); the
    // lead's dated period still frames a figure with none of its own. The `period` words stay as context.ts found them.
    if (period && (period.start < sentence.start || period.end > sentence.end)) period = null;
    const fromLead = !period && !!this.lead;
    if (!period && this.lead) period = this.lead;
    if (spec && period) {
      p = resolvePeriod(period.text, this.lang, spec.period, { published: this.published, rocYears: this.docLang === 'zh-Hant' && this.country !== 'HK' && this.country !== 'MO' });
    }
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
      ? decideModality(text, sentence, figure, spec.modality, future)
      : { modality: 'achieved' as const, cue: null };
    const cumulative = spec
      ? decideCumulative(text, sentence, figure, spec.modality, !!p?.spansYears)
      : { cumulative: false, cue: null };
    const place = placeForFigure(this.docPlaces(), figure, sentence, paragraph, this.published, this.country ?? languageCountry(this.docLang));
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
