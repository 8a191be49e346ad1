/**
 * The web pages as a researcher reads them, in headless Chromium at 1400 × 900: a facts table of compact rows (many on
 * one screen, evidence with room, review as small inline controls, nothing cut off at the right), documents without
 * pinyin converter debris in the text, title and search snippets (the original view keeps it), and a form whose
 * labels name their parameters.
 */
import type { Page } from 'playwright-core';
import type { Served } from '../../src/server/serve.js';
import { openSite, type Site } from './site.js';

/** A Taiwanese page run through a converter that left a pinyin note after every word. */
const DEBRIS = [
  '新北市青年創(chuàng)業(yè)貸款(dài kuǎn)成效',
  '',
  '截至今年6月底，新北市政府核准青年創(chuàng)業(yè)貸款(dài kuǎn)2億3千萬元，協助創(chuàng)業(yè)青年860人。',
  '市府表示，明年將持續辦理創(chuàng)業(yè)輔導課程，預計培訓青年1,500人次。',
  '',
].join('\n');

let site: Site;
let served: Served;
let page: Page;
let debrisId: number;

beforeAll(async () => {
  site = await openSite({
    name: 'pages',
    files: { 'xinbei-youth-loans.txt': DEBRIS },
    // A corpus under a long path, as a researcher's folders are.
    folder: 'research/corpora/2024-collection/taiwan/municipal-news',
    withCorpus: true,
    context: { viewport: { width: 1400, height: 900 } },
  });
  ({ served, page } = site);
  debrisId = site.documentId('xinbei-youth-loans.txt');
}, 120_000);

afterAll(async () => {
  await site?.close();
});

test('the facts table: compact rows, evidence with room, review inline, nothing cut off at the right', async () => {
  await page.goto(served.url + '/facts?limit=60');
  const m = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('#facts tbody tr')] as HTMLElement[];
    const heights = rows.map((r) => r.getBoundingClientRect().height).sort((a, b) => a - b);
    const lineHeight = parseFloat(getComputedStyle(rows[0].querySelector('td')!).lineHeight) || 18;
    const reviewCells = rows.map((r) => r.querySelector('td:last-child') as HTMLElement);
    const buttonsOnOneLine = reviewCells.every((td) => {
      const tops = [...td.querySelectorAll('button')].map((b) => Math.round(b.getBoundingClientRect().top));
      return tops.length === 2 && tops[0] === tops[1];
    });
    const evidence = rows.map((r) => (r.children[4] as HTMLElement).getBoundingClientRect().width).sort((a, b) => a - b);
    return {
      rows: rows.length,
      visible: rows.filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length,
      medianHeight: heights[Math.floor(heights.length / 2)],
      lineHeight,
      buttonsOnOneLine,
      rightmost: Math.max(...reviewCells.map((td) => td.getBoundingClientRect().right)),
      pageWidth: document.documentElement.scrollWidth,
      narrowestEvidence: evidence[0],
    };
  });
  expect(m.rows).toBe(60);
  expect(m.visible).toBeGreaterThanOrEqual(15); // on one 900-pixel screen, under the filters
  expect(m.medianHeight).toBeLessThanOrEqual(2 * m.lineHeight + 8); // a row takes at most two lines
  expect(m.buttonsOnOneLine).toBe(true);
  expect(m.pageWidth).toBeLessThanOrEqual(1400); // no sideways scrolling …
  expect(m.rightmost).toBeLessThanOrEqual(1400); // … and the review column whole
  expect(m.narrowestEvidence).toBeGreaterThanOrEqual(220);
  // The document column names the file; the whole path is its title.
  await page.goto(`${served.url}/facts?doc=${debrisId}`);
  const doc = page.locator(`#facts tbody tr td:nth-child(2) a[href="/doc/${debrisId}"]`).first();
  expect(await doc.textContent()).toBe('xinbei-youth-loans.txt');
  expect(await doc.getAttribute('title')).toContain('municipal-news/xinbei-youth-loans.txt');
});

test('a review from the table marks the row and keeps the controls small', async () => {
  await page.goto(served.url + '/facts?type=loan_amount&limit=20');
  const row = page.locator('#facts tbody tr').first();
  const id = await row.getAttribute('data-fact');
  await row.locator('button[data-verdict=correct]').click();
  await page.waitForLoadState('load');
  const again = page.locator(`#facts tbody tr[data-fact="${id}"]`);
  expect(await again.locator('.verdict-correct').count()).toBe(1);
  expect(await again.locator('button[data-verdict=correct]').isDisabled()).toBe(true);
});

test('no pinyin debris in the document text, its title or search snippets; the original view keeps it', async () => {
  await page.goto(`${served.url}/doc/${debrisId}`);
  const text = (await page.textContent('#doctext'))!;
  expect(text).toContain('新北市政府核准青年創業貸款2億3千萬元');
  expect(text).not.toMatch(/\((?:chuàng|yè|dài|kuǎn)/);
  expect(await page.textContent('h1')).toBe('新北市青年創業貸款成效');
  expect(await page.title()).not.toContain('chuàng');
  // Every fact is still highlighted on its figure.
  const marks = await page.$$eval('#doctext a.fact', (as) => as.map((a) => a.textContent));
  expect(marks).toEqual(expect.arrayContaining(['2億3千萬元', '860人']));

  await page.goto(`${served.url}/doc/${debrisId}?view=original`);
  expect(await page.textContent('#doctext')).toContain('創(chuàng)業(yè)貸款(dài kuǎn)2億3千萬元');

  await page.goto(`${served.url}/search?q=${encodeURIComponent('创业贷款')}`);
  const hit = page.locator(`li.hit-doc[data-doc="${debrisId}"]`);
  expect(await hit.locator('a').first().textContent()).toBe('新北市青年創業貸款成效');
  const snippets = (await hit.locator('.snippet').allTextContents()).join(' ');
  expect(snippets).toContain('創業貸款');
  expect(snippets).not.toMatch(/chuàng|dài kuǎn/);
});

test('the filter form labels each sort control by its parameter', async () => {
  await page.goto(served.url + '/facts');
  const labels = await page.$$eval('form.filters label', (ls) =>
    ls.map((l) => ({ text: l.childNodes[0]?.textContent?.trim(), name: l.querySelector('select, input')?.getAttribute('name') })),
  );
  const byName = Object.fromEntries(labels.map((l) => [l.name, l.text]));
  expect(byName.sort).toBe('sort');
  expect(byName.dir).toBe('dir');
  // Choosing through the form gives the URL the label names.
  await page.selectOption('select[name=dir]', 'desc');
  await page.click('#apply-filters');
  await page.waitForURL(/dir=desc/);
});
