import type { Command } from 'commander';
import { openStore } from '../store/open.js';
import { UsageError, type SetExit } from './errors.js';
import { formatRows } from './format.js';

export interface StoryListing {
  story: number;
  documents: string[];
}

/** Stories of at least `minSize` documents, largest first; documents named as `facts` names them, earliest first. */
export function listStories(rows: Array<{ story: number | string; source: string; published: string | null; id: number | string }>, minSize: number): StoryListing[] {
  const by = new Map<number, Array<{ source: string; published: string | null; id: number }>>();
  for (const r of rows) {
    const k = Number(r.story);
    const list = by.get(k) ?? [];
    list.push({ source: r.source, published: r.published, id: Number(r.id) });
    by.set(k, list);
  }
  return [...by.entries()]
    .filter(([, docs]) => docs.length >= minSize)
    .map(([story, docs]) => ({
      story,
      documents: docs.sort((a, b) => (a.id === story ? -1 : b.id === story ? 1 : a.id - b.id)).map((d) => d.source),
    }))
    .sort((a, b) => b.documents.length - a.documents.length || a.story - b.story);
}

export function register(program: Command, _setExit: SetExit): void {
  program
    .command('stories')
    .description('reprint clusters: documents that are copies of one story (grouped at the end of every ingest and queue run)')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--min-size <n>', 'only stories of at least n documents', '2')
    .option('--update', 'group the stored documents again first (ingest and the end of a queue run do it; this is for a queue run still at work)')
    .option('--format <format>', 'table | json', 'table')
    .action((opts: { db?: string; minSize: string; update?: boolean; format: string }) => {
      if (!['table', 'json'].includes(opts.format)) throw new UsageError(`unknown --format '${opts.format}' (table, json)`);
      const minSize = Number(opts.minSize);
      if (!(Number.isInteger(minSize) && minSize >= 1)) throw new UsageError('--min-size takes a whole number of at least 1');
      const store = openStore(opts.db, { readonly: !opts.update });
      try {
        if (opts.update) store.assignStories();
        const rows = store.query('SELECT d.id, s.story, d.source, d.published FROM documents d JOIN document_stories s ON s.document_id = d.id') as any[];
        const stories = listStories(rows, minSize);
        if (opts.format === 'json') {
          console.log(JSON.stringify(stories, null, 2));
          return;
        }
        const table = stories.flatMap((s) => s.documents.map((doc, i) => ({ story: i === 0 ? s.story : '', size: i === 0 ? s.documents.length : '', doc })));
        process.stdout.write(formatRows(table, ['story', 'size', 'doc'], 'table', 100));
        console.log(`${stories.length} stories of ${minSize} or more documents`);
      } finally {
        store.close();
      }
    });
}
