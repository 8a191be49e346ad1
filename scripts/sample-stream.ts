/**
 * `node dist/scripts/sample-stream.js`: the researcher's view of an ordinary news stream (issue 13). Ingests the
 * stream (default ../shared/eval/stream beside the repository; `--stream DIR`, or `--eval DIR` / NEWSFACTS_EVAL for
 * the eval folder) into a fresh temporary database, draws a seeded random sample of the stored facts, and writes
 *
 *   - docs/stream-sample.jsonl: one sampled fact a line — document (path inside the stream folder), language, offsets
 *     of the figure in the original text, type, value, unit, qualifier, rule — and a reader's `verdict` (`correct` /
 *     `wrong`, null until judged) with a short `reason` category. No text of the stream is written: offsets only.
 *   - docs/stream-sample.md: the share judged correct per language, with the command, seed and code version.
 *
 * Verdicts are kept across runs: a fact drawn again (same document, offsets, type, value and unit) keeps the verdict
 * its earlier line carried, so the file is both the script's output and the reader's judgement. `--show` prints
 * each sampled fact with its sentence to the terminal for the reader (never to a file).
 *
 * Options: --n 100, --seed 13, --out docs/stream-sample.jsonl, --show, --db FILE (keep the database).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ingest } from '../src/ingest.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import { seededRandom } from '../src/audit/review.js';
import type { FactRow } from '../src/store/types.js';
import { evalRoot, repoRoot } from './eval-root.js';

export interface SampleLine {
  doc: string;
  lang: string;
  start: number;
  end: number;
  type: string;
  value: number;
  value_max: number | null;
  unit: string;
  qualifier: string;
  rule: string;
  verdict: 'correct' | 'wrong' | null;
  /** Why it is wrong, as a category: not_a_fact, wrong_type, wrong_value, wrong_unit, … (null when correct). */
  reason: string | null;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const keyOf = (f: Pick<SampleLine, 'doc' | 'start' | 'end' | 'type' | 'value' | 'unit'>) =>
  [f.doc, f.start, f.end, f.type, f.value, f.unit].join('|');

function readVerdicts(file: string): Map<string, Pick<SampleLine, 'verdict' | 'reason'>> {
  const out = new Map<string, Pick<SampleLine, 'verdict' | 'reason'>>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const l = JSON.parse(line) as SampleLine;
    if (l.verdict) out.set(keyOf(l), { verdict: l.verdict, reason: l.reason });
  }
  return out;
}

