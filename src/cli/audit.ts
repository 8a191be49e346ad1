import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadRulesForCommand } from './rules.js';
import { explainFact, explainFigure, formatExplanation, formatFigureExplanation } from '../audit/explain.js';
import { ruleStats } from '../audit/stats.js';
import { evaluate, type EvalReport } from '../audit/eval.js';
import { diffRuns, type RunDiff } from '../audit/diff.js';
import type { Counts } from '../audit/gold.js';
import { openStore } from '../store/open.js';
import { FACT_TYPES } from '../types.js';
import { UsageError, type SetExit } from './errors.js';
import { formatRows } from './format.js';

const pct = (x: number | null) => (x === null ? '—' : (100 * x).toFixed(1) + '%');
const f3 = (x: number) => x.toFixed(3);

function checkFormat(format: string, allowed = ['text', 'json']): void {
  if (!allowed.includes(format)) throw new UsageError(`unknown --format '${format}' (${allowed.join(', ')})`);
}

function countsTable(title: string, groups: Record<string, Counts>): string {
  const rows = Object.entries(groups).map(([k, c]) => ({
    [title]: k, tp: c.tp, fp: c.fp, fn: c.fn, precision: f3(c.precision), recall: f3(c.recall), f1: f3(c.f1),
  }));
  return formatRows(rows, [title, 'tp', 'fp', 'fn', 'precision', 'recall', 'f1'], 'table', 60);
}

export function formatEval(r: EvalReport, opts: { showFieldErrors?: boolean } = {}): string {
  const o = r.overall;
  const out = [
    `gold ${r.gold}: ${r.goldFacts} gold facts; ${r.documents} documents scored, ${r.predictedFacts} facts predicted; matched by ${r.match === 'key' ? 'unique key (document, type, unit, value)' : 'mention'}`,
    `overall: tp ${o.tp}  fp ${o.fp}  fn ${o.fn}  precision ${f3(o.precision)}  recall ${f3(o.recall)}  f1 ${f3(o.f1)}`,
  ];
  if (r.goldDocumentsNotStored.length) out.push(`gold documents not in the database (their facts count as missed): ${r.goldDocumentsNotStored.join(', ')}`);
  out.push('', 'per type', countsTable('type', r.byType), 'per language', countsTable('lang', r.byLang));
  const ruleRows = Object.entries(r.byRule).map(([rule, c]) => ({ rule, tp: c.tp, fp: c.fp, precision: f3(c.precision) }));
  out.push('per rule (a missed fact belongs to no rule: recall is per type and language)', formatRows(ruleRows, ['rule', 'tp', 'fp', 'precision'], 'table', 60));
  if (Object.keys(r.fields).length) {
    const fieldRows = Object.entries(r.fields).map(([lang, s]) => ({
      lang, matched: s.matched,
      ...Object.fromEntries(Object.entries(s.fields).map(([k, v]) => [k, v.n ? f3(v.accuracy) : '—'])),
      planned_precision: s.plannedPrecision.n ? `${f3(s.plannedPrecision.accuracy)} (${s.plannedPrecision.n})` : '—',
    }));
    out.push('resolved fields over matched facts (accuracy; planned precision with the number predicted planned)',
      formatRows(fieldRows, ['lang', 'matched', 'province_code', 'period_end', 'interval', 'modality', 'planned_precision', 'cumulative'], 'table', 60));
  }
  out.push(`false positives (${r.falsePositives.length})`);
  for (const p of r.falsePositives) out.push(`  #${p.id} ${p.doc}  ${p.type} ${p.value} ${p.unit}  [${p.rule}]  ${p.evidence}\n      ${p.sentence}`);
  out.push(`false negatives (${r.falseNegatives.length})`);
  for (const g of r.falseNegatives) out.push(`  ${g.doc}  ${g.type} ${g.value} ${g.unit}  ${g.evidence ?? ''}\n      ${g.sentence ?? '(sentence not found)'}`);
  out.push(`resolved fields that differ from gold (${r.fieldMisses.length})`);
  const misses = opts.showFieldErrors ? [...r.fieldMisses].sort((a, b) => a.field.localeCompare(b.field) || a.doc.localeCompare(b.doc) || a.id - b.id) : r.fieldMisses;
  for (const m of misses) {
    out.push(`  #${m.id} ${m.doc}  ${m.field}: gold ${JSON.stringify(m.gold)}, got ${JSON.stringify(m.predicted)}  ${m.evidence}`);
    if (!opts.showFieldErrors) continue;
    out.push(`      gold: period ${JSON.stringify(m.goldPeriod)}, place ${JSON.stringify(m.goldPlace)}, published ${JSON.stringify(m.goldPublished)}`);
    out.push(`      ours: period ${JSON.stringify(m.period)}, place ${JSON.stringify(m.place)}, published ${JSON.stringify(m.published)}`);
    if (m.how) out.push(`      how: ${JSON.stringify(m.how)}`);
    out.push(`      ${m.sentence}`);
  }
  return out.join('\n');
}

