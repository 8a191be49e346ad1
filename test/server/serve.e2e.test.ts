/**
 * `newsfacts serve` driven as a person would use it: a real headless Chromium (Debian's, or the one shipped in
 * `@sparticuz/chromium`: scripts/browser.ts) against a server started here on a small database built from corpus/
 * plus one planted page whose text holds `<script>` and `<img onerror>`.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Served } from '../../src/server/serve.js';
import { availableBackends } from './backends.js';
import { openSite, type Site } from './site.js';

const PLANTED = [
  '长兴县新闻 <script>window.__pwned = 1</script>',
  '',
  '今年以来,长兴县发放创业贷款额度290万元<img src=x onerror="window.__pwned = 2">,帮助农户发展家庭工业。',
  '',
  '<b onmouseover="window.__pwned = 3">点击</b> 企业新增120家。',
  '',
].join('\n');

/** A small RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

const BACKENDS = await availableBackends('serve');

describe.each(BACKENDS)('the web interface on $name', (backend) => {
  let site: Site;
  let served: Served;
  let page: Page;
  let plantedId: number;
  const dialogs: string[] = [];

  beforeAll(async () => {
    site = await openSite({ name: 'serve', files: { 'planted.txt': PLANTED }, folder: 'planted', withCorpus: true, backend, context: { acceptDownloads: true } });
    ({ served, page } = site);
    plantedId = site.documentId('planted.txt');
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  test('filter facts by type and language through the form and the facets', async () => {
    await page.goto(served.url + '/facts');
    const all = Number((await page.textContent('#total'))!.replace(/,/g, ''));
    expect(all).toBeGreaterThan(50);
    await page.selectOption('select[name=type]', 'loan_amount');
    await page.click('#apply-filters');
    await page.waitForURL(/type=loan_amount/);
    const types = await page.$$eval('#facts tbody tr td:nth-child(3)', (tds) => tds.map((td) => td.textContent));
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['loan_amount']));
    const loans = Number((await page.textContent('#total'))!.replace(/,/g, ''));
    expect(loans).toBe(types.length);
    expect(loans).toBeLessThan(all);
    // The language facet narrows further; its count is what the table then holds.
    const facet = page.locator('ul[data-facet=lang] li', { hasText: 'zh-Hant' });
    const facetCount = Number((await facet.locator('.count').textContent())!.replace(/,/g, ''));
    await facet.locator('a').click();
    await page.waitForURL(/lang=zh-Hant/);
    const langs = await page.$$eval('#facts tbody tr td.lang', (tds) => tds.map((td) => td.textContent));
    expect(langs.length).toBe(facetCount);
    expect(new Set(langs)).toEqual(new Set(['zh-Hant']));
  });

  test('several rules and types chosen by facets survive the filter form', async () => {
    await page.goto(served.url + '/facts');
    for (const facet of ['rule', 'type']) {
      const links = page.locator(`ul[data-facet=${facet}] li a`);
      for (const i of [0, 1]) {
        const before = page.url();
        await links.nth(i).click();
        await page.waitForURL((u) => u.toString() !== before);
      }
    }
    const chosen = new URL(page.url()).searchParams;
    expect(chosen.getAll('rule')).toHaveLength(2);
    expect(chosen.getAll('type')).toHaveLength(2);
    const total = await page.textContent('#total');
    await page.click('#apply-filters');
    await page.waitForLoadState('load');
    const after = new URL(page.url()).searchParams;
    expect(after.getAll('rule').flatMap((r) => r.split(' ')).sort()).toEqual(chosen.getAll('rule').sort());
    expect(after.getAll('type').sort()).toEqual(chosen.getAll('type').sort());
    expect(await page.textContent('#total')).toBe(total);
  });

  test('pages follow one another without repeating a row (keyset pagination)', async () => {
    await page.goto(served.url + '/facts?sort=value&dir=desc&limit=10');
    const first = await page.$$eval('#facts tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-fact')));
    const firstValues = await page.$$eval('#facts tbody td[data-value]', (tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    expect(firstValues).toEqual([...firstValues].sort((a, b) => b - a));
    await page.click('#next-page');
    const second = await page.$$eval('#facts tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-fact')));
    const secondValues = await page.$$eval('#facts tbody td[data-value]', (tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    expect(second).toHaveLength(10);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect(Math.max(...secondValues)).toBeLessThanOrEqual(Math.min(...firstValues));
  });

  test('open a document from the table, click a highlighted fact, see its explanation; toggle the original', async () => {
    await page.goto(served.url + '/facts?type=loan_amount&lang=zh-Hans');
    const row = page.locator('#facts tbody tr').first();
    const factId = await row.getAttribute('data-fact');
    await row.locator('td:nth-child(2) a').click();
    await page.waitForURL(/\/doc\/\d+/);
    const mark = page.locator(`#mark-${factId}`);
    await expect(mark.isVisible()).resolves.toBe(true);
    const panel = page.locator(`#fact-${factId}`);
    expect(await panel.isVisible()).toBe(false);
    await mark.click();
    await page.waitForURL(new RegExp(`#fact-${factId}$`));
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.locator('a.rule').textContent()).toMatch(/^zh\.loan_amount\./);
    expect(await panel.locator('.trigger').first().textContent()).toContain('贷款');
    expect(await panel.locator('.sentence-original mark.figure').textContent()).toMatch(/\d+万元/);
    expect(await panel.locator('.around mark.figure').textContent()).toMatch(/\d+万元/);
    // The original page, facts highlighted there too.
    await page.click('#view-original');
    await page.waitForURL(/view=original/);
    expect(await page.locator(`#mark-${factId}`).textContent()).toMatch(/\d+万元/);
  });

  test('review facts of a rule and see its reviewed precision change', async () => {
    const rule = 'zh.headcount.employment';
    await page.goto(served.url + `/rules/${rule}`);
    expect(await page.textContent('#reviewed-precision')).toBe('—');
    await page.locator('#sample tbody tr').nth(0).locator('button[data-verdict=correct]').click();
    await page.waitForURL(new RegExp(`/rules/${rule.replace(/\./g, '\\.')}`));
    expect(await page.textContent('#reviewed-precision')).toBe('100.0 %');
    await page.locator('#sample tbody tr').nth(1).locator('button[data-verdict=wrong]').click();
    await page.waitForLoadState();
    expect(await page.textContent('#reviewed-precision')).toBe('50.0 %');
    expect(await page.locator('#sample tbody tr').nth(0).locator('.verdict-correct').count()).toBe(1);
    // The rules table agrees.
    await page.goto(served.url + '/rules');
    expect(await page.locator(`tr[data-rule="${rule}"] td.precision`).textContent()).toBe('50.0 %');
  });

  test('search a two-character Chinese word, in either script, and see hits in context', async () => {
    await page.goto(served.url + '/search');
    await page.fill('#search-q', '贷款');
    await page.press('#search-q', 'Enter');
    await page.waitForURL(/\/search\?q=/);
    const count = Number((await page.textContent('#search-count'))!.match(/^\d+/)![0]);
    expect(count).toBeGreaterThanOrEqual(4);
    const hits = await page.$$eval('.snippet mark.hit', (ms) => ms.map((m) => m.textContent));
    expect(hits.length).toBeGreaterThan(0);
    // Traditional pages show their own characters around the hit.
    expect(hits.every((h) => h === '贷款' || h === '貸款')).toBe(true);
    expect(hits).toContain('貸款');
    // The traditional query finds the same documents.
    await page.goto(served.url + '/search?q=' + encodeURIComponent('貸款'));
    expect(await page.textContent('#search-count')).toMatch(new RegExp(`^${count} `));
  });

  test('export the filtered view as CSV and JSON and parse them', async () => {
    await page.goto(served.url + '/facts?type=headcount&sort=value&dir=desc&limit=5');
    const total = Number((await page.textContent('#total'))!.replace(/,/g, ''));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
    const [header, ...rows] = csv;
    expect(header.slice(0, 5)).toEqual(['id', 'doc', 'document_id', 'type', 'value']);
    expect(rows).toHaveLength(total);
    const col = (name: string) => rows.map((r) => r[header.indexOf(name)]);
    expect(new Set(col('type'))).toEqual(new Set(['headcount']));
    const values = col('value').map(Number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const json = await (await page.request.get(served.url + '/facts.json?type=headcount&sort=value&dir=desc')).json();
    expect(json.map((f: any) => f.id)).toEqual(col('id').map(Number));
  });

  test('planted <script> and <img onerror> in a page are shown as text and never run', async () => {
    for (const url of [`/doc/${plantedId}`, `/doc/${plantedId}?view=original`, `/doc/${plantedId}?view=normalized`, '/facts?q=' + encodeURIComponent('贷款额度290'), '/search?q=' + encodeURIComponent('长兴县新闻')]) {
      await page.goto(served.url + url);
      await page.hover('body');
      expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
      expect(await page.locator('main script, main img, main b[onmouseover]').count()).toBe(0);
    }
    await page.goto(served.url + `/doc/${plantedId}?view=original`);
    expect(await page.textContent('#doctext')).toContain('<script>window.__pwned = 1</script>');
    await page.goto(served.url + `/doc/${plantedId}`);
    expect(await page.textContent('#doctext')).toContain('onerror="window.__pwned = 2"');
    await page.locator('a.fact').first().click();
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test('charts are drawn by Chart.js from the server', async () => {
    await page.goto(served.url + '/charts');
    await page.waitForSelector('#chart-type-lang[data-drawn="1"]');
    expect(await page.evaluate(() => typeof (window as any).Chart)).toBe('function');
    expect(await page.locator('canvas[data-drawn="1"]').count()).toBeGreaterThanOrEqual(3);
  });

  test('bad parameters get a 400 with a message', async () => {
    for (const [url, message] of [
      ['/facts?sort=nope', "unknown sort 'nope'"],
      ['/facts?min=abc', "'min' must be a number"],
      ['/facts?type=loans', "unknown type 'loans'"],
      ['/facts?sort=value&after=garbage', "'after' is not a page cursor"],
      ['/facts?limit=0', "'limit' must be a whole number"],
      ['/doc/1?view=raw', "unknown view 'raw'"],
    ] as const) {
      const res = await page.goto(served.url + url);
      expect(res!.status()).toBe(400);
      expect(await page.textContent('#error-message')).toContain(message);
    }
    expect((await page.goto(served.url + '/doc/99999'))!.status()).toBe(404);
  });
});
