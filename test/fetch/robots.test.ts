import { isAllowed, matches, normalizePath, parseRobots, productToken, crawlDelayMs } from '../../src/fetch/robots.js';

const UA = 'newsfacts/0.1.0 (research fetcher; obeys robots.txt)';
const allowed = (txt: string, url: string, ua = UA) => isAllowed(parseRobots(txt), ua, url).allowed;

describe('robots.txt patterns', () => {
  test('prefix match, * wildcard and $ anchor', () => {
    expect(matches('/private', '/private/a.html')).toBe(true);
    expect(matches('/private', '/privateer')).toBe(true);
    expect(matches('/private', '/news/private')).toBe(false);
    expect(matches('/*.pdf$', '/docs/report.pdf')).toBe(true);
    expect(matches('/*.pdf$', '/docs/report.pdf?x=1')).toBe(false);
    expect(matches('/*.pdf', '/docs/report.pdf?x=1')).toBe(true);
    expect(matches('/a*b*c', '/axxbyyc/zz')).toBe(true);
    expect(matches('/a*b*c', '/axxcyyb')).toBe(false);
    expect(matches('/news$', '/news')).toBe(true);
    expect(matches('/news$', '/news/')).toBe(false);
    expect(matches('*', '/anything')).toBe(true);
    expect(matches('/a*a$', '/aba')).toBe(true);
    expect(matches('/a*a$', '/a')).toBe(false);
  });

  test('percent-encoding is compared normalized', () => {
    expect(normalizePath('/%7euser/%e6%96%b0')).toBe('/~user/%E6%96%B0');
    expect(normalizePath('/新闻')).toBe('/%E6%96%B0%E9%97%BB');
    expect(allowed('User-agent: *\nDisallow: /新闻/', 'http://x.test/%E6%96%B0%E9%97%BB/1.html')).toBe(false);
  });
});

describe('robots.txt groups and precedence', () => {
  const txt = [
    '\uFEFFUser-agent: Googlebot',
    'Disallow: /',
    '',
    '# comment line',
    'user-agent: NewsFacts',
    'user-agent: otherbot',
    'disallow: /drafts   # inline comment',
    'allow: /drafts/public',
    'Crawl-delay: 5',
    '',
    'User-agent: *',
    'Disallow: /private',
    'Allow: /private/open$',
    'Disallow: /*.json$',
    'Disallow:',
  ].join('\r\n');

  test('our product token picks its own group, case-insensitively, and only that group', () => {
    expect(productToken(UA)).toBe('newsfacts');
    expect(allowed(txt, 'http://x.test/drafts/1.html')).toBe(false);
    expect(allowed(txt, 'http://x.test/drafts/public/1.html')).toBe(true);
    // the * group does not apply to us, since we have our own
    expect(allowed(txt, 'http://x.test/private/1.html')).toBe(true);
    expect(crawlDelayMs(parseRobots(txt), UA)).toBe(5000);
  });

  test('other agents fall back to *; the longest rule wins; allow wins a tie', () => {
    const ua = 'somebot/1.0';
    expect(allowed(txt, 'http://x.test/private/1.html', ua)).toBe(false);
    expect(allowed(txt, 'http://x.test/private/open', ua)).toBe(true);
    expect(allowed(txt, 'http://x.test/private/open/more', ua)).toBe(false);
    expect(allowed(txt, 'http://x.test/data/a.json', ua)).toBe(false);
    expect(allowed(txt, 'http://x.test/data/a.json?v=2', ua)).toBe(true);
    expect(allowed(txt, 'http://x.test/news/1.html', ua)).toBe(true);
    expect(allowed(txt, 'http://x.test/anything', 'Googlebot/2.1')).toBe(false);
    expect(allowed('User-agent: *\nDisallow: /page\nAllow: /page', 'http://x.test/page')).toBe(true);
    expect(isAllowed(parseRobots(txt), ua, 'http://x.test/private/a').rule).toBe('Disallow: /private');
  });

  test('groups for one agent are merged; rules before any user-agent are ignored; robots.txt itself is allowed', () => {
    const merged = 'Disallow: /x\nUser-agent: a\nDisallow: /one\n\nUser-agent: b\nDisallow: /b\n\nUser-agent: a\nDisallow: /two\n';
    expect(allowed(merged, 'http://x.test/one', 'a')).toBe(false);
    expect(allowed(merged, 'http://x.test/two', 'a')).toBe(false);
    expect(allowed(merged, 'http://x.test/b', 'a')).toBe(true);
    expect(allowed(merged, 'http://x.test/x', 'a')).toBe(true);
    expect(allowed('User-agent: *\nDisallow: /', 'http://x.test/robots.txt')).toBe(true);
    expect(allowed('User-agent: *\nDisallow: /', 'http://x.test/')).toBe(false);
    expect(allowed('', 'http://x.test/')).toBe(true);
  });

  test('the query string is part of the matched path', () => {
    expect(allowed('User-agent: *\nDisallow: /*?print=', 'http://x.test/a.html?print=1')).toBe(false);
    expect(allowed('User-agent: *\nDisallow: /*?print=', 'http://x.test/a.html')).toBe(true);
  });
});
