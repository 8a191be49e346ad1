/**
 * `newsfacts audit explain`: besides the period and place chosen, the words that decided them and where those words
 * stand in the page — offsets into the original page, like the figure's, so a reader can find them there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { newsfacts, tempDir, writeFiles } from './helpers.js';

let dir: string;
const run = (args: string[]) => newsfacts([...args, '--db', path.join(dir, 'explain.sqlite')], { cwd: dir });

const PAGE = `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>臺中市青年創業貸款成效</title></head><body>
<div class="article"><h1>臺中市青年創業貸款成效</h1>
<p>臺中市政府勞工局表示，為協助青年返鄉創業，市府與銀行合作推出青年創業貸款，並提供利息補貼。</p>
<p>截至今年6月底，臺中市累計核准青年創業貸款4億5千萬元，協助創業青年1,350人，創造就業機會3,200個。</p>
<p>勞工局指出，明年將持續擴大辦理創業輔導課程，預計培訓青年2,000人次。</p>
</div></body></html>`;

beforeAll(() => {
  dir = tempDir('nf-cli-explain-');
  writeFiles(dir, { 'pages/taichung.html': PAGE });
  const r = run(['ingest', 'pages', '--workers', '0', '--no-progress']);
  if (r.status !== 0) throw new Error(`ingest exited ${r.status}: ${r.stderr}`);
});

test('the period and the place are shown with the words that gave them and where they stand in the page', () => {
  const facts = run(['facts', '--format', 'jsonl', '--type', 'loan_amount']).stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(facts).toHaveLength(1);
  const r = run(['audit', 'explain', String(facts[0].id)]);
  expect(r.status).toBe(0);
  const page = readFileSync(path.join(dir, 'pages/taichung.html'), 'utf8');

  const period = /from "([^"]+)" at (\d+)–(\d+)/.exec(r.stdout.split('\n').find((l) => l.startsWith('interval:'))!)!;
  expect(period[1]).toBe('截至今年6月底');
  expect(page.slice(Number(period[2]), Number(period[3]))).toBe('截至今年6月底');

  const placeLine = r.stdout.split('\n').find((l) => l.startsWith('place:') && l.includes('from'))!;
  const place = /from "([^"]+)" at (\d+)–(\d+)(?: \(normalized \d+–\d+\))? \((sentence|paragraph|document)\)/.exec(placeLine)!;
  expect(place[1]).toBe('台中市'); // the name as normalized (simplified) …
  expect(page.slice(Number(place[2]), Number(place[3]))).toBe('臺中市'); // … and the words on the page
  expect(place[4]).toBe('sentence');
  // The figure's line gives original offsets too: both point into the same page.
  const figure = /^figure: (\S+) at (\d+)–(\d+)/m.exec(r.stdout)!;
  expect(page.slice(Number(figure[2]), Number(figure[3]))).toBe(figure[1]);
});
