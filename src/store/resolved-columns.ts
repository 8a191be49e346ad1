/**
 * The resolved fields of a fact (issue 14: period interval, modality, running total, place with codes, and how each
 * was decided) as both stores keep them: one list of columns — each with its PostgreSQL array type, its name on a
 * fact, and how a value goes into a row and comes back — and, from that list only, the row ↔ fact mapping and the
 * row's fields as `audit explain` shows them.
 */
import type { ResolutionHow } from '../resolve/index.js';
import type { Fact } from '../types.js';

type ResolvedFact = Pick<
  Fact,
  'periodStart' | 'periodEnd' | 'modality' | 'cumulative' | 'country' | 'province' | 'provinceCode' | 'admin' | 'adminCode' | 'resolution'
>;

interface ResolvedColumn {
  column: keyof ResolvedFactFields;
  pgType: string;
  field: keyof ResolvedFact;
  /** The value a row holds for the fact's value (default: as it is). */
  toRow?: (value: any) => unknown;
  /** The fact's value for what a row holds, NULL (or a row written before the columns existed) included. */
  fromRow?: (value: any) => unknown;
}

const RESOLVED: ResolvedColumn[] = [
  { column: 'period_start', pgType: 'text', field: 'periodStart' },
  { column: 'period_end', pgType: 'text', field: 'periodEnd' },
  { column: 'modality', pgType: 'text', field: 'modality', fromRow: (v) => (v === 'planned' ? 'planned' : 'achieved') },
  { column: 'cumulative', pgType: 'int4', field: 'cumulative', toRow: (v) => (v ? 1 : 0), fromRow: (v) => !!v },
  { column: 'country', pgType: 'text', field: 'country' },
  { column: 'province', pgType: 'text', field: 'province' },
  { column: 'province_code', pgType: 'text', field: 'provinceCode' },
  { column: 'admin', pgType: 'text', field: 'admin' },
  { column: 'admin_code', pgType: 'text', field: 'adminCode' },
  {
    column: 'resolution',
    pgType: 'text',
    field: 'resolution',
    toRow: (v) => (v ? JSON.stringify(v) : null),
    fromRow: (v) => (v ? (JSON.parse(v) as ResolutionHow) : null),
  },
];

/** Columns of `facts` for the resolved fields, with their PostgreSQL array types and the value each takes from a fact. */
export const RESOLVED_FACT_COLUMNS: Array<[column: string, pgType: string, get: (f: Fact) => unknown]> = RESOLVED.map((c) => [
  c.column,
  c.pgType,
  (f: Fact) => (c.toRow ? c.toRow(f[c.field]) : f[c.field]),
]);

/** The resolved columns of a facts table aliased `alias`, for a SELECT list. */
export function resolvedSelect(alias: string): string {
  return RESOLVED.map(({ column }) => `${alias}.${column}`).join(', ');
}

/** The resolved fields as a stored row carries them (snake_case; cumulative as a boolean once read). */
export interface ResolvedFactFields {
  period_start: string | null;
  period_end: string | null;
  modality: string | null;
  cumulative: boolean | number | null;
  country: string | null;
  province: string | null;
  province_code: string | null;
  admin: string | null;
  admin_code: string | null;
  resolution: string | null;
}

const fromRow = (c: ResolvedColumn, row: Partial<ResolvedFactFields>): unknown => (c.fromRow ? c.fromRow(row[c.column]) : (row[c.column] ?? null));

/** A stored row's resolved fields back in the extractor's shape (rows written before the columns existed: nulls). */
export function resolvedOfRow(row: Partial<ResolvedFactFields>): ResolvedFact {
  return Object.fromEntries(RESOLVED.map((c) => [c.field, fromRow(c, row)])) as unknown as ResolvedFact;
}

/** A stored row's resolved fields read, under their column names: how they were decided parsed, cumulative a boolean. */
export type ResolvedColumns = Omit<ResolvedFactFields, 'cumulative' | 'modality' | 'resolution'> & {
  modality: Fact['modality'];
  cumulative: boolean;
  resolution: ResolutionHow | null;
};

export function resolvedColumnsOfRow(row: Partial<ResolvedFactFields>): ResolvedColumns {
  return Object.fromEntries(RESOLVED.map((c) => [c.column, fromRow(c, row)])) as unknown as ResolvedColumns;
}
