/**
 * A headless Chromium for the browser tests (test/server) and the README screenshots, on any machine: the one named
 * by $CHROMIUM, else Debian's /usr/bin/chromium, else the one shipped inside the `@sparticuz/chromium` devDependency
 * (unpacked to the temp folder on first use; it has no CJK fonts, which DOM assertions do not need but screenshots
 * do). So `npm ci && npm test` needs nothing installed beyond Node.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** The path of a Chromium binary, and where it came from (for messages). */
export async function findChromium(): Promise<{ executablePath: string; origin: string }> {
  const fromEnv = process.env.CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`$CHROMIUM names ${fromEnv}, which does not exist`);
    return { executablePath: fromEnv, origin: '$CHROMIUM' };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, origin: 'Debian chromium' };
  const { default: packaged } = await import('@sparticuz/chromium');
  return { executablePath: await packaged.executablePath(), origin: '@sparticuz/chromium' };
}

/** Launches a headless Chromium found by findChromium. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath } = await findChromium();
  return chromium.launch({ executablePath, args: ARGS, headless: true });
}
