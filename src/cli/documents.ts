/**
 * Naming documents on the command line: the short label a table shows for a document, and the selector `--doc` /
 * `show` accept (an id, a content hash, the path as ingested, the full path, the path below the ingest argument or the
 * file name), with a plain answer when a selector matches nothing or more than one document.
 */
import path from 'node:path';
import { sourceFileName as fileName } from '../paths.js';
import type { Store } from '../store/types.js';
import { UsageError } from './errors.js';

interface DocEntry {
  id: number;
  source: string;
}

/** The folder part of an ingest argument: a directory as given, or the part of a glob pattern before its first wildcard. */
function argumentBase(input: string): string {
  const parts = input.split(/[\\/]/);
  const wild = parts.findIndex((p) => /[*?[\]{}!]/.test(p));
  return (wild < 0 ? parts : parts.slice(0, wild)).join('/').replace(/\/+$/, '');
}

/** Every argument any run was given (runs record them), longest first: the nearest one names a document best. */
function ingestArguments(store: Store): string[] {
  const args = new Set<string>();
  for (const run of store.runs()) {
    try {
      const inputs = typeof run.inputs === 'string' ? JSON.parse(run.inputs) : run.inputs;
      if (Array.isArray(inputs)) for (const i of inputs) if (typeof i === 'string' && i) args.add(argumentBase(i));
    } catch {
      /* a run without a readable input list names nothing */
    }
  }
  return [...args].filter(Boolean).sort((a, b) => b.length - a.length);
}


/**
 * A short label for each document source: the path below the ingest argument it was reached from
 * (`news/vi/vi-001.txt` ingested as `news` → `vi/vi-001.txt`), else the file name (or a URL's last segment).
 */
export function documentLabeller(store: Store): (source: string) => string {
  const args = ingestArguments(store);
  return (source: string) => {
    for (const a of args) {
      if (source.startsWith(a + '/') || source.startsWith(a + path.sep)) return source.slice(a.length + 1);
    }
    return fileName(source);
  };
}

function describe(docs: DocEntry[]): string {
  const shown = docs.slice(0, 8).map((d) => `  ${d.id}  ${d.source}`);
  if (docs.length > shown.length) shown.push(`  … and ${docs.length - shown.length} more`);
  return shown.join('\n');
}

/**
 * The one document a selector names. Tried in order, the first kind that matches anything decides: an id, a content
 * hash, the path exactly as ingested, the same file by full path, then the path's last segments (the path below the
 * ingest argument, the file name). Throws a UsageError naming the selector when nothing matches, and listing the
 * candidates when several do.
 */
export function resolveDocument(store: Store, selector: string): DocEntry {
  const sel = selector.trim();
  const docs: DocEntry[] = store.documents().map((d) => ({ id: d.id, source: d.source }));
  const sorted = (list: DocEntry[]) => [...list].sort((a, b) => a.id - b.id);
  const candidates: Array<() => DocEntry[]> = [
    () => (/^\d+$/.test(sel) ? docs.filter((d) => d.id === Number(sel)) : []),
    () => {
      if (!/^[0-9a-f]{64}$/i.test(sel)) return [];
      const d = store.document(sel.toLowerCase());
      return d ? [{ id: d.id, source: d.source }] : [];
    },
    () => docs.filter((d) => d.source === sel),
    () => {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(sel)) return [];
      const full = path.resolve(sel);
      return docs.filter((d) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(d.source) && path.resolve(d.source) === full);
    },
    () => {
      const tail = sel.replace(/^\.\//, '');
      return docs.filter((d) => d.source.endsWith('/' + tail) || d.source.endsWith(path.sep + tail) || fileName(d.source) === tail);
    },
  ];
  for (const find of candidates) {
    const found = sorted(find());
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      throw new UsageError(`'${selector}' names ${found.length} documents; give one of their ids (or a longer path):\n${describe(found)}`);
    }
  }
  throw new UsageError(
    `no document matches '${selector}' among the ${docs.length} in the database ` +
      `(give an id, a content hash, the path as ingested or a file name; 'newsfacts sql "SELECT id, source FROM documents"' lists them)`,
  );
}
