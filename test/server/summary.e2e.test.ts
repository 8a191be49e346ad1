/**
 * The summary page driven as a researcher would: open /summary from the navigation, choose a type, a grouping and the
 * modality, read a province-year total computed from this test's own three documents, and click the sum to land on
 * exactly the facts it adds — on SQLite and on PostgreSQL (when one runs).
 */
import type { Page } from 'playwright-core';
import type { Served } from '../../src/server/serve.js';
import { availableBackends } from './backends.js';
import { openSite, type Site } from './site.js';

/** Two Guangdong loans of 2023 (12 and 5 亿元, one in Guangzhou) and a 2024 plan; one Zhejiang loan of 2023. */
const CORPUS: Record<string, string> = {
  'guangdong.txt': '广东省2023年创业担保贷款成效\n\n2023年，广东省发放创业担保贷款12亿元，扶持创业人员3000人。\n',
  'guangzhou.txt': '广州市去年新增创业担保贷款\n\n2023年，广东省广州市人社局发放创业担保贷款5亿元。2024年计划发放创业担保贷款8亿元。\n',
  'zhejiang.txt': '浙江省创业贷款\n\n2023年，浙江省发放创业担保贷款7亿元。\n',
};

const BACKENDS = await availableBackends('summary');

describe.each(BACKENDS)('the summary page on $name', (backend) => {
  let site: Site;
  let served: Served;
  let page: Page;

  beforeAll(async () => {
    site = await openSite({ name: 'summary', files: CORPUS, folder: 'corpus', backend });
    ({ served, page } = site);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  const rowOf = (province: string, year: string) =>
    page.locator('#summary tbody tr').filter({ has: page.locator('td:nth-child(1)', { hasText: province }) }).filter({ has: page.locator('td:nth-child(2)', { hasText: year }) });

  test('choose a type and grouping, read a province-year total, click it and land on its facts', async () => {
    await page.goto(served.url + '/facts');
    await page.click('header a[href="/summary"]');
    await page.waitForURL(/\/summary$/);
    await page.selectOption('select[name="type"]', 'loan_amount');
    await page.fill('input[name="by"]', 'province,year');
    await page.selectOption('select[name="modality"]', 'achieved');
    await page.click('#apply-summary');
    await page.waitForURL(/\/summary\?/);
    expect(new URL(page.url()).searchParams.get('by')).toBe('province,year');

    // 12 亿 + 5 亿 = 1,700,000,000 CNY for Guangdong in 2023; the 2024 plan is left out, with its reason.
    const guangdong = rowOf('44 广东省', '2023');
    await expect(guangdong.count()).resolves.toBe(1);
    await expect(guangdong.locator('td.sum').innerText()).resolves.toBe('1,700,000,000');
    await expect(rowOf('33 浙江省', '2023').locator('td.sum').innerText()).resolves.toBe('700,000,000');
    await expect(page.locator('#left-out').innerText()).resolves.toMatch(/1\s+plan or target/);

    await guangdong.locator('td.sum a').click();
    await page.waitForURL(/\/facts\?/);
    const facts = await page.$$eval('#facts tbody tr', (rows) =>
      rows.map((r) => ({ value: Number((r.querySelector('td.value') as HTMLElement).dataset.value), doc: r.querySelector('td.doc')!.textContent!.trim() })),
    );
    expect(facts.map((f) => f.value).sort((a, b) => a - b)).toEqual([500_000_000, 1_200_000_000]);
    expect(facts.map((f) => f.doc).sort()).toEqual(['guangdong.txt', 'guangzhou.txt']);
    await expect(page.locator('#total').innerText()).resolves.toBe('2');
  });

  test('plans are summed when asked for, and a facts filter by province code and modality finds them', async () => {
    await page.goto(served.url + '/summary?type=loan_amount&by=province,year&modality=planned');
    await expect(rowOf('44 广东省', '2024').locator('td.sum').innerText()).resolves.toBe('800,000,000');
    await page.goto(served.url + '/facts?type=loan_amount&province_code=44&modality=planned');
    const values = await page.$$eval('#facts tbody td.value', (cells) => cells.map((c) => Number((c as HTMLElement).dataset.value)));
    expect(values).toEqual([800_000_000]);
    // The resolved fields in the row: province code, period end, a plan.
    const resolved = page.locator('#facts tbody td.resolved').first();
    await expect(resolved.innerText()).resolves.toMatch(/^44 2024-12-31 plan$/);
    await expect(resolved.getAttribute('title')).resolves.toContain('modality: planned');
  });

  test('the charts page draws the same sums per currency on a year axis, plans apart, each sum linking to its facts', async () => {
    await page.goto(served.url + '/facts?type=loan_amount');
    await page.click('a[href^="/charts"]');
    await page.waitForURL(/\/charts/);
    const id = 'sums-loan_amount-CNY-period';
    await page.waitForSelector(`#${id}[data-drawn="1"]`);
    // The chart's data: sums (not counts of facts) at numeric years on a linear axis, achieved and planned apart.
    const spec = JSON.parse((await page.getAttribute(`#${id}`, 'data-chart'))!);
    expect(spec.options.scales.x.type).toBe('linear');
    const series = Object.fromEntries(spec.data.datasets.map((d: any) => [d.label.split(' ')[0], d.data]));
    expect(series.achieved).toEqual([{ x: 2023, y: 2_400_000_000 }]);
    expect(series.planned).toEqual([{ x: 2024, y: 800_000_000 }]);
    // Its figures under it, as the summary counts them: 12 亿 + 5 亿 (Guangdong) + 7 亿 (Zhejiang) in 2023.
    await page.click(`#data-${id} >> xpath=ancestor::details/summary`);
    const cells = await page.$$eval(`#data-${id} tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(cells).toEqual([
      ['2023', '2,400,000,000', ''],
      ['2024', '', '800,000,000'],
    ]);
    await page.click(`#data-${id} td.planned a`);
    await page.waitForURL(/\/facts\?/);
    const values = await page.$$eval('#facts tbody td.value', (c) => c.map((x) => Number((x as HTMLElement).dataset.value)));
    expect(values).toEqual([800_000_000]);
  });

  test('an unknown grouping is a 400 that names the choices', async () => {
    const r = await page.goto(served.url + '/summary?type=loan_amount&by=planet');
    expect(r!.status()).toBe(400);
    await expect(page.locator('#error-message').innerText()).resolves.toContain('province');
  });
});
