/**
 * `audit explain`'s account of a fact's story: which documents its document was grouped with and on what evidence
 * (the MinHash estimate of shared text with each of them, against the threshold at which documents join), and
 * whether the fact is the story's own statement of the figure (summed) or a reprint of one (`duplicate_of`, left out).
 */
import { decodeSignature, SAME_STORY, SIGNATURE_SIZE, similarity } from '../stories/minhash.js';
import type { FactRow, ReadStore } from '../store/types.js';

export interface StoryExplanation {
  /** The story id (its earliest document's id); null when the document is not grouped yet (a queue run in progress). */
  story: number | null;
  /** The other documents of the story, earliest first, with the estimated share of text with this document. */
  members: Array<{ id: number; source: string; published: string | null; similarity: number | null }>;
  /** The threshold of estimated similarity at which two documents join one story (then transitively). */
  threshold: number;
  /** For a reprint: the fact of the same figure (type, value, unit) in the story's earliest document. */
  duplicateOf: { id: number; doc: string } | null;
  /** The story's earliest document, when it is another one. */
  earliest: { id: number; source: string; published: string | null } | null;
}

export function explainStory(store: ReadStore, fact: FactRow): StoryExplanation {
  const story = fact.story ?? null;
  const out: StoryExplanation = { story, members: [], threshold: SAME_STORY, duplicateOf: null, earliest: null };
  if (story === null) return out;
  const rows = store.query('SELECT d.id, d.source, d.published, d.minhash FROM document_stories s JOIN documents d ON d.id = s.document_id WHERE s.story = ? ORDER BY d.id', [story]) as Array<{
    id: number | string;
    source: string;
    published: string | null;
    minhash: string | null;
  }>;
  const self = rows.find((r) => Number(r.id) === fact.document_id);
  const mine = self?.minhash ? decodeSignature(self.minhash) : null;
  out.members = rows
    .filter((r) => Number(r.id) !== fact.document_id)
    .map((r) => {
      const theirs = r.minhash ? decodeSignature(r.minhash) : null;
      return { id: Number(r.id), source: r.source, published: r.published, similarity: mine && theirs ? similarity(mine, theirs) : null };
    })
    .sort((a, b) => (a.id === story ? -1 : b.id === story ? 1 : (b.similarity ?? 0) - (a.similarity ?? 0)));
  const first = rows.find((r) => Number(r.id) === story);
  if (first && story !== fact.document_id) out.earliest = { id: story, source: first.source, published: first.published };
  if (fact.duplicate_of !== null && fact.duplicate_of !== undefined) {
    const orig = store.fact(fact.duplicate_of);
    out.duplicateOf = { id: fact.duplicate_of, doc: orig?.doc ?? '(no longer stored: run newsfacts stories --update)' };
  }
  return out;
}

export function formatStory(s: StoryExplanation): string[] {
  if (s.story === null) return ["story: — (the document is not grouped yet: a queue run still at work; 'newsfacts stories --update' groups it)"];
  const pct = (x: number | null) => (x === null ? 'no signature' : `${Math.round(x * SIGNATURE_SIZE)}/${SIGNATURE_SIZE} MinHash values shared ≈ ${x.toFixed(2)}`);
  const lines: string[] = [];
  if (!s.members.length) {
    lines.push(`story: ${s.story}, a story of its own (no stored document shares ≥ ${s.threshold} of its text by MinHash estimate)`);
  } else {
    const joined = s.members.filter((m) => m.similarity !== null && m.similarity >= s.threshold).length;
    lines.push(
      `story: ${s.story}, ${s.members.length + 1} documents` +
        (s.earliest ? `; the earliest is ${s.earliest.source}${s.earliest.published ? ` (${s.earliest.published})` : ''}` : '; this document is the earliest') +
        `; documents join at ≥ ${s.threshold} (then through one another)` +
        (joined ? '' : ' — joined through other members, none this close to it directly'),
    );
    for (const m of s.members.slice(0, 6)) lines.push(`  ${m.source}${m.published ? ` (${m.published})` : ''}: ${pct(m.similarity)}`);
    if (s.members.length > 6) lines.push(`  … and ${s.members.length - 6} more`);
  }
  lines.push(
    s.duplicateOf
      ? `reprint: the same figure (type, value, unit) is fact ${s.duplicateOf.id} in ${s.duplicateOf.doc}; a summary counts it there, not here`
      : s.earliest
        ? "not a reprint: the story's earliest document does not state this figure (type, value, unit), so a summary counts it here"
        : 'not a reprint: the story states this figure here first (a summary counts a figure once per story, here)',
  );
  return lines;
}
