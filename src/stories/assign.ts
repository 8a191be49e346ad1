/**
 * Story assignment over a whole store: both stores read every document's signature, cluster them (cluster.ts) and
 * write back what changed; the SQL that marks reprinted facts is shared here (portable between SQLite and PostgreSQL).
 */
import { clusterStories } from './cluster.js';
import { decodeSignature } from './minhash.js';

export interface SignatureRow {
  id: number | string;
  published: string | null;
  minhash: string | null;
  story: number | string | null;
}

export interface StoryCounts {
  documents: number;
  /** Stories with more than one document. */
  stories: number;
  /** Documents whose story changed. */
  changed: number;
}

/** Each document's story, and which of them changed since they were stored. */
export function storyUpdates(rows: SignatureRow[]): { updates: Array<{ id: number; story: number }>; counts: StoryCounts } {
  const stories = clusterStories(
    rows.map((r) => ({ id: Number(r.id), published: r.published, signature: r.minhash ? decodeSignature(r.minhash) : null })),
  );
  const size = new Map<number, number>();
  for (const s of stories.values()) size.set(s, (size.get(s) ?? 0) + 1);
  const updates = rows
    .map((r) => ({ id: Number(r.id), story: stories.get(Number(r.id))!, was: r.story === null ? null : Number(r.story) }))
    .filter((u) => u.story !== u.was)
    .map(({ id, story }) => ({ id, story }));
  return {
    updates,
    counts: { documents: rows.length, stories: [...size.values()].filter((n) => n > 1).length, changed: updates.length },
  };
}

/**
 * Marks every fact of a reprint with the same figure (type, value, unit) of its story's earliest document, and clears
 * the mark elsewhere. Both statements are plain SQL both stores run as they are.
 */
export const MARK_DUPLICATES_SQL = [
  `UPDATE facts SET duplicate_of = (
     SELECT MIN(f2.id) FROM facts f2 JOIN document_stories s ON s.story = f2.document_id
     WHERE s.document_id = facts.document_id AND f2.type = facts.type AND f2.unit = facts.unit AND f2.value = facts.value)
   WHERE document_id IN (SELECT document_id FROM document_stories WHERE story <> document_id)`,
  `UPDATE facts SET duplicate_of = NULL
   WHERE duplicate_of IS NOT NULL AND document_id NOT IN (SELECT document_id FROM document_stories WHERE story <> document_id)`,
];

/** What grouping reads: every document's signature and its story so far (null: not grouped yet). */
export const SIGNATURES_SQL = `SELECT d.id, d.published, d.minhash, s.story
  FROM documents d LEFT JOIN document_stories s ON s.document_id = d.id`;

/** A document's story, set or changed (the same statement in both dialects). */
export const SET_STORY_SQL = `INSERT INTO document_stories (document_id, story) VALUES (?, ?)
  ON CONFLICT (document_id) DO UPDATE SET story = excluded.story`;
