/**
 * The resolved fields of a fact (issue 14: period interval, modality, running total, place with codes, and how each
 * was decided) as both stores keep them: one list of columns, their PostgreSQL array types, and the row ↔ fact mapping.
 */
import type { Fact } from '../types.js';

export const RESOLVED_FACT_COLUMNS: Array<[column: string, pgType: string, get: (f: Fact) => unknown]> = [
  ['period_start', 'text', (f) => f.periodStart],
  ['period_end', 'text', (f) => f.periodEnd],
  ['modality', 'text', (f) => f.modality],
  ['cumulative', 'int4', (f) => (f.cumulative ? 1 : 0)],
  ['country', 'text', (f) => f.country],
  ['province', 'text', (f) => f.province],
  ['province_code', 'text', (f) => f.provinceCode],
  ['admin', 'text', (f) => f.admin],
  ['admin_code', 'text', (f) => f.adminCode],
  ['resolution', 'text', (f) => (f.resolution ? JSON.stringify(f.resolution) : null)],
];

/** The resolved columns of a facts table aliased `alias`, for a SELECT list. */
export function resolvedSelect(alias: string): string {
  return RESOLVED_FACT_COLUMNS.map(([c]) => `${alias}.${c}`).join(', ');
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

/** A stored row's resolved fields back in the extractor's shape (rows written before the columns existed: nulls). */
export function resolvedOfRow(row: Partial<ResolvedFactFields>): Pick<
  Fact,
  'periodStart' | 'periodEnd' | 'modality' | 'cumulative' | 'country' | 'province' | 'provinceCode' | 'admin' | 'adminCode' | 'resolution'
> {
  return {
    periodStart: row.period_start ?? null,
    periodEnd: row.period_end ?? null,
    modality: row.modality === 'planned' ? 'planned' : 'achieved',
    cumulative: !!row.cumulative,
    country: row.country ?? null,
    province: row.province ?? null,
    provinceCode: row.province_code ?? null,
    admin: row.admin ?? null,
    adminCode: row.admin_code ?? null,
    resolution: row.resolution ? JSON.parse(row.resolution) : null,
  };
}
