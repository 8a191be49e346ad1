/**
 * Sums a researcher can publish: facts of one type grouped by place and time (country, province, admin, year, month,
 * language, rule), each story's figure counted once (a reprint's fact, `duplicate_of` set, is left out), plans left
 * out unless asked for, a figure a story states twice (headline and body) counted once, running totals kept apart from in-period figures (they cannot be added to them), amounts
 * never added across units. Every fact left out is counted with its reason.
 */
import type { FactQuery } from '../store/types.js';
import { STORY_OF_D } from '../store/columns.js';

export const SUMMARY_DIMENSIONS = ['country', 'province', 'admin', 'year', 'month', 'lang', 'rule'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];
export type ModalityFilter = 'achieved' | 'planned' | 'all';

/** The fields of a fact the summary reads (as the stores return them). */
export interface SummaryFact {
  id: number;
  doc: string;
  document_id: number;
  value: number;
  unit: string;
  lang: string;
  rule: string;
  modality: string | null;
  cumulative: number | boolean | null;
  duplicate_of: number | null;
  story: number | null;
  period_start: string | null;
  period_end: string | null;
  country: string | null;
  province: string | null;
  province_code: string | null;
  admin: string | null;
  sentence: string;
  evidence: string;
  start: number;
  evidence_start: number;
}

export interface SummaryRow {
  keys: Record<string, string | null>;
  unit: string;
  /** `in period` or `running total` (cumulative figures: a stock or a total since some start, not addable). */
  kind: 'in period' | 'running total';
  sum: number;
  facts: number;
  documents: number;
  stories: number;
  /** Fact ids, for the web view's links and for checking a total by hand. */
  ids: number[];
}

export interface LeftOut {
  reason: string;
  facts: number;
  ids: number[];
}

export interface Summary {
  by: SummaryDimension[];
  modality: ModalityFilter;
  rows: SummaryRow[];
  leftOut: LeftOut[];
  /** Documents of the store not grouped into stories yet (see staleStoriesNote); 0 when the stories are current. */
  ungrouped: number;
}

function key(f: SummaryFact, d: SummaryDimension): string | null | undefined {
  switch (d) {
    case 'country':
      return f.country;
    case 'province':
      return f.province_code ? `${f.province_code} ${f.province ?? ''}`.trim() : f.province;
    case 'admin':
      return f.admin;
    case 'lang':
      return f.lang;
    case 'rule':
      return f.rule;
    case 'year':
    case 'month': {
      // The year (month) the figure refers to: its period's end. A period over several years has no one year
      // unless it is a running total (then its end says "as of").
      if (!f.period_end) return undefined;
      const span = f.period_start && f.period_start.slice(0, d === 'year' ? 4 : 7) !== f.period_end.slice(0, d === 'year' ? 4 : 7);
      if (span && !f.cumulative) return undefined;
      return f.period_end.slice(0, d === 'year' ? 4 : 7);
    }
  }
}

/** Words that open a part of the total before them, anywhere in the figure's clause (a summary must not add both). */
const PART_OF_TOTAL = /(?:其中|内含|trong đó|bao gồm|of which|of whom|including)/iu;

/** A figure introduced as part of the one before it (`其中…`, `trong đó có …`): its total is counted already. */
function isPartOfTotal(f: SummaryFact): boolean {
  const at = f.sentence.indexOf(f.evidence);
  if (at < 0) return false;
  const figure = at + Math.max(0, f.start - f.evidence_start);
  const before = f.sentence.slice(0, figure);
  const clause = before.slice(Math.max(...[...'，,；;。'].map((c) => before.lastIndexOf(c))) + 1);
  const open = Math.max(clause.lastIndexOf('('), clause.lastIndexOf('（'));
  return PART_OF_TOTAL.test(open >= 0 ? clause.slice(open + 1) : clause);
}

