/**
 * What every browser test sets up: a folder of pages written to a temporary directory, ingested (with corpus/ when
 * asked) into SQLite, made into the backend's database (backends.ts), served on a free port, and a headless Chromium
 * page on it (scripts/browser.ts); and the teardown of all of it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/browser.js';
import { ingest } from '../../src/ingest.js';
import { openStore } from '../../src/store/open.js';
import { serve, type Served } from '../../src/server/serve.js';
import type { Backend } from './backends.js';

export interface SiteOptions {
  /** Names the temporary directory. */
  name: string;
  /** Pages to write, by file name, into `folder`. */
  files: Record<string, string>;
  /** The folder the pages go in, relative to the temporary directory (default `pages`). */
  folder?: string;
  /** Ingest the repository's corpus/ before the pages. */
  withCorpus?: boolean;
  /** Where to serve from (default: the SQLite file itself). */
  backend?: Backend;
  context?: BrowserContextOptions;
}

export interface Site {
  served: Served;
  browser: Browser;
  page: Page;
  /** The id of the stored document whose source ends with `suffix`. */
  documentId(suffix: string): number;
  close(): Promise<void>;
}

export async function openSite(opts: SiteOptions): Promise<Site> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `newsfacts-${opts.name}-`));
  let location: string | undefined;
  let served: Served | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await served?.close();
    rmSync(dir, { recursive: true, force: true });
    if (location && opts.backend) await opts.backend.drop(location);
  };
  try {
    const folder = path.join(dir, opts.folder ?? 'pages');
    mkdirSync(folder, { recursive: true });
    for (const [name, text] of Object.entries(opts.files)) writeFileSync(path.join(folder, name), text);
    const db = path.join(dir, 'facts.sqlite');
    const store = openStore(db);
    await ingest(store, [...(opts.withCorpus ? [path.resolve('corpus')] : []), folder], { workers: 0 });
    const documents = store.documents();
    store.close();
    location = opts.backend ? await opts.backend.prepare(db) : db;
    served = await serve({ db: location, port: 0 });
    browser = await launchChromium();
    const page = await (await browser.newContext(opts.context)).newPage();
    const documentId = (suffix: string) => documents.find((d) => d.source.endsWith(suffix))!.id;
    return { served, browser, page, documentId, close };
  } catch (err) {
    await close();
    throw err;
  }
}
