/**
 * `newsfacts clean <file> [--format text|json]`: one page's cleaned text and metadata, stored nowhere: the page goes
 * through the same reader (sources/page.ts) and page function (page.ts) as in `ingest`.
 */
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { loadRuleSet } from '../extract/rules.js';
import { runPage } from '../page.js';
import { readPage } from '../sources/page.js';
import { noTextReason } from '../types.js';
import { UsageError, type SetExit } from './errors.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('clean')
    .description("one page's cleaned text and metadata (title, date, source, author, lang, encoding), without storing anything")
    .argument('<file>', 'an .html/.htm or .txt file')
    .option('--format <format>', 'text (the metadata, a blank line, the text) or json', 'text')
    .action(async (file: string, opts: { format: string }) => {
      if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`--format must be text or json, not ${opts.format}`);
      try {
        if (!statSync(file).isFile()) throw new Error('not a file');
      } catch (err) {
        throw new UsageError(`${file}: cannot read (${(err as Error).message})`);
      }
      // The same reader and page function as `ingest`: the text printed here is the text ingest stores.
      const item = await readPage(file);
      if (item.kind !== 'page') {
        console.error(`newsfacts: ${file}: ${item.reason}`);
        setExit(1);
        return;
      }
      const run = runPage(item.page, loadRuleSet());
      if (!run.ok) {
        console.error(`newsfacts: ${file}: ${run.reason}`);
        setExit(1);
        return;
      }
      const { decoded: page, clean: doc, norm, messages } = run.page;
      const emptyReason = noTextReason(messages);
      const text = doc.text.text;
      const lang = text.trim() ? norm.lang : null;
      if (opts.format === 'json') {
        const json = {
          file,
          text,
          title: doc.meta.title,
          date: doc.meta.date,
          // The outlet the page names (来源), not the file: that is `file`.
          source: doc.meta.source,
          author: doc.meta.author,
          url: doc.meta.url ?? null,
          lang,
          encoding: page.encoding,
          format: page.format,
          decode_issues: messages.filter((m) => m.kind === 'replaced-bytes').map((m) => m.reason),
          empty_reason: emptyReason,
          // Where each line of `text` starts and ends in the decoded page (UTF-16 offsets).
          lines: lineSpans(doc.text),
        };
        console.log(JSON.stringify(json, null, 2));
      } else {
        if (emptyReason) console.error(`newsfacts: ${file}: ${emptyReason}`);
        // The metadata as a header, one `field: value` a line, then a blank line and the text.
        const header = [
          ['title', doc.meta.title],
          ['date', doc.meta.date],
          ['source', doc.meta.source],
          ['author', doc.meta.author],
          ['url', doc.meta.url ?? null],
          ['lang', lang],
          ['encoding', page.encoding],
        ].map(([k, v]) => `${k}: ${v ?? '—'}`);
        process.stdout.write(header.join('\n') + '\n\n' + text + (text.endsWith('\n') || !text ? '' : '\n'));
      }
    });
}

function lineSpans(t: { text: string; toOriginal(s: number, e: number): [number, number] }): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (const line of t.text.split('\n')) {
    if (line.length) out.push(t.toOriginal(at, at + line.length));
    at += line.length + 1;
  }
  return out;
}