/** Words that, opening a sentence, make its figures parts of a total stated before it (其中，…; Trong đó, …). */
const OPENS_WITH_PART = /^[\s"“「(（]*(?:其中|内含|其中包括|trong đó|bao gồm|of which|of whom|including)/iu;

/** Where the figure's sentence starts in the original text (the sentence is stored with the fact). */
function sentenceStart(f: SummaryFact): number {
  const at = f.sentence.indexOf(f.evidence);
  return at < 0 ? f.start : f.evidence_start - at;
}

export function summarize(facts: SummaryFact[], by: SummaryDimension[], modality: ModalityFilter = 'achieved'): Summary {
  // The first figure of each document and unit: a sentence opening with 其中 lists parts of a figure before it.
  const firstStart = new Map<string, number>();
  for (const f of facts) {
    const k = `${f.document_id}|${f.unit}`;
    if (!(f.start >= (firstStart.get(k) ?? Infinity))) firstStart.set(k, f.start);
  }
  const partOfEarlierTotal = (f: SummaryFact) =>
    OPENS_WITH_PART.test(f.sentence) && (firstStart.get(`${f.document_id}|${f.unit}`) ?? Infinity) < sentenceStart(f);
  const leftOut = new Map<string, LeftOut>();
  const leave = (reason: string, f: SummaryFact) => {
    const l = leftOut.get(reason) ?? { reason, facts: 0, ids: [] };
    l.facts++;
    l.ids.push(f.id);
    leftOut.set(reason, l);
  };
  const groups = new Map<string, SummaryRow & { docs: Set<number>; storySet: Set<number> }>();
  const seen = new Set<string>();
  for (const f of facts) {
    if (f.duplicate_of !== null && f.duplicate_of !== undefined) {
      leave('reprint: the same figure in an earlier copy of the story is counted', f);
      continue;
    }
    // A headline and the body state one figure twice: a story's figure counts once.
    const once = `${f.story ?? f.document_id}|${f.value}|${f.unit}|${f.period_end ?? ''}|${f.modality}|${!!f.cumulative}`;
    if (seen.has(once)) {
      leave('stated again in the same story (headline and body): counted once', f);
      continue;
    }
    seen.add(once);
    if (isPartOfTotal(f) || partOfEarlierTotal(f)) {
      leave('part of a total stated beside it or just before it (其中, trong đó): the total is counted', f);
      continue;
    }
    const m = f.modality === 'planned' ? 'planned' : 'achieved';
    if (modality !== 'all' && m !== modality) {
      leave(m === 'planned' ? 'plan or target (ask with --modality planned or all)' : 'achieved (only plans asked for)', f);
      continue;
    }
    const keys: Record<string, string | null> = {};
    let missing: SummaryDimension | null = null;
    for (const d of by) {
      const k = key(f, d);
      if (k === undefined && (d === 'year' || d === 'month')) {
        missing = d;
        break;
      }
      keys[d] = k ?? null;
    }
    if (missing) {
      leave(f.period_end ? `period spans several ${missing}s: no one ${missing}` : `no ${missing}: the text states no period for it`, f);
      continue;
    }
    const kind = f.cumulative ? 'running total' : 'in period';
    if (modality === 'all') keys.modality = m;
    const gk = JSON.stringify([keys, f.unit, kind]);
    let g = groups.get(gk);
    if (!g) {
      g = { keys, unit: f.unit, kind, sum: 0, facts: 0, documents: 0, stories: 0, ids: [], docs: new Set(), storySet: new Set() };
      groups.set(gk, g);
    }
    g.sum += f.value;
    g.facts++;
    g.ids.push(f.id);
    g.docs.add(f.document_id);
    g.storySet.add(f.story ?? f.document_id);
  }
  const rows = [...groups.values()].map(({ docs, storySet, ...r }) => ({ ...r, documents: docs.size, stories: storySet.size }));
  const cmp = (a: string | null, b: string | null) => (a ?? '\uffff').localeCompare(b ?? '\uffff');
  rows.sort((a, b) => {
    for (const d of by) {
      const c = cmp(a.keys[d], b.keys[d]);
      if (c) return c;
    }
    return a.unit.localeCompare(b.unit) || a.kind.localeCompare(b.kind);
  });
  return { by, modality, rows, leftOut: [...leftOut.values()].sort((a, b) => b.facts - a.facts), ungrouped: 0 };
}

/** The columns a summary reads (facts `f` joined to their documents `d`), in SQL both stores run. */
export const SUMMARY_COLUMNS = `f.id, d.source AS doc, f.document_id, f.value, f.unit, d.lang, f.rule_id AS rule, f.modality,
  f.cumulative, f.duplicate_of, ${STORY_OF_D} AS story, f.period_start, f.period_end, f.country, f.province, f.province_code, f.admin,
  f.sentence, f.evidence, f.start, f.evidence_start`;

/** The facts of one type (the parameter) a summary reads. */
export const SUMMARY_FACTS_SQL = `SELECT ${SUMMARY_COLUMNS}
  FROM facts f JOIN documents d ON d.id = f.document_id WHERE f.type = ? ORDER BY f.id`;

/**
 * What a summary says when the stories are not up to date: documents stored by queue workers (which leave grouping to
 * the end of the queue run) and not grouped yet count as stories of their own, so a reprint among them is summed twice.
 */
export function staleStoriesNote(ungrouped: number): string | null {
  if (!ungrouped) return null;
  return `${ungrouped} document${ungrouped === 1 ? ' is' : 's are'} not grouped into stories yet (stored by queue workers still at work): ` +
    "a reprint among them is counted as a story of its own until the queue drains or 'newsfacts stories --update' runs";
}

/** A store that sums behind its own door (the facts never leave it): both stores, through BrowseStore.summarize. */
export interface Summarizing {
  summarize(query: FactQuery, by: SummaryDimension[], modality: ModalityFilter): Summary;
}

/**
 * One type's facts summed by a store: what `newsfacts summary` prints, the web's /summary shows and /charts draws.
 * `restrict` narrows the facts first (the facts table's filters: language, rule, province code, …).
 */
export function summaryOf(store: Summarizing, type: string, by: SummaryDimension[], modality: ModalityFilter, restrict: FactQuery = {}): Summary {
  if (!/^[a-z_]+$/.test(type)) throw new RangeError(`not a fact type: '${type.slice(0, 40)}'`);
  return store.summarize({ ...restrict, types: [type] }, by, modality);
}
