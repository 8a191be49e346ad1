/**
 * The command line as a user meets it: the built CLI (bin/newsfacts.js, reading dist/; `npm test` builds first) run
 * as a child process in a folder of its own, with texts written for these tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve('.');
const bin = path.join(root, 'bin', 'newsfacts.js');

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `newsfacts …` in `cwd` and waits for it. */
export function newsfacts(args: string[], opts: { cwd: string; env?: Record<string, string> }): Result {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs `newsfacts …` with its output going to a reader that has already gone (`newsfacts facts | head -0`): the
 * reading end of the pipe is closed before the command writes anything.
 */
export function newsfactsIntoClosedPipe(args: string[], opts: { cwd: string }): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes files (path relative to `dir` → content), making folders as needed. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** Columns a line takes on a terminal: CJK characters take two. */
export function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Texts written for these tests: Vietnamese and traditional Chinese news of the kinds the project reads. */
export const TEXTS = {
  'news/vi/vi-001.txt': [
    'Huyện Tiên Lãng hỗ trợ hộ nghèo phát triển sản xuất',
    '',
    'Năm 2023, Ngân hàng Chính sách xã hội huyện Tiên Lãng đã cho 320 hộ nghèo vay 10-30 triệu đồng để chăn nuôi và trồng trọt.',
    'Cũng trong năm 2023, huyện đã tổ chức đào tạo nghề cho 1.250 lao động nông thôn.',
    '',
  ].join('\n'),
  'news/vi/vi-002.txt': [
    'Tỉnh Nam Định giải quyết việc làm cho người lao động',
    '',
    'Trong 6 tháng đầu năm 2024, tỉnh Nam Định đã giải quyết việc làm mới cho 18.500 lao động.',
    'Quỹ quốc gia về việc làm đã cho vay 45 tỷ đồng để tạo việc làm tại tỉnh Nam Định.',
    '',
  ].join('\n'),
  'news/zh/tw-001.txt': ['高雄市青年創業貸款成效', '', '截至今年6月底，高雄市政府共核准青年創業貸款3億2千萬元，協助創業青年1,200人。', ''].join('\n'),
};
