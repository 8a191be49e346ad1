/**
 * `npm run eval:clean`: scores the clean stage on real pages with ground truth (../shared/eval/html), beside
 * @mozilla/readability on linkedom (and on jsdom when it happens to be installed), in the same run with timings.
 *
 * Measures, as in the ScrapingHub article-extraction benchmark: precision, recall and F1 over the multiset of
 * character bigrams (whitespace removed) for Chinese and of word 4-grams for English, per page, averaged per set.
 * zh-trafilatura-eval has only snippets: the share of `with` snippets kept and of `without` snippets dropped.
 * Then robustness on ../shared/eval/html-unlabeled: crashes, empty results, menu-like results, and the list pages,
 * which must yield no article. Pages are decoded by our decoder before either extractor sees them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { decodePage } from '../src/decode/decode.js';
import { cleanPage } from '../src/clean/index.js';
import { canonicalEncoding } from '../src/decode/charset.js';
import { noTextReason, type DecodedPage, type PageMessage } from '../src/types.js';
import { evalRoot } from './eval-root.js';

const EVAL = evalRoot();

interface Truth {
  id: string;
  file: string;
  lang: string;
  encoding_guess?: string;
  text: string;
  with?: string[];
  without?: string[];
}

type Extractor = (page: DecodedPage) => string;

interface Prf {
  p: number;
  r: number;
  f: number;
}

function grams(text: string, lang: string): Map<string, number> {
  const out = new Map<string, number>();
  const add = (g: string) => out.set(g, (out.get(g) ?? 0) + 1);
  if (lang === 'en') {
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
    for (let i = 0; i + 4 <= words.length; i++) add(words.slice(i, i + 4).join(' '));
    if (words.length > 0 && words.length < 4) add(words.join(' '));
  } else {
    const chars = [...text.replace(/\s+/g, '')];
    for (let i = 0; i + 2 <= chars.length; i++) add(chars[i] + chars[i + 1]);
  }
  return out;
}

function prf(got: string, truth: string, lang: string): Prf {
  const g = grams(got, lang);
  const t = grams(truth, lang);
  let overlap = 0;
  let ng = 0;
  let nt = 0;
  for (const [k, v] of g) {
    ng += v;
    overlap += Math.min(v, t.get(k) ?? 0);
  }
  for (const v of t.values()) nt += v;
  if (ng === 0 && nt === 0) return { p: 1, r: 1, f: 1 };
  const p = ng ? overlap / ng : 0;
  const r = nt ? overlap / nt : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** The cleaned text without the headline line the cleaner puts first. */
function withoutTitle(text: string, title: string | null): string {
  return title && text.startsWith(title) ? text.slice(title.length) : text;
}

/** Share of `with` snippets found and of `without` snippets absent. */
function snippets(got: string, t: Truth): { withKept: number; withoutDropped: number } {
  const g = squash(got);
  const w = t.with ?? [];
  const wo = t.without ?? [];
  return {
    withKept: w.length ? w.filter((s) => g.includes(squash(s))).length / w.length : 1,
    withoutDropped: wo.length ? wo.filter((s) => !g.includes(squash(s))).length / wo.length : 1,
  };
}

/** Mojibake in decoded text: replacement characters, the classic UTF-8-as-Latin-1 and GBK-as-UTF-8 signatures. */
function mojibake(text: string): string | null {
  const repl = (text.match(/\uFFFD/g) ?? []).length;
  if (repl > Math.max(3, text.length * 0.005)) return `${repl} U+FFFD`;
  if (/锟斤拷|Ã[\u0080-\u00bf]|â€[\u0080-\u00bf™œ]/.test(text)) return 'mojibake signature';
  return null;
}

const fmt = (x: number) => x.toFixed(3);
const ms = (x: number) => x.toFixed(1);

