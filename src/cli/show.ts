import type { Command } from 'commander';
import { openStore } from '../store/open.js';
import type { SetExit } from './errors.js';
import { resolveDocument } from './documents.js';

/** Marks each fact's figure in the cleaned text as ⟦figure⟧{type value unit}. */
export function markFacts(cleanText: string, figures: Array<{ start: number; end: number; label: string }>): string {
  const sorted = [...figures].sort((a, b) => b.start - a.start);
  let out = cleanText;
  for (const f of sorted) out = out.slice(0, f.start) + '⟦' + out.slice(f.start, f.end) + '⟧{' + f.label + '}' + out.slice(f.end);
  return out;
}

export function register(program: Command, _setExit: SetExit): void {
  program
    .command('show')
    .description("a document's cleaned text with its facts marked ⟦figure⟧{type value unit}")
    .argument('<doc>', 'a document: its id, content hash, path as ingested, full path or file name')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .action((doc: string, opts: { db?: string }) => {
      const store = openStore(opts.db, { readonly: true });
      try {
        const d = store.document(resolveDocument(store, doc).id)!;
        const facts = store.facts({ doc: String(d.id) });
        // Facts are stored with original offsets; find the cleaned-text characters that come from them.
        const figures = facts.flatMap((f) => {
          const span = d.clean.fromOriginal(f.start, f.end);
          return span ? [{ start: span[0], end: span[1], label: `${f.type} ${f.value}${f.value_max ? '–' + f.value_max : ''} ${f.unit}${f.qualifier !== 'exact' ? ' ' + f.qualifier : ''} #${f.id}` }] : [];
        });
        const head = [
          `# ${d.title ?? '(no title)'}`,
          `source: ${d.source}  lang: ${d.lang}  encoding: ${d.encoding}${d.published ? '  date: ' + d.published : ''}${d.sourceName ? '  from: ' + d.sourceName : ''}${d.author ? '  author: ' + d.author : ''}`,
          `${facts.length} facts`,
          '',
        ];
        console.log(head.join('\n') + markFacts(d.clean.text, figures));
      } finally {
        store.close();
      }
    });
}
