import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The package's root folder (where package.json is), whether we run from src/ under jest or from dist/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('newsfacts: cannot find package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  root = dir;
  return dir;
}

export function packageVersion(): string {
  return JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version;
}

/** Version of an installed dependency, for the runs table (dictionary versions). */
export function dependencyVersion(name: string): string {
  try {
    return JSON.parse(readFileSync(path.join(packageRoot(), 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

export const DEFAULT_DB = 'db/newsfacts.sqlite';

/** A document source's last segment, the name a person knows it by: a file's name, a URL's last path segment (or host). */
export function sourceFileName(source: string): string {
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i.exec(source);
  if (url) return url[2].split('/').filter(Boolean).pop() ?? url[1];
  return path.basename(source);
}
