/**
 * Reprints: copies of real dev texts made the way syndication makes them — another site's header, footer and byline;
 * a paragraph dropped; the title rewritten; converted to traditional script — mixed with the other dev texts (many on
 * the same topics: start-up loans, training, employment). Pairwise precision and recall of "same story" ≥ 0.95.
 * The texts are read where they lie (../shared/eval beside the repository, or NEWSFACTS_EVAL), never copied.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { cleanPage } from '../../src/clean/index.js';
import { normalize } from '../../src/normalize/normalize.js';
import { decodePage } from '../../src/decode/decode.js';
import { signatureOf } from '../../src/stories/minhash.js';
import { clusterStories } from '../../src/stories/cluster.js';

const candidates = [process.env.NEWSFACTS_EVAL, path.resolve('../shared/eval'), path.resolve('../../shared/eval')].filter(Boolean) as string[];
const EVAL = candidates.find((d) => existsSync(path.join(d, 'facts/articles')));

function normalized(name: string, content: string): { text: string; lang: string } {
  const decoded = decodePage({ source: name, bytes: Buffer.from(content, 'utf8'), format: name.endsWith('.html') ? 'html' : 'text' });
  const norm = normalize(cleanPage(decoded));
  return { text: norm.text.text, lang: norm.lang };
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** The syndicated copies of one text (a plain-text rendering of its cleaned body, paragraphs kept). */
function copies(body: string, lang: string): string[] {
  const paras = body.split('\n').filter((p) => p.trim());
  const zh = lang.startsWith('zh');
  const header = zh ? '首页 > 新闻中心 > 地方要闻\n来源：本地日报 2019-05-06 08:30 编辑：王明' : 'Trang chủ > Tin tức > Kinh tế\nNguồn: Báo Địa phương 06/05/2019 08:30';
  const footer = zh ? '责任编辑：李华\n版权所有 转载请注明出处\n相关新闻：' : 'Biên tập: Nguyễn Văn A\nBản quyền thuộc về báo. Ghi rõ nguồn khi phát hành lại.';
  const dropOne = paras.length > 3 ? paras.filter((_, i) => i !== Math.floor(paras.length / 2)) : paras;
  const retitled = [(zh ? '转载：' : 'Tin tổng hợp: ') + (paras[0] ?? '').slice(0, 12), ...paras.slice(1)];
  const out = [
    [header, ...paras, footer].join('\n'),
    dropOne.join('\n'),
    retitled.join('\n'),
  ];
  if (zh) out.push(toTraditional(paras.join('\n')));
  return out;
}

(EVAL ? describe : describe.skip)('stories: syndicated copies of the dev texts', () => {
  test('pairwise precision and recall of same-story ≥ 0.95', () => {
    const dir = path.join(EVAL!, 'facts/articles');
    const docs: Array<{ id: number; story: string; text: string; lang: string }> = [];
    let id = 1;
    for (const name of readdirSync(dir).sort()) {
      const { text, lang } = normalized(name, readFileSync(path.join(dir, name), 'utf8'));
      if (text.length < 200) continue;
      docs.push({ id: id++, story: name, text, lang });
      // Copies of every third text; the others stay single stories on the same topics.
      if (docs.length % 3 === 0) {
        for (const c of copies(text, lang)) {
          const n = normalized(name + '.copy.txt', c);
          docs.push({ id: id++, story: name, text: n.text, lang: n.lang });
        }
      }
    }
    const t0 = Date.now();
    const stories = clusterStories(docs.map((d) => ({ id: d.id, published: null, signature: signatureOf(d.text, d.lang) })));
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < docs.length; i++) {
      for (let j = i + 1; j < docs.length; j++) {
        const truth = docs[i].story === docs[j].story;
        const said = stories.get(docs[i].id) === stories.get(docs[j].id);
        if (truth && said) tp++;
        else if (said) fp++;
        else if (truth) fn++;
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(JSON.stringify({ docs: docs.length, tp, fp, fn, precision, recall, ms: Date.now() - t0 }));
    expect(tp + fn).toBeGreaterThan(100);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
