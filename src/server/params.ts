/**
 * URL parameters → store queries. Every view of the facts table is fully described by its query string, so a view can
 * be bookmarked, shared and exported. Anything malformed is a `BadRequest` (answered with 400 and the message).
 */
import { FACT_SORT_KEYS, type FactCursor, type FactQuery, type FactSortKey, type Verdict } from '../store/types.js';
import { FACT_TYPES } from '../types.js';

export class BadRequest extends Error {}

const QUALIFIERS = ['exact', 'more_than', 'approx', 'at_least', 'less_than', 'range'];
const MAX_TEXT = 200;

/** Parameters of the facts table and what each may hold. */
export const FACT_PARAMS = ['type', 'lang', 'rule', 'qualifier', 'unit', 'place', 'period', 'min', 'max', 'q', 'doc', 'review', 'id', 'province_code', 'modality', 'sort', 'dir', 'after', 'limit'] as const;

export interface FactView {
  query: FactQuery;
  sort: FactSortKey;
  desc: boolean;
  limit: number;
  after: FactCursor | null;
}

export const DEFAULT_LIMIT = 50;
/** The place / period value that selects facts without one (an empty field means "any"). */
export const NONE = '(none)';

function orNone(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v === NONE ? '' : v;
}
export const MAX_LIMIT = 1000;
/** Fact ids one link may name (a summary cell with more links to its filters instead). */
export const MAX_IDS = 1000;

function text(name: string, v: string): string {
  if (v.length > MAX_TEXT) throw new BadRequest(`parameter '${name}' is longer than ${MAX_TEXT} characters`);
  return v;
}

/** A repeatable parameter (`rule=a&rule=b`); with `split`, one value may also list several (`rule=a b`, `a,b`). */
function list(p: URLSearchParams, name: string, allowed?: readonly string[], split = false): string[] | undefined {
  const given = split ? p.getAll(name).flatMap((v) => v.split(/[\s,]+/)) : p.getAll(name);
  const values = given.filter((v) => v !== '').map((v) => text(name, v));
  if (allowed) {
    for (const v of values) if (!allowed.includes(v)) throw new BadRequest(`unknown ${name} '${v}' (one of: ${allowed.join(', ')})`);
  }
  return values.length ? [...new Set(values)] : undefined;
}

function single(p: URLSearchParams, name: string): string | undefined {
  const values = p.getAll(name);
  if (values.length > 1) throw new BadRequest(`parameter '${name}' given ${values.length} times`);
  return values.length ? text(name, values[0]) : undefined;
}

function number(p: URLSearchParams, name: string): number | undefined {
  const v = single(p, name);
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new BadRequest(`parameter '${name}' must be a number, not '${v}'`);
  return n;
}

export function positiveInt(v: string | undefined, name: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined || v === '') return undefined;
  if (!/^\d{1,15}$/.test(v) || Number(v) < 1 || Number(v) > max) {
    throw new BadRequest(`parameter '${name}' must be a whole number from 1 to ${max}, not '${v.slice(0, 40)}'`);
  }
  return Number(v);
}

export function rejectUnknown(p: URLSearchParams, known: readonly string[]): void {
  for (const k of p.keys()) if (!known.includes(k)) throw new BadRequest(`unknown parameter '${k.slice(0, 40)}' (known: ${known.join(', ')})`);
}

export function encodeCursor(c: FactCursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

export function decodeCursor(s: string, parts: number): FactCursor {
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw new BadRequest("parameter 'after' is not a page cursor");
  }
  if (!Array.isArray(c) || c.length !== parts || !c.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))) {
    throw new BadRequest("parameter 'after' is not a page cursor for this sort order");
  }
  return c;
}

const SORT_PARTS: Record<FactSortKey, number> = { id: 1, value: 2, type: 3, rule: 2, doc: 3, place: 2, period: 2 };

export function parseFactView(p: URLSearchParams): FactView {
  rejectUnknown(p, FACT_PARAMS);
  const review = single(p, 'review');
  if (review !== undefined && review !== '' && !['correct', 'wrong', 'none'].includes(review)) {
    throw new BadRequest(`unknown review '${review}' (correct, wrong, none)`);
  }
  const query: FactQuery = {
    types: list(p, 'type', FACT_TYPES),
    langs: list(p, 'lang'),
    rules: list(p, 'rule', undefined, true), // the form's rule box takes several, separated by spaces
    qualifiers: list(p, 'qualifier', QUALIFIERS),
    units: list(p, 'unit'),
    place: orNone(single(p, 'place')),
    period: orNone(single(p, 'period')),
    valueMin: number(p, 'min'),
    valueMax: number(p, 'max'),
    text: single(p, 'q') || undefined,
    documentId: positiveInt(single(p, 'doc'), 'doc'),
    review: (review || undefined) as Verdict | 'none' | undefined,
    ids: list(p, 'id', undefined, true)?.map((v) => positiveInt(v, 'id')!),
    provinceCode: orNone(single(p, 'province_code')),
    modality: orNone(single(p, 'modality')),
  };
  if ((query.ids?.length ?? 0) > MAX_IDS) throw new BadRequest(`more than ${MAX_IDS} fact ids in 'id'`);
  if (query.valueMin !== undefined && query.valueMax !== undefined && query.valueMin > query.valueMax) {
    throw new BadRequest(`min (${query.valueMin}) is above max (${query.valueMax})`);
  }
  const sort = (single(p, 'sort') || 'id') as FactSortKey;
  if (!FACT_SORT_KEYS.includes(sort)) throw new BadRequest(`unknown sort '${sort}' (one of: ${FACT_SORT_KEYS.join(', ')})`);
  const dir = single(p, 'dir') || 'asc';
  if (dir !== 'asc' && dir !== 'desc') throw new BadRequest(`unknown dir '${dir}' (asc, desc)`);
  const limit = positiveInt(single(p, 'limit'), 'limit', MAX_LIMIT) ?? DEFAULT_LIMIT;
  const after = single(p, 'after');
  return { query, sort, desc: dir === 'desc', limit, after: after ? decodeCursor(after, SORT_PARTS[sort]) : null };
}

/** The query string of a view with some parameters replaced (undefined or [] removes one). */
export function withParams(p: URLSearchParams, changes: Record<string, string | string[] | undefined>): string {
  const out = new URLSearchParams(p);
  for (const [k, v] of Object.entries(changes)) {
    out.delete(k);
    if (v === undefined) continue;
    for (const x of Array.isArray(v) ? v : [v]) out.append(k, x);
  }
  const s = out.toString();
  return s ? '?' + s : '';
}