function readPage(dir: string, file: string): Buffer {
  const bytes = readFileSync(path.join(dir, file));
  return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

async function readabilityExtractors(): Promise<Array<{ name: string; run: Extractor }>> {
  const { Readability } = await import('@mozilla/readability');
  const { parseHTML } = await import('linkedom');
  const out: Array<{ name: string; run: Extractor }> = [
    {
      name: 'readability/linkedom',
      run: (page) => {
        const { document } = parseHTML(page.content);
        // Readability reads these; linkedom has them but a page may lack <body>.
        const article = new Readability(document as unknown as Document).parse();
        return article?.textContent ?? '';
      },
    },
  ];
  try {
    const jsdomName = 'jsdom';
    const { JSDOM } = (await import(jsdomName)) as { JSDOM: new (html: string) => { window: { document: Document } } };
    out.push({
      name: 'readability/jsdom',
      run: (page) => new Readability(new JSDOM(page.content).window.document).parse()?.textContent ?? '',
    });
  } catch {
    // jsdom is not a dependency; it is used only when present.
  }
  return out;
}

interface PageResult {
  set: string;
  id: string;
  scores: Record<string, Prf>;
  times: Record<string, number>;
  ours: string;
  truth: Truth;
  emptyReason?: string;
  encoding: string;
  mojibake: string | null;
  snippet?: Record<string, { withKept: number; withoutDropped: number }>;
  /** F1 of newsfacts' text without the headline line it puts first (the sets' truth is the body alone). */
  bodyF1?: number;
  title: string | null;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

async function main(): Promise<void> {
  const htmlDir = path.join(EVAL, 'html');
  if (!existsSync(htmlDir)) {
    console.error(`eval-clean: ${htmlDir} not found (the eval material lives in ../shared/eval beside the repository)`);
    process.exit(2);
  }
  const peers = await readabilityExtractors();
  const systems: Array<{ name: string; run: Extractor }> = [{ name: 'newsfacts', run: (p) => cleanPage(p).text.text }, ...peers];
  const results: PageResult[] = [];
  for (const set of readdirSync(htmlDir).filter((d) => existsSync(path.join(htmlDir, d, 'truth.jsonl'))).sort()) {
    const dir = path.join(htmlDir, set);
    const truths = readFileSync(path.join(dir, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Truth);
    for (const t of truths) {
      const bytes = readPage(dir, t.file);
      const page = decodePage({ source: t.file, bytes, format: 'html' });
      const r: PageResult = {
        set, id: t.id, scores: {}, times: {}, ours: '', truth: t, encoding: page.encoding, mojibake: mojibake(page.content), title: null,
      };
      for (const s of systems) {
        let text = '';
        const t0 = performance.now();
        try {
          if (s.name === 'newsfacts') {
            const messages: PageMessage[] = [];
            const doc = cleanPage(page, messages);
            text = doc.text.text;
            r.emptyReason = noTextReason(messages) ?? undefined;
            r.title = doc.meta.title;
          } else text = s.run(page);
        } catch (err) {
          text = '';
          if (s.name === 'newsfacts') r.emptyReason = `crash: ${(err as Error).message}`;
        }
        r.times[s.name] = performance.now() - t0;
        if (s.name === 'newsfacts') r.ours = text;
        if (t.with) {
          r.snippet ??= {};
          r.snippet[s.name] = snippets(text, t);
        } else r.scores[s.name] = prf(text, t.text, t.lang === 'en' ? 'en' : 'zh');
      }
      if (!t.with) r.bodyF1 = prf(withoutTitle(r.ours, r.title), t.text, t.lang === 'en' ? 'en' : 'zh').f;
      results.push(r);
    }
  }

  console.log(`# Clean-stage evaluation (${new Date().toISOString().slice(0, 10)}), pages from ${EVAL}`);
  console.log('F1 over character bigrams (zh) / word 4-grams (en), mean of per-page scores; time per page in ms (decoding excluded).\n');
  for (const set of [...new Set(results.map((r) => r.set))]) {
    const rs = results.filter((r) => r.set === set);
    console.log(`## ${set} (${rs.length} pages)`);
    const rows = [['system', ...(rs[0].snippet ? ['with kept', 'without dropped'] : ['P', 'R', 'F1', 'pages<0.5']), 'ms/page']];
    for (const s of systems) {
      const time = mean(rs.map((r) => r.times[s.name]));
      if (rs[0].snippet) {
        rows.push([s.name, fmt(mean(rs.map((r) => r.snippet![s.name].withKept))), fmt(mean(rs.map((r) => r.snippet![s.name].withoutDropped))), ms(time)]);
      } else {
        const sc = rs.map((r) => r.scores[s.name]);
        rows.push([s.name, fmt(mean(sc.map((x) => x.p))), fmt(mean(sc.map((x) => x.r))), fmt(mean(sc.map((x) => x.f))), String(sc.filter((x) => x.f < 0.5).length), ms(time)]);
      }
    }
    console.log(table(rows));
    if (!rs[0].snippet) {
      console.log(`(newsfacts without the headline line it puts first — the truth is the body alone, as Readability's text is: F1 ${fmt(mean(rs.map((r) => r.bodyF1 ?? 0)))})`);
    }
    console.log('');
  }

  const scored = results.filter((r) => !r.snippet);
  console.log('## Ten worst pages (newsfacts)');
  const worst = [...scored].sort((a, b) => a.scores.newsfacts.f - b.scores.newsfacts.f).slice(0, 10);
  for (const r of worst) {
    const s = r.scores.newsfacts;
    const why = r.emptyReason
      ? `empty: ${r.emptyReason}`
      : s.p >= 0.9 && s.r < s.p
        ? 'missed article text (dropped paragraphs or sections)'
        : s.r >= 0.9 && s.p < s.r
          ? 'kept text beyond the article (furniture, captions, teasers, boilerplate)'
          : 'partly the wrong text: both precision and recall low';
    const peer = peers[0] ? ` (${peers[0].name} ${fmt(r.scores[peers[0].name].f)})` : '';
    console.log(`- ${r.set}/${r.id}: F1 ${fmt(s.f)} P ${fmt(s.p)} R ${fmt(s.r)}${peer} — ${why}; got ${r.ours.length} chars, truth ${r.truth.text.length}`);
  }

  console.log('\n## Decoding');
  // Mojibake that reached the article text is a decoding failure; a signature elsewhere in the page can be the
  // source's own (double-encoded text in a script comment), which no decoding of the bytes repairs.
  const mojText = results.filter((r) => mojibake(r.ours));
  console.log(`pages whose cleaned text holds mojibake: ${mojText.length}${mojText.map((r) => `\n- ${r.id}: ${mojibake(r.ours)} (${r.encoding})`).join('')}`);
  const moj = results.filter((r) => r.mojibake && !mojibake(r.ours));
  // The sets' guesses carry notes (`gbk-lossy(2 invalid)`): the codec is the part before them.
  const guess = (g: string) => canonicalEncoding(g.replace(/-lossy.*$|\(.*$/, ''));
  const wrongEnc = results.filter((r) => r.truth.encoding_guess && guess(r.truth.encoding_guess) !== r.encoding && !(r.encoding === 'utf-8' && /ascii/i.test(r.truth.encoding_guess!)));
  console.log(`pages whose source (outside the article) holds a mojibake signature: ${moj.length}${moj.map((r) => `\n- ${r.id}: ${r.mojibake} (${r.encoding}; present in the page's own bytes)`).join('')}`);
  console.log(`pages whose encoding differs from the set's guess: ${wrongEnc.length}${wrongEnc.map((r) => `\n- ${r.id}: ours ${r.encoding}, guess ${r.truth.encoding_guess}`).join('')}`);

  // Unlabeled portal pages: robustness and benchmark.
  const unl = path.join(EVAL, 'html-unlabeled', 'gne');
  if (existsSync(unl)) {
    console.log('\n## html-unlabeled (no ground truth)');
    const times: Record<string, number[]> = {};
    const problems: string[] = [];
    let articles = 0;
    for (const kind of ['articles', 'list-pages']) {
      const dir = path.join(unl, kind);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => /\.html?(\.gz)?$/.test(f)).sort()) {
        const page = decodePage({ source: file, bytes: readPage(dir, file), format: 'html' });
        for (const s of systems) {
          const t0 = performance.now();
          let text = '';
          let reason: string | undefined;
          try {
            if (s.name === 'newsfacts') {
              const messages: PageMessage[] = [];
              const doc = cleanPage(page, messages);
              text = doc.text.text;
              reason = noTextReason(messages) ?? undefined;
            } else text = s.run(page);
          } catch (err) {
            if (s.name === 'newsfacts') problems.push(`- ${kind}/${file}: CRASH ${(err as Error).message}`);
          }
          (times[s.name] ??= []).push(performance.now() - t0);
          if (s.name !== 'newsfacts') continue;
          const lines = text.split('\n').filter(Boolean);
          const shortShare = lines.length ? lines.filter((l) => l.replace(/\s/g, '').length < 12).length / lines.length : 0;
          if (kind === 'articles') {
            articles++;
            if (!text) problems.push(`- articles/${file}: EMPTY (${reason})`);
            else if (shortShare > 0.6 && lines.length > 5) problems.push(`- articles/${file}: looks like a menu (${lines.length} lines, ${(shortShare * 100).toFixed(0)}% short)`);
            const mj = mojibake(page.content);
            if (mj) problems.push(`- articles/${file}: mojibake (${mj})`);
          } else {
            problems.push(`- list-pages/${file}: ${text ? `yielded ${text.length} chars (should be empty)` : `no article, as it should (${reason})`}`);
          }
        }
      }
    }
    console.log(`${articles} article pages; findings:\n${problems.join('\n') || '- none'}`);
    const rows = [['system', 'ms/page (all unlabeled pages)']];
    for (const s of systems) rows.push([s.name, ms(mean(times[s.name] ?? []))]);
    console.log(table(rows));
  }

  factEvidence();

  console.log('\n## Speed over every page of this run');
  const all: Record<string, number[]> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.times)) (all[k] ??= []).push(v);
  const ours = mean(all.newsfacts);
  for (const s of systems) {
    const m = mean(all[s.name]);
    console.log(`- ${s.name}: ${ms(m)} ms/page${s.name === 'newsfacts' ? '' : ` (newsfacts is ${(m / ours).toFixed(1)}x faster)`}`);
  }
}

/**
 * The facts set (../shared/eval/facts): texts with gold facts. Cleaning must keep every gold `evidence` string
 * (compared without whitespace, NFC): a lost one is a fact the extractors can never find.
 */
function factEvidence(): void {
  const dir = path.join(EVAL, 'facts', 'articles');
  const goldFile = path.join(EVAL, 'facts', 'gold.jsonl');
  if (!existsSync(dir) || !existsSync(goldFile)) return;
  const gold = readFileSync(goldFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { doc: string; evidence: string });
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
  let total = 0;
  const lost: string[] = [];
  const empty: string[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.(html?|txt)$/.test(f)).sort()) {
    const page = decodePage({ source: file, bytes: readFileSync(path.join(dir, file)), format: file.endsWith('.txt') ? 'text' : 'html' });
    const messages: PageMessage[] = [];
    const doc = cleanPage(page, messages);
    const emptyReason = noTextReason(messages);
    if (emptyReason) empty.push(`${file}: ${emptyReason}`);
    const text = norm(doc.text.text);
    for (const g of gold.filter((x) => x.doc === file.replace(/\.\w+$/, ''))) {
      total++;
      if (!text.includes(norm(g.evidence))) lost.push(`- ${file}: ${g.evidence}`);
    }
  }
  console.log(`\n## Gold fact evidence kept by cleaning (${dir})`);
  console.log(`${total - lost.length} of ${total} evidence strings kept${lost.length ? `; lost:\n${lost.join('\n')}` : ''}`);
  if (empty.length) console.log(`empty results:\n- ${empty.join('\n- ')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
