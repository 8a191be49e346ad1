/**
 * YAML data files (rules, language settings, what is not a fact) parsed once per content, not once per run.
 *
 * js-yaml reads the ~150 KB of `extractors/` in 200–400 ms; every `newsfacts` command pays that before its first
 * page (ingest does it before its workers start, so the whole run waits). A file's parsed form is kept as JSON under
 * `node_modules/.cache/newsfacts/yaml/`, named by the hash of the file's text and of the parser's version: an edited
 * rule file has another hash and is parsed again; nothing is ever read back for text that changed. A document JSON
 * cannot hold as it is (a non-finite number) is never cached. The cache is an optimisation only: a
 * folder that cannot be written, or an entry that cannot be read, means parsing as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as yaml from 'js-yaml';
import { packageRoot } from '../paths.js';

const PARSER = `js-yaml@${parserVersion()}`;

function parserVersion(): string {
  try {
    return (createRequire(import.meta.url)('js-yaml/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Where parsed files are kept; `NEWSFACTS_CACHE=off` turns the cache off (`NEWSFACTS_CACHE=DIR` moves it). */
function cacheDir(): string | null {
  const setting = process.env.NEWSFACTS_CACHE;
  if (setting === 'off') return null;
  return setting ? path.join(setting, 'yaml') : path.join(packageRoot(), 'node_modules', '.cache', 'newsfacts', 'yaml');
}

/** `yaml.load(source)`, from the cache when this exact text was parsed before. Parse errors are thrown as js-yaml's. */
export function loadYamlCached(source: string, filename: string): unknown {
  const dir = cacheDir();
  if (!dir) return yaml.load(source, { filename });
  const key = createHash('sha256').update(PARSER).update('\0').update(source).digest('hex').slice(0, 32);
  const entry = path.join(dir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(entry, 'utf8'));
  } catch {
    /* not cached yet, or unreadable: parse */
  }
  const doc = yaml.load(source, { filename });
  try {
    const json = JSON.stringify(doc);
    if (json !== undefined && isDeepStrictEqual(JSON.parse(json), doc)) {
      mkdirSync(dir, { recursive: true });
      // Written aside and renamed: a reader in another process sees the whole entry or none.
      const tmp = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, json);
      renameSync(tmp, entry);
    }
  } catch {
    /* a read-only install: no cache */
  }
  return doc;
}