export function formatDiff(d: RunDiff): string {
  const out = [
    `run ${d.runA} → run ${d.runB}: ${d.added} added, ${d.removed} removed, ${d.changed} changed; ${d.unchanged} unchanged` +
      (d.reversioned ? ` (${d.reversioned} of them under a new rule version only)` : ''),
  ];
  const fact = (f: { doc: string; type: string; value: number; unit: string; qualifier: string; evidence: string }) =>
    `${f.doc}  ${f.type} ${f.value} ${f.unit}${f.qualifier !== 'exact' ? ' ' + f.qualifier : ''}  ${f.evidence}`;
  for (const [rule, g] of Object.entries(d.byRule)) {
    out.push('', `${rule}: +${g.added.length} −${g.removed.length} ~${g.changed.length}`);
    for (const f of g.added) out.push(`  + ${fact(f)}`);
    for (const f of g.removed) out.push(`  − ${fact(f)}`);
    for (const c of g.changed) {
      out.push(`  ~ ${fact(c.after)}`);
      out.push(`      was ${c.fields.map((k) => `${k} ${JSON.stringify((c.before as any)[k])}`).join(', ')}`);
    }
  }
  return out.join('\n');
}

export function register(program: Command, _setExit: SetExit): void {
  const audit = program.command('audit').description('explain, score and compare the stored facts (reads only)');

  audit
    .command('explain')
    .description('where a fact came from (rule, version, trigger, sentence, context), or with --figure why a number was or was not taken')
    .argument('[fact-id]', 'fact id (as `newsfacts facts` prints it)')
    .option('--figure <doc:offset>', 'a figure of a stored document: its id or path, a colon, an offset in the original text (as `facts` prints start)')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--extractors <dir>', 'rules folder (default: the package extractors/)')
    .option('--format <format>', 'text | json', 'text')
    .action((id: string | undefined, opts: { figure?: string; db?: string; extractors?: string; format: string }) => {
      checkFormat(opts.format);
      if (opts.figure !== undefined) {
        const m = /^(.+):(\d+)$/.exec(opts.figure);
        if (!m) throw new UsageError(`--figure takes <doc>:<offset> (a document id or path, a colon, an offset), not '${opts.figure}'`);
        const store = openStore(opts.db, { readonly: true });
        try {
          let e;
          try {
            e = explainFigure(store, m[1], Number(m[2]), loadRulesForCommand(opts.extractors));
          } catch (err: any) {
            throw new UsageError(err.message);
          }
          console.log(opts.format === 'json' ? JSON.stringify(e, null, 2) : formatFigureExplanation(e));
        } finally {
          store.close();
        }
        return;
      }
      if (id === undefined) throw new UsageError('give a fact id, or --figure <doc>:<offset>');
      if (!/^\d+$/.test(id)) throw new UsageError(`a fact id is a whole number, not '${id}'`);
      const store = openStore(opts.db, { readonly: true });
      try {
        if (!store.fact(Number(id))) throw new UsageError(`no fact ${id} in the database`);
        const e = explainFact(store, Number(id), loadRulesForCommand(opts.extractors));
        console.log(opts.format === 'json' ? JSON.stringify(e, null, 2) : formatExplanation(e));
      } finally {
        store.close();
      }
    });

  audit
    .command('stats')
    .description('per rule: facts, documents, share, reviewed precision, overlaps and conflicts; rules that never fire')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--lang <lang>', 'language (zh, zh-Hans, zh-Hant, vi, en)')
    .option('--type <type>', `fact type (${FACT_TYPES.join(', ')})`)
    .option('--extractors <dir>', 'rules folder (default: the package extractors/)')
    .option('--no-overlaps', 'skip re-running the rules for overlaps and conflicts')
    .option('--format <format>', 'text | json', 'text')
    .action((opts: { db?: string; lang?: string; type?: string; extractors?: string; overlaps: boolean; format: string }) => {
      checkFormat(opts.format);
      if (opts.type && !FACT_TYPES.includes(opts.type as any)) throw new UsageError(`unknown --type '${opts.type}' (${FACT_TYPES.join(', ')})`);
      const store = openStore(opts.db, { readonly: true });
      try {
        const s = ruleStats(store, loadRulesForCommand(opts.extractors), {
          lang: opts.lang, type: opts.type, noOverlaps: !opts.overlaps,
        });
        if (opts.format === 'json') {
          console.log(JSON.stringify(s, null, 2));
          return;
        }
        const rows = s.rules.map((r) => ({
          ...r, share: pct(r.share), reviewed: r.reviewed ? `${r.correct}/${r.reviewed}` : '', precision: pct(r.reviewedPrecision),
          rule: r.inRuleSet ? r.rule : r.rule + ' (gone)',
        }));
        const out = [
          `${s.facts} facts in ${s.documents} documents${s.filter.lang ? ' · lang ' + s.filter.lang : ''}${s.filter.type ? ' · type ' + s.filter.type : ''}`,
          formatRows(rows, ['rule', 'facts', 'documents', 'share', 'overlaps', 'conflicts', 'reviewed', 'precision'], 'table', 60).trimEnd(),
          `never firing (${s.neverFiring.length}): ${s.neverFiring.join(', ') || '—'}`,
          `overlaps (two rules match the same figure): ${s.overlaps.length ? '' : '—'}`,
        ];
        for (const p of s.overlaps) {
          out.push(`  ${p.rules[0]} × ${p.rules[1]}: ${p.figures} figure(s), ${p.conflicts} conflicting`);
          for (const e of p.examples) out.push(`      ${e.doc}  ${e.figure}  → ${e.readings.join(' | ')}`);
        }
        console.log(out.join('\n'));
      } finally {
        store.close();
      }
    });

  audit
    .command('eval')
    .description('precision, recall and F1 per rule, type and language against a gold JSONL, with FP/FN sentences')
    .requiredOption('--gold <file>', 'gold facts (JSONL of the annotation guidelines)')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--all-documents', 'score every stored document, not only those in the gold file\'s folders')
    .option('--show-field-errors', 'with each resolved field that differs from gold: the sentence, the period and place words on both sides and how ours were decided (grouped by field)')
    .option('--match <how>', 'mention (each stored fact pairs with at most one gold fact) | key (unique document, type, unit and value on both sides, as the eval folder scores)', 'mention')
    .option('--format <format>', 'text | json', 'text')
    .action((opts: { gold: string; db?: string; allDocuments?: boolean; showFieldErrors?: boolean; match: string; format: string }) => {
      checkFormat(opts.format);
      if (opts.match !== 'mention' && opts.match !== 'key') throw new UsageError(`--match is mention or key, not '${opts.match}'`);
      if (!existsSync(opts.gold)) throw new UsageError(`no gold file at ${opts.gold}`);
      const store = openStore(opts.db, { readonly: true });
      try {
        const r = evaluate(store, opts.gold, { allDocuments: opts.allDocuments, match: opts.match });
        console.log(opts.format === 'json' ? JSON.stringify(r, null, 2) : formatEval(r, { showFieldErrors: opts.showFieldErrors }));
      } finally {
        store.close();
      }
    });

  audit
    .command('diff')
    .description('facts added, removed and changed between two runs, grouped by rule')
    .argument('<run-a>', 'the earlier run id')
    .argument('<run-b>', 'the later run id')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--format <format>', 'text | json', 'text')
    .action((a: string, b: string, opts: { db?: string; format: string }) => {
      checkFormat(opts.format);
      for (const x of [a, b]) if (!/^\d+$/.test(x)) throw new UsageError(`a run id is a whole number, not '${x}'`);
      const store = openStore(opts.db, { readonly: true });
      try {
        const known = new Set(store.runs().map((r) => Number(r.id)));
        for (const x of [a, b]) if (!known.has(Number(x))) throw new UsageError(`no run ${x} in the database`);
        const d = diffRuns(store, Number(a), Number(b));
        console.log(opts.format === 'json' ? JSON.stringify(d, null, 2) : formatDiff(d));
      } finally {
        store.close();
      }
    });
}
