/**
 * jieba's dictionary, cut down to the words the extractors can notice.
 *
 * Why: nodejieba's `load` builds the segmenter and, whether used or not, a TextRank keyword extractor, each with its
 * own copy of the dictionary trie — about 0.7 KB a word, so the full 349,000-word dictionary costs ~250 MB in every
 * worker thread. newsfacts asks jieba two things only: is there a word boundary at the edge of a trigger word
 * (`创业担保贷款`), and which words are place names (`ns`, or a `nz`/`j` name before 县/市/区…). So it keeps:
 *   - the common words (frequency ≥ MIN_FREQUENCY), which decide how ordinary text around a trigger is cut;
 *   - every place-like word (tags ns, nz, j), whatever its frequency, for the place finder;
 *   - every word that contains a word of the rules (`贷款人` must stay one word so that the trigger `贷款` is not found
 *     inside it), or is part of one (`返乡` of `返乡创业人员`): the rules' own neighbourhood is cut as the full
 *     dictionary cuts it.
 * Measured on every Chinese text we have (the seeds, the eval pages and articles, sentence sets A and B: 406 texts,
 * 560 facts), the compact dictionary (~55,000 words, ~45 MB) yields the same facts with the same values and spans as
 * the full one; 3 texts differ in the place field only.
 *
 * `NEWSFACTS_JIEBA_DICT=full` loads nodejieba's full dictionary instead (the pipeline version records which).
 * The compact file is written once into the system temp folder, named by what it was made from, and reused.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodejieba from 'nodejieba';
import { dependencyVersion, packageRoot } from '../paths.js';

/** nodejieba's full dictionary (its typings omit the constant). */
const FULL_DICTIONARY: string = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;

/** jieba frequency from which a word is kept regardless of what it is (24,000 words of the 349,000). */
const MIN_FREQUENCY = 200;
/** Tags of words the place finder reads (see hanPlaces in extract/context.ts). */
const PLACE_TAGS = new Set(['ns', 'nz', 'j']);
/** Bump when the selection above changes: it names the dictionary in the pipeline version. */
const COMPACT_VERSION = 1;

export type DictionaryMode = 'compact' | 'full';

export function dictionaryMode(): DictionaryMode {
  return process.env.NEWSFACTS_JIEBA_DICT === 'full' ? 'full' : 'compact';
}

/** What the pipeline version records about the segmenter's dictionary. */
export function dictionaryLabel(): string {
  return dictionaryMode() === 'full' ? 'full' : `compact-${COMPACT_VERSION}-f${MIN_FREQUENCY}`;
}

/**
 * The lines of jieba's dictionary (`word freq tag`) that the extractors can notice, given the rules' words (triggers,
 * exclusions, required words, vetoes).
 */
export function compactDictionaryLines(fullDictionary: string, ruleWords: readonly string[]): string[] {
  const vocabulary = new Set(ruleWords.filter((w) => w.length > 1));
  // Every part (two characters or more) of a rule word.
  const parts = new Set<string>();
  for (const w of vocabulary) for (let i = 0; i < w.length; i++) for (let j = i + 2; j <= w.length; j++) parts.add(w.slice(i, j));
  const holdsRuleWord = (word: string) => {
    for (let i = 0; i < word.length; i++) for (let j = i + 2; j <= word.length; j++) if (vocabulary.has(word.slice(i, j))) return true;
    return false;
  };
  const out: string[] = [];
  for (const line of fullDictionary.split('\n')) {
    if (!line) continue;
    const [word, freq, tag] = line.split(' ');
    if (Number(freq) >= MIN_FREQUENCY || PLACE_TAGS.has(tag) || parts.has(word) || holdsRuleWord(word)) out.push(line);
  }
  return out;
}

/** Writes `text` to `file` unless it exists; through a temporary name, so a reader never sees half a file. */
function writeOnce(file: string, text: string): void {
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** A lock older than this was left by a killed process: the next one takes over. */
const STALE_LOCK_MS = 120_000;

/**
 * A line on stderr, written at once: from a worker thread, `process.stderr` goes through the main thread and a line
 * still on its way is lost when the pool ends the worker.
 */
function notice(line: string): void {
  try {
    writeSync(2, line + '\n');
  } catch {
    /* no stderr to tell */
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Makes the compact dictionary file unless it exists, saying so on stderr: the first run on a machine (or with new
 * rule words) spends a few seconds on it — up to 15 on a busy machine — and a silent pause looks like a hang. One
 * process or worker thread makes it while the others wait for it (a lock file beside it), so it is said, and made,
 * once.
 */
function makeCompactDictionary(dict: string, make: () => string[]): void {
  mkdirSync(path.dirname(dict), { recursive: true });
  const lock = `${dict}.lock`;
  while (!existsSync(dict)) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) unlinkSync(lock);
      } catch {
        /* the maker just finished and removed it */
      }
      sleep(100);
      continue;
    }
    try {
      if (existsSync(dict)) return;
      const started = Date.now();
      notice(`newsfacts: making jieba's compact dictionary for these rules in ${path.dirname(dict)} (once per machine and rule set; a few seconds)…`);
      const lines = make();
      writeOnce(dict, lines.join('\n') + '\n');
      notice(`newsfacts: jieba's dictionary is ready (${lines.length} words, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } finally {
      closeSync(fd);
      try {
        unlinkSync(lock);
      } catch {
        /* already gone */
      }
    }
  }
}

/**
 * Loads nodejieba with the compact dictionary made for these rule words (or the full one under
 * NEWSFACTS_JIEBA_DICT=full). The keyword extractor's IDF and stop-word lists are never used: one-line files stand
 * in for them (nodejieba refuses empty ones).
 */
export function loadJieba(ruleWords: readonly string[]): void {
  if (dictionaryMode() === 'full') {
    nodejieba.load();
    return;
  }
  const sorted = [...new Set(ruleWords)].sort();
  const key = createHash('sha256')
    .update(JSON.stringify([COMPACT_VERSION, MIN_FREQUENCY, dependencyVersion('nodejieba'), FULL_DICTIONARY, sorted]))
    .digest('hex')
    .slice(0, 16);
  // The system temp folder, else the package's own cache folder (a machine whose /tmp is not writable).
  const places = [path.join(os.tmpdir(), 'newsfacts-jieba'), path.join(packageRoot(), 'node_modules', '.cache', 'newsfacts-jieba')];
  const failures: string[] = [];
  for (const dir of places) {
    const dict = path.join(dir, `dict-${key}.utf8`);
    const idfDict = path.join(dir, 'idf-stub.utf8');
    const stopWordDict = path.join(dir, 'stop-stub.utf8');
    try {
      makeCompactDictionary(dict, () => compactDictionaryLines(readFileSync(FULL_DICTIONARY, 'utf8'), sorted));
      writeOnce(idfDict, '的 1.0\n');
      writeOnce(stopWordDict, '的\n');
    } catch (err) {
      failures.push(`${dir}: ${(err as Error).message}`);
      continue;
    }
    nodejieba.load({ dict, idfDict, stopWordDict });
    return;
  }
  throw new Error(`cannot write jieba's compact dictionary (${failures.join('; ')}); set NEWSFACTS_JIEBA_DICT=full to use the full one`);
}
