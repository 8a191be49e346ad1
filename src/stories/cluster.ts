/**
 * Stories: documents that are copies of one another, grouped by MinHash banding (candidates share a band) and
 * verified by estimated similarity, joined transitively (union-find). A story's id is its earliest document (by
 * publication date, then by id): the one a reprint's figures point back to (`duplicate_of`).
 */
import { bandKeys, SAME_STORY, similarity } from './minhash.js';

export interface StoryInput {
  id: number;
  published: string | null;
  signature: Uint32Array | null;
}

/** Bands shared by more documents than this are boilerplate (a site's fixed footer), not evidence of one story. */
const MAX_BUCKET = 200;

export function clusterStories(docs: StoryInput[]): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r)! !== r) r = parent.get(r)!;
    while (parent.get(x)! !== r) {
      const n = parent.get(x)!;
      parent.set(x, r);
      x = n;
    }
    return r;
  };
  for (const d of docs) parent.set(d.id, d.id);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const buckets = new Map<string, number[]>();
  for (const d of docs) {
    if (!d.signature) continue;
    for (const k of bandKeys(d.signature)) {
      const list = buckets.get(k);
      if (list) list.push(d.id);
      else buckets.set(k, [d.id]);
    }
  }
  const checked = new Set<string>();
  for (const ids of buckets.values()) {
    if (ids.length < 2 || ids.length > MAX_BUCKET) continue;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = ids[i];
        const b = ids[j];
        const key = a < b ? `${a}|${b}` : `${b}|${a}`;
        if (checked.has(key)) continue;
        checked.add(key);
        if (find(a) === find(b)) continue;
        if (similarity(byId.get(a)!.signature!, byId.get(b)!.signature!) >= SAME_STORY) parent.set(find(a), find(b));
      }
    }
  }
  // The story id: the earliest member.
  const earliest = new Map<number, StoryInput>();
  const before = (x: StoryInput, y: StoryInput) =>
    (x.published ?? '9999') < (y.published ?? '9999') || ((x.published ?? '9999') === (y.published ?? '9999') && x.id < y.id);
  for (const d of docs) {
    const r = find(d.id);
    const e = earliest.get(r);
    if (!e || before(d, e)) earliest.set(r, d);
  }
  const out = new Map<number, number>();
  for (const d of docs) out.set(d.id, earliest.get(find(d.id))!.id);
  return out;
}
