/** `audit explain`'s account of the resolved fields: each value with the words that decided it and their offsets. */
import type { FactRow } from '../store/types.js';
import type { ResolutionHow } from '../resolve/index.js';
import { resolvedColumnsOfRow, type ResolvedColumns } from '../store/resolved-columns.js';

/** The resolved fields under their column names (resolved-columns.ts), with the publication date and how decided. */
export type ResolvedExplanation = { published: string | null } & Omit<ResolvedColumns, 'resolution'> & { how: ResolutionHow | null };

export function explainResolution(f: FactRow): ResolvedExplanation | null {
  if (f.modality === undefined || f.modality === null) return null; // stored before the resolve stage existed
  const { resolution, ...fields } = resolvedColumnsOfRow(f);
  return { published: f.published ?? null, ...fields, how: resolution };
}

/** A span of normalized text with, once `withOriginalSpans` has run, the same words' span in the original text. */
type Located = { start: number; end: number; original?: [number, number] };

/**
 * Adds to every decided-by span its span in the original text (the decisions are made on normalized text; the figure
 * and evidence lines of `audit explain` give original offsets, and a reader checks words against the page).
 */
export function withOriginalSpans(r: ResolvedExplanation | null, toOriginal: (start: number, end: number) => [number, number]): ResolvedExplanation | null {
  const h = r?.how;
  if (!h) return r;
  for (const x of [h.period, h.modality, h.cumulative, h.place] as Array<Located | null | undefined>) {
    if (x && x.start >= 0) x.original = toOriginal(x.start, x.end);
  }
  return r;
}

/** Where words stand: ` at S–E` in the original text, with the normalized offsets beside them when they differ. */
const at = (x: Located | null | undefined): string => {
  if (!x || x.start < 0) return '';
  if (!x.original) return ` @${x.start}–${x.end} (normalized)`;
  const [s, e] = x.original;
  return ` at ${s}–${e}${s !== x.start || e !== x.end ? ` (normalized ${x.start}–${x.end})` : ''}`;
};

export function formatResolution(r: ResolvedExplanation | null): string[] {
  if (!r) return ['resolved: — (stored before the resolve stage; ingest again to resolve)'];
  const h = r.how;
  const p = h?.period;
  return [
    `published: ${r.published ?? '—'}`,
    `interval: ${r.period_start ?? '…'} – ${r.period_end ?? '…'}` +
      (p ? `   from ${p.fromLead ? "the lead's period " : p.restated ? 'the period of the same figure stated again further on, ' : ''}"${p.phrase}"${at(p)}${p.words.length ? ` read as ${p.words.map((w) => `"${w}"`).join(' + ')}` : ' (not a date this grammar reads)'}${p.listYear ? `; year ${p.listYear} by its place in a year list` : ''}` : '   (no period stated)'),
    `modality: ${r.modality}` + (h?.modality ? `   cue "${h.modality.word}"${at(h.modality)}` : '   (no cue: achieved by default)'),
    `cumulative: ${r.cumulative}` + (h?.cumulative ? `   cue "${h.cumulative.word}"${at(h.cumulative)}` : p && r.cumulative ? '   (the period spans years or runs "since")' : ''),
    `place: ${[r.country, r.province, r.province_code, r.admin, r.admin_code].map((x) => x ?? '—').join(' / ')}` +
      (h?.place ? `   from "${h.place.word}"${at(h.place)} (${h.place.from})` : '   (no place found)'),
  ];
}
