/**
 * Screenshots of the web interface for the README: `npm run build && node dist/scripts/screenshots.js [--db FILE]`
 * serves the database (default: the one `npm start` builds) and photographs each page in headless Chromium
 * (scripts/browser.ts: $CHROMIUM, Debian's, or the npm-shipped one) at 1400 × 900, the screen the facts table is laid
 * out for. Chinese text needs a CJK font on the machine (`apt-get install fonts-noto-cjk` on Debian), else every Han
 * character is an empty box. Reviews are on (the review column shows) but no review is made.
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { serve } from '../src/server/serve.js';
import { packageRoot, DEFAULT_DB } from '../src/paths.js';
import { launchChromium } from './browser.js';

const args = process.argv.slice(2);
const db = args.includes('--db') ? args[args.indexOf('--db') + 1] : path.join(packageRoot(), DEFAULT_DB);
const out = path.join(packageRoot(), 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const served = await serve({ db, port: 0 });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const shots: Array<[string, string]> = [
    ['facts', '/facts'],
    ['facts-filtered', '/facts?type=loan_amount'],
    ['document', '/doc/1'],
    ['rules', '/rules'],
    ['search', '/search?q=' + encodeURIComponent('贷款')],
    ['charts', '/charts'],
    ['summary', '/summary?type=loan_amount&by=province,year'],
  ];
  for (const [name, url] of shots) {
    await page.goto(served.url + url, { waitUntil: 'networkidle' });
    if (name === 'document') {
      const fact = page.locator('mark, .fact').first();
      if (await fact.count()) await fact.click();
      await page.evaluate(() => window.scrollTo(0, 0)); // the click follows the fact's link down the page
    }
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  }
} finally {
  await browser.close();
  await served.close();
}