function gitHead(root: string): string {
  try {
    return execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export interface SampleOptions {
  stream: string;
  n: number;
  seed: number;
  /** The JSONL file written (and read for earlier verdicts); the summary goes beside it as .md. */
  out: string;
  /** Keep the database here instead of a temporary one. */
  db?: string | null;
  /** Print each drawn fact with its sentence (for the reader; never written to a file). */
  show?: boolean;
  workers?: number;
}

/** Ingests the stream, draws the sample, writes the JSONL and the summary; returns the lines written. */
export async function sampleStream(opts: SampleOptions): Promise<SampleLine[]> {
  const root = repoRoot();
  const { stream, n, seed, out } = opts;
  if (!existsSync(stream)) throw new Error(`sample-stream: ${stream} not found (the stream lives in ../shared/eval/stream beside the repository; --stream DIR)`);
  const summaryFile = out.replace(/\.jsonl$/, '') + '.md';
  const tmp = opts.db ? null : mkdtempSync(path.join(os.tmpdir(), 'newsfacts-stream-'));
  const dbFile = opts.db ? path.resolve(opts.db) : path.join(tmp!, 'stream.sqlite');

  const store = new SqliteStore(dbFile);
  try {
    const s = await ingest(store, [stream], { command: 'sample-stream', workers: opts.workers });
    const facts = store.facts();
    const rel = (f: FactRow) => path.relative(stream, f.doc).split(path.sep).join('/');
    const all = facts
      .map((f) => ({ f, doc: rel(f) }))
      .sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.f.start - b.f.start || a.f.end - b.f.end || a.f.type.localeCompare(b.f.type)));
    // A partial Fisher–Yates shuffle: the first n are a uniform sample without replacement.
    const rand = seededRandom(seed);
    const pool = all.slice();
    for (let i = 0; i < Math.min(n, pool.length); i++) {
      const j = i + Math.floor(rand() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    const drawn = pool.slice(0, Math.min(n, pool.length)).sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.f.start - b.f.start));
    const verdicts = readVerdicts(out);
    const lines: SampleLine[] = drawn.map(({ f, doc }) => {
      const line: SampleLine = {
        doc, lang: f.lang, start: f.start, end: f.end, type: f.type, value: f.value, value_max: f.value_max, unit: f.unit,
        qualifier: f.qualifier, rule: f.rule, verdict: null, reason: null,
      };
      return { ...line, ...(verdicts.get(keyOf(line)) ?? {}) };
    });
    writeFileSync(out, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

    if (opts.show) {
      drawn.forEach(({ f, doc }, i) => {
        const v = lines[i].verdict ? ` [${lines[i].verdict}${lines[i].reason ? ': ' + lines[i].reason : ''}]` : '';
        console.log(`#${i + 1} ${doc} ${f.start}-${f.end} ${f.type} ${f.value} ${f.unit} ${f.qualifier} ${f.rule}${v}\n   evidence: ${f.evidence}\n   sentence: ${f.sentence}\n`);
      });
    }

    // Share correct per language, over the judged lines.
    // Every language of the stream has a row, also one whose texts gave no fact (a sample cannot judge it then).
    const docLangs = new Map<string, number>();
    for (const d of store.documents()) docLangs.set(d.lang, (docLangs.get(d.lang) ?? 0) + 1);
    const langs = [...new Set([...docLangs.keys(), ...lines.map((l) => l.lang)])].sort();
    const stored = new Map<string, number>();
    for (const { f } of all) stored.set(f.lang, (stored.get(f.lang) ?? 0) + 1);
    const row = (label: string, ls: SampleLine[], storedN: number) => {
      const judged = ls.filter((l) => l.verdict);
      const ok = judged.filter((l) => l.verdict === 'correct').length;
      const share = judged.length ? ((100 * ok) / judged.length).toFixed(0) + ' %' : '—';
      return `| ${label} | ${label === 'all' ? s.pagesStored + s.pagesUnchanged : docLangs.get(label) ?? 0} | ${storedN} | ${ls.length} | ${judged.length} | ${ok} | ${share} |`;
    };
    const reasons = new Map<string, number>();
    for (const l of lines) if (l.verdict === 'wrong') reasons.set(l.reason ?? 'unstated', (reasons.get(l.reason ?? 'unstated') ?? 0) + 1);
    const table = [
      '| language | texts | facts stored | sampled | judged | correct | share correct |',
      '|---|---|---|---|---|---|---|',
      ...langs.map((lang) => row(lang, lines.filter((l) => l.lang === lang), stored.get(lang) ?? 0)),
      row('all', lines, all.length),
    ];
    const md = [
      '# Stream sample: facts a researcher would get from an ordinary news stream',
      '',
      `Written by \`node dist/scripts/sample-stream.js\` (seed ${seed}, n ${n}) at code ${gitHead(root)} on ${new Date().toISOString().slice(0, 10)}: ` +
        `the stream (${s.pagesStored + s.pagesUnchanged} texts of \`${path.relative(root, stream).split(path.sep).join('/')}\`) ingested into a fresh database, ` +
        `${all.length} facts stored, ${lines.length} drawn at random. Each drawn fact was read in its sentence under ` +
        '`../shared/annotation-guidelines.md` (type, value and unit must be what a careful reader would record); the ' +
        'verdicts are in `stream-sample.jsonl` beside this file (offsets only, no text of the stream), and a fact drawn again ' +
        'by a later run keeps its verdict.',
      '',
      ...table,
      '',
      `Wrong, by reason: ${[...reasons].sort((a, b) => b[1] - a[1]).map(([r, k]) => `${r} ${k}`).join(', ') || '—'}.`,
      '',
    ].join('\n');
    writeFileSync(summaryFile, md);
    console.log(table.join('\n'));
    console.log(`\n${lines.length} facts written to ${path.relative(process.cwd(), out)}; ${lines.filter((l) => !l.verdict).length} not judged yet`);
    return lines;
  } finally {
    store.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  sampleStream({
    stream: path.resolve(option('--stream', path.join(evalRoot(), 'stream'))),
    n: Number(option('--n', '100')),
    seed: Number(option('--seed', '13')),
    out: path.resolve(repoRoot(), option('--out', 'docs/stream-sample.jsonl')),
    db: process.argv.includes('--db') ? option('--db', '') : null,
    show: process.argv.includes('--show'),
  }).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
