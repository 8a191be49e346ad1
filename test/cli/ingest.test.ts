/**
 * `newsfacts ingest` and `--db` where a new user stumbles: a mistyped path, a folder of images, a database path that
 * is a folder or not a database, a PRAGMA, the first run's dictionary build, output piped into `head`.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newsfacts, newsfactsIntoClosedPipe, tempDir, TEXTS, writeFiles } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('nf-cli-ingest-');
  writeFiles(dir, TEXTS);
});
const run = (args: string[], env: Record<string, string> = {}) => newsfacts(args, { cwd: dir, env });

describe('ingest', () => {
  test('a path that does not exist: said, non-zero, and no database left behind', () => {
    const r = run(['ingest', 'news/vi-typo', '--db', 'missing.sqlite']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('news/vi-typo: no such file or directory');
    expect(existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
    const pattern = run(['ingest', 'news/**/*.htm', '--db', 'missing.sqlite']);
    expect(pattern.status).not.toBe(0);
    expect(pattern.stderr).toContain('news/**/*.htm: the pattern matches no file');
    expect(existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
  });

  test('files passed over are reported by kind', () => {
    const pictures: Record<string, Buffer> = {};
    for (const name of ['a.jpg', 'b.jpg', 'c.JPG', 'd.jpg', 'e.png', 'f.png']) pictures[`pictures/${name}`] = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
    writeFiles(dir, pictures);
    const r = run(['ingest', 'pictures', '--db', 'pictures.sqlite', '--workers', '0', '--no-progress']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/pages read 0,/);
    expect(r.stdout).toContain('passed over as not pages: 6 files (4 .jpg, 2 .png)');
  });

  test('into a reader that stops early (| head): stops quietly, and the pages are stored', async () => {
    const db = path.join(dir, 'piped.sqlite');
    const r = await newsfactsIntoClosedPipe(['ingest', 'news', '--db', db, '--workers', '0', '--no-progress'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(run(['sql', 'SELECT COUNT(*) AS n FROM documents', '--db', db, '--format', 'json']).stdout)[0].n).toBe(3);
  });

  test('the first run says that it is making the dictionary, once; later runs do not', () => {
    // A fresh temporary folder: the compact jieba dictionary is made there, as on a new machine.
    const env = { TMPDIR: tempDir('nf-cli-tmp-') };
    const first = run(['ingest', 'news/zh', '--db', 'first.sqlite', '--workers', '2', '--no-progress'], env);
    expect(first.status).toBe(0);
    const said = first.stderr.split('\n').filter((l) => /making jieba's compact dictionary/.test(l));
    expect(said).toHaveLength(1); // two worker threads, one dictionary made and announced
    expect(said[0]).toContain(env.TMPDIR);
    expect(first.stderr).toMatch(/jieba's dictionary is ready \(\d+ words, [\d.]+ s\)/);
    expect(readdirSync(path.join(env.TMPDIR, 'newsfacts-jieba')).filter((f) => f.endsWith('.lock'))).toEqual([]);
    const again = run(['ingest', 'news', '--db', 'first.sqlite', '--workers', '2', '--no-progress'], env);
    expect(again.status).toBe(0);
    expect(again.stderr).not.toMatch(/jieba/);
  });
});

describe('--db and sql name the file and the reason', () => {
  test('a folder', () => {
    writeFiles(dir, { 'dbdir/keep.txt': '' });
    for (const args of [['facts', '--db', 'dbdir'], ['ingest', 'news', '--db', 'dbdir'], ['sql', 'SELECT 1', '--db', 'dbdir']]) {
      const r = run(args);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('dbdir is a directory, not a database file');
      expect(r.stderr).not.toMatch(/disk I\/O error/);
    }
  });

  test('a file that is not a database', () => {
    writeFileSync(path.join(dir, 'notes.sqlite'), 'Ghi chú: đây không phải cơ sở dữ liệu.\n');
    for (const args of [['facts', '--db', 'notes.sqlite'], ['ingest', 'news', '--db', 'notes.sqlite']]) {
      const r = run(args);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('notes.sqlite is not a newsfacts database: it is not an SQLite file');
    }
  });

  test('a PRAGMA that reads answers; one that would write is refused as a write, not a disk error', () => {
    const db = path.join(dir, 'pragma.sqlite');
    expect(run(['ingest', 'news/vi', '--db', db, '--workers', '0', '--no-progress']).status).toBe(0);
    const info = run(['sql', 'PRAGMA table_info(facts)', '--db', db, '--format', 'jsonl']);
    expect(info.status).toBe(0);
    expect(info.stdout).toContain('"name":"evidence"');
    const write = run(['sql', 'PRAGMA journal_mode=DELETE', '--db', db]);
    expect(write.status).not.toBe(0);
    expect(write.stderr).toContain('PRAGMA journal_mode = … would change the database');
    expect(write.stderr).toContain('read-only');
    expect(write.stderr).not.toMatch(/disk I\/O error/);
  });
});
