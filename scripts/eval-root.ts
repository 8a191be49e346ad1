/**
 * Where the evaluation material is: `--eval DIR` or NEWSFACTS_EVAL (for a worktree, whose ../shared/eval is not the
 * shared one), else ../shared/eval beside the repository, which is where CI puts it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above the script');
    dir = up;
  }
  return dir;
}

export function evalRoot(argv: string[] = process.argv): string {
  const at = argv.indexOf('--eval');
  if (at > 0 && argv[at + 1]) return path.resolve(argv[at + 1]);
  return path.resolve(process.env.NEWSFACTS_EVAL ?? path.join(repoRoot(), '../shared/eval'));
}
