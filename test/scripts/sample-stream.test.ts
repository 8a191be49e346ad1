/**
 * The stream sampler (issue 13): a seeded draw that is the same twice, lines that hold offsets and no text, and a
 * reader's verdicts kept when the sample is drawn again. On a small stream written for this test.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { sampleStream } from '../../scripts/sample-stream.js';

const TEXTS: Record<string, string> = {
  'vi/a.txt': 'Vốn vay ưu đãi\n\nNgân hàng Chính sách xã hội huyện đã giải ngân 12 tỷ đồng cho 400 hộ nghèo vay vốn. Năm nay huyện đào tạo nghề cho 350 lao động nông thôn.\n',
  'vi/b.txt': 'Doanh nghiệp mới\n\nTrong 6 tháng đầu năm, tỉnh có 1.250 doanh nghiệp thành lập mới, tạo việc làm cho 8.000 lao động.\n',
  'zht/c.txt': '青創貸款\n\n勞動部表示，今年共核發青年創業貸款12億元，協助1500名青年創業。\n',
};

function writeStream(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfacts-sample-'));
  for (const [rel, text] of Object.entries(TEXTS)) {
    mkdirSync(path.dirname(path.join(dir, 'stream', rel)), { recursive: true });
    writeFileSync(path.join(dir, 'stream', rel), text);
  }
  return dir;
}

test('draws the same sample twice, writes offsets but no text, and keeps verdicts', async () => {
  const dir = writeStream();
  const stream = path.join(dir, 'stream');
  const out = path.join(dir, 'sample.jsonl');
  const log = jest.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const first = await sampleStream({ stream, n: 4, seed: 7, out, workers: 0 });
    expect(first).toHaveLength(4);
    const written = readFileSync(out, 'utf8');
    for (const l of first) {
      // Offsets point at the figure in the original text; the text itself is never in the file.
      const figure = TEXTS[l.doc].slice(l.start, l.end);
      expect(figure).toMatch(/\d/);
      expect(written).not.toContain(TEXTS[l.doc].slice(Math.max(0, l.start - 4), l.end));
      expect(l.verdict).toBeNull();
    }
    expect(written).not.toMatch(/[\u4e00-\u9fff]|giải ngân|doanh nghiệp thành lập/);
    // A reader judges the first line; drawing again keeps that verdict and draws the same facts.
    const judged = first.map((l, i) => (i === 0 ? { ...l, verdict: 'wrong', reason: 'not_a_fact' } : l));
    writeFileSync(out, judged.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const again = await sampleStream({ stream, n: 4, seed: 7, out, workers: 0 });
    expect(again.map((l) => [l.doc, l.start, l.type])).toEqual(first.map((l) => [l.doc, l.start, l.type]));
    expect(again[0]).toMatchObject({ verdict: 'wrong', reason: 'not_a_fact' });
    const md = readFileSync(path.join(dir, 'sample.md'), 'utf8');
    expect(md).toMatch(/\| all \| 3 \| \d+ \| 4 \| 1 \| 0 \| 0 % \|/);
  } finally {
    log.mockRestore();
  }
});
