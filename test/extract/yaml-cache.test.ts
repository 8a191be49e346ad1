/**
 * The parsed-YAML cache (src/extract/yaml-cache.ts): a text parsed once is read back as the same document; an edited
 * text is parsed again; a document JSON cannot hold (an infinite number) is never cached; invalid YAML still throws.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { loadYamlCached } from '../../src/extract/yaml-cache.js';
import { loadRuleSet } from '../../src/extract/rules.js';

let dir: string;
const saved = process.env.NEWSFACTS_CACHE;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'newsfacts-yaml-cache-'));
  process.env.NEWSFACTS_CACHE = dir;
});
afterEach(() => {
  if (saved === undefined) delete process.env.NEWSFACTS_CACHE;
  else process.env.NEWSFACTS_CACHE = saved;
  rmSync(dir, { recursive: true, force: true });
});

const entries = () => readdirSync(path.join(dir, 'yaml')).filter((f) => f.endsWith('.json'));

test('the second read of the same text comes from the cache and equals the parse', () => {
  const text = 'language: zh\nwords:\n  - 贷款\n  - "创业担保贷款"\nrestated: { min_count: 100 }\n';
  const first = loadYamlCached(text, 'a.yaml');
  expect(entries()).toHaveLength(1);
  const second = loadYamlCached(text, 'a.yaml');
  expect(second).toEqual(yaml.load(text));
  expect(second).toEqual(first);
  expect(entries()).toHaveLength(1);
});

test('an edited text is parsed again, under another entry', () => {
  loadYamlCached('words: [贷款]\n', 'a.yaml');
  expect(loadYamlCached('words: [贷款, 放贷]\n', 'a.yaml')).toEqual({ words: ['贷款', '放贷'] });
  expect(entries()).toHaveLength(2);
});

test('a document JSON cannot hold (an infinite number) is returned as parsed and not cached', () => {
  const doc = loadYamlCached('max: .inf\n', 'd.yaml') as { max: number };
  expect(doc.max).toBe(Infinity);
  expect(readdirSync(dir)).toEqual([]);
});

test('invalid YAML throws as js-yaml does, and nothing is cached', () => {
  expect(() => loadYamlCached('words: [贷款\n', 'bad.yaml')).toThrow(/bad\.yaml/);
  expect(readdirSync(dir)).toEqual([]);
});

test('the rule set loaded through the cache is the one loaded without it', () => {
  process.env.NEWSFACTS_CACHE = 'off';
  const plain = loadRuleSet(undefined, { fresh: true });
  process.env.NEWSFACTS_CACHE = dir;
  loadRuleSet(undefined, { fresh: true });
  const cached = loadRuleSet(undefined, { fresh: true });
  expect(cached.version).toBe(plain.version);
  expect(cached.rules.map((r) => [r.id, r.version])).toEqual(plain.rules.map((r) => [r.id, r.version]));
  expect(entries().length).toBeGreaterThan(10);
});
