/**
 * CSV and JSON of exactly the view the facts page shows: the same parameters, the same order. Without `limit`/`after`
 * the whole filtered view is streamed, page by page through the same keyset walk the table uses, so an export of a
 * million rows never holds more than one page in memory.
 */
import { csvRow } from '../../csv.js';
import type { BrowsedFact, FactCursor } from '../../store/types.js';
import type { Request, Response, ServerContext } from '../context.js';
import { parseFactView } from '../params.js';

export const EXPORT_FIELDS = [
  'id', 'doc', 'document_id', 'type', 'value', 'value_max', 'unit', 'qualifier', 'start', 'end', 'evidence', 'evidence_start',
  'evidence_end', 'sentence', 'period', 'place', 'rule', 'rule_version', 'lang', 'trigger', 'review',
] as const;

const BATCH = 1000;

function exportRow(f: BrowsedFact): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of EXPORT_FIELDS) out[k] = (f as unknown as Record<string, unknown>)[k];
  return out;
}

export function factsExport(ctx: ServerContext, req: Request, format: 'csv' | 'json'): Response {
  const view = parseFactView(req.params);
  const wholeView = !req.params.has('limit') && !req.params.has('after');
  const pages = function* (): Generator<BrowsedFact[]> {
    let after: FactCursor | null = view.after;
    let left = wholeView ? Infinity : view.limit;
    while (left > 0) {
      const { rows, next } = ctx.store.browseFacts({ query: view.query, sort: view.sort, desc: view.desc, limit: Math.min(BATCH, left), after });
      yield rows;
      left -= rows.length;
      if (!next) return;
      after = next;
    }
  };
  return {
    kind: 'stream',
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    filename: `facts.${format}`,
    write: async (out) => {
      if (format === 'csv') {
        await out(EXPORT_FIELDS.join(',') + '\r\n');
        for (const rows of pages()) {
          if (rows.length) await out(rows.map((f) => csvRow(EXPORT_FIELDS.map((k) => (f as any)[k]))).join(''));
        }
      } else {
        let first = true;
        await out('[');
        for (const rows of pages()) {
          if (!rows.length) continue;
          await out((first ? '\n' : ',\n') + rows.map((f) => JSON.stringify(exportRow(f))).join(',\n'));
          first = false;
        }
        await out('\n]\n');
      }
    },
  };
}
