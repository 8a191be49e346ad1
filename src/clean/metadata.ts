/**
 * Document metadata: title, publication date, source outlet, author, canonical URL. Text functions work on any line
 * (datelines and bylines of text dumps, blocks of HTML pages); `htmlMetadata` reads what the HTML head and the DOM
 * declare (meta tags, JSON-LD, `time` elements).
 */
import type { CheerioAPI } from 'cheerio';
import { META_LABELS } from './boilerplate.js';

const pad = (n: number | string) => String(n).padStart(2, '0');

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1970 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function isoOf(y: number, m: number, d: number, hh?: string, mm?: string, ss?: string): string | null {
  if (!validYmd(y, m, d)) return null;
  let out = `${y}-${pad(m)}-${pad(d)}`;
  if (hh !== undefined && mm !== undefined && Number(hh) < 24 && Number(mm) < 60) {
    out += `T${pad(hh)}:${pad(mm)}`;
    if (ss !== undefined && Number(ss) < 60) out += `:${pad(ss)}`;
  }
  return out;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const FW_DIGITS = /[０-９]/g;
const ANY_DIGIT = /[0-9０-９]/;

/** Date patterns, most specific first. Each returns an ISO date or null for an impossible date. */
const DATE_PATTERNS: Array<{ re: RegExp; iso: (m: RegExpExecArray) => string | null }> = [
  // 2015-12-17 10:35:00, 2015/12/17, 2015.12.17, 2015-12-17T10:35:00+08:00
  {
    re: /(?<!\d)((?:19|20)\d\d)\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)(?:[T\s]+(\d{1,2}):(\d\d)(?::(\d\d))?)?/,
    iso: (m) => isoOf(+m[1], +m[2], +m[3], m[4], m[5], m[6]),
  },
  // 2015年12月17日 10:35
  {
    re: /((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號](?:\s*(\d{1,2})[:：时時](\d\d)(?:[:：分](\d\d))?)?/,
    iso: (m) => isoOf(+m[1], +m[2], +m[3], m[4], m[5], m[6]),
  },
  // Vietnamese: ngày 16/6/2006, 16-6-2006 (day first), with an optional time before: 10:35 16/06/2006
  {
    re: /(?:(\d{1,2}):(\d\d)\s*(?:,\s*)?(?:\w+\s*,\s*)?)?(?:ngày\s*)?(?<!\d)(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d\d)(?!\d)/i,
    iso: (m) => isoOf(+m[5], +m[4], +m[3], m[1], m[2]),
  },
  // English: December 17, 2015 / Dec. 17 2015
  {
    re: /\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b/i,
    iso: (m) => isoOf(+m[3], MONTHS[m[1].toLowerCase()], +m[2]),
  },
  // English: 17 December 2015
  {
    re: /\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\b/i,
    iso: (m) => isoOf(+m[3], MONTHS[m[2].toLowerCase()], +m[1]),
  },
];

/** The first full date (year, month and day) in the text, as ISO; null when there is none. */
export function findDate(text: string): string | null {
  // Every pattern holds a digit; most texts asked (every short block of a page) have none.
  if (!ANY_DIGIT.test(text)) return null;
  const t = text.replace(FW_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  let best: { at: number; iso: string } | null = null;
  for (const { re, iso } of DATE_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const value = iso(m);
    if (value && (!best || m.index < best.at)) best = { at: m.index, iso: value };
  }
  return best ? best.iso : null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ALL_LABELS = [...new Set(Object.values(META_LABELS).flat())].sort((a, b) => b.length - a.length);
const allLabelsGlobal = new RegExp(ALL_LABELS.map(escape).join('|'), 'gi');
const anyLabelRe = new RegExp(`(?:${ALL_LABELS.map(escape).join('|')})\\s*[:：]`, 'i');

/** The value after `label:` on a line, up to the next label, a wide gap or a separator. */
const labelRes = new Map<string[], RegExp>();

function labelled(text: string, labels: string[]): string | null {
  let re = labelRes.get(labels);
  if (!re) {
    re = new RegExp(`(?:^|[^\\p{L}])(?:${labels.map(escape).join('|')})\\s*[:：]\\s*`, 'iu');
    labelRes.set(labels, re);
  }
  const m = re.exec(text);
  if (!m) return null;
  let rest = text.slice(m.index + m[0].length);
  const next = anyLabelRe.exec(rest);
  if (next) rest = rest.slice(0, next.index);
  rest = rest.split(/\s{2,}|[|｜【\[\]】]|\u00a0{2,}|\u3000/)[0];
  rest = rest.replace(/^[\s\u00a0]+|[\s\u00a0,，;；:：)）]+$/g, '');
  if (!rest || rest.length > 40) return null;
  return rest;
}

/** Source outlet from `来源：苏州日报`, `來源:蘇州日報`, `Nguồn: …`. */
export function findSource(text: string): string | null {
  const v = labelled(text, META_LABELS.source);
  // A source is a name, not a date or a URL fragment.
  if (!v || /^\d/.test(v)) return null;
  return v;
}

const HAN_NAME = '[\\u3400-\\u9fff·]{2,4}';
/** Credits that name a reporter, the reporter (记者) before the correspondent (通讯员). */
const creditRes = [['记者', '記者', '本报记者', '本報記者'], META_LABELS.reporter].map(
  (roles) =>
    new RegExp(`(?:${roles.filter((l) => /[\u3400-\u9fff]/.test(l)).map(escape).join('|')})\\s*[:：]?\\s*((?:${HAN_NAME}[\\s\\u00a0、,，]*)+)`, 'u'),
);

/** Author from `作者：…`, a `记者 …` credit (`蘇報訊(通訊員 傅萱 記者 顧志敏)`), or an English/Vietnamese label. */
export function findAuthor(text: string): string | null {
  const labelledAuthor = labelled(text, META_LABELS.author);
  if (labelledAuthor) return stripRoles(labelledAuthor);
  // Prefer the reporter (记者) over the correspondent (通讯员) when both are credited.
  for (const re of creditRes) {
    const m = re.exec(text);
    if (m) {
      const names = cleanNames(m[1]);
      if (names) return names;
    }
  }
  const by = /(?:^|\n)\s*(?:by|tác giả|phóng viên)\s*[:：]?\s+([\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+){0,3})/iu.exec(text);
  return by ? by[1].trim() : null;
}

const ROLE_WORDS = /^(?:本报|本報)?(?:记者|記者|通讯员|通訊員|实习生|實習生|编辑|編輯)\s*/;

function stripRoles(v: string): string {
  let out = v.trim();
  for (let i = 0; i < 3; i++) out = out.replace(ROLE_WORDS, '');
  return out.trim() || v.trim();
}

function cleanNames(raw: string): string | null {
  const names = raw
    .split(/[\s\u00a0、,，]+/)
    .map((n) => n.trim())
    .filter((n) => n.length >= 2 && !/^(记者|記者|通讯员|通訊員|编辑|編輯|报道|報道|摄影|攝影)$/.test(n));
  return names.length ? names.join(' ') : null;
}

/** True for a dateline/byline: a short line made of a date and labelled values, not a sentence of the article. */
export function isMetaLine(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 80 || /[。！？]/.test(t)) return false;
  const hasLabel = anyLabelRe.test(t);
  const date = findDate(t);
  if (!hasLabel && !date) return false;
  // What is left once dates, times and labels are removed must be short: names, not prose.
  const rest = t
    .replace(/\d{2,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,4}\s*[日号號]?/g, '')
    .replace(/\d{1,2}[:：]\d\d(?:[:：]\d\d)?/g, '')
    .replace(allLabelsGlobal, '')
    .replace(/[\s\u00a0\u3000:：|｜()（）【】\[\]]/g, '');
  if (rest.length <= (hasLabel ? 30 : 6)) return true;
  // A dateline whose other fields are names, split by bars (`2018-11-09 13:27:49 | 昆明热线 | www.example.com`): the
  // first field holds the date and time only, the others are short and hold no clause.
  const fields = t.split(/\s*[|｜]\s*/);
  if (date && fields.length >= 2 && fields.length <= 5) {
    const first = fields[0].replace(/\d{2,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,4}\s*[日号號]?/g, '').replace(/\d{1,2}[:：]\d\d(?:[:：]\d\d)?/g, '').trim();
    if (!first && fields.slice(1).every((f) => f.length <= 24 && !/[，,。；;]/.test(f))) return true;
  }
  return false;
}

/** Separators between a headline and the site name in `<title>`: `标题_新浪新闻`, `Title - Site`, `标题|网站`. */
const TITLE_SEPARATORS = /\s+[-–—|｜·»]\s+|\s*[_｜|]\s*|\s+-\s*|--|丨/;

/** `<title>` without the site-name suffix (or prefix): the longest part when separators split it. */
export function stripSiteName(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  const parts = t.split(TITLE_SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length <= 1) return t;
  let best = parts[0];
  for (const p of parts) if (p.length > best.length * 1.5) best = p;
  return best;
}

export interface HtmlMeta {
  title: string | null;
  ogTitle: string | null;
  date: string | null;
  source: string | null;
  author: string | null;
  url: string | null;
  lang: string | null;
  /**
   * The texts of elements that stand right after a source label (`来源: <a>证券市场红周刊</a>`): where a labelled
   * source ends. Text taken from lines runs on into the next link (`证券市场红周刊举报`).
   */
  labelledSources: string[];
}

interface Node {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  data?: string;
}

/** What the metadata needs from the DOM, gathered in one walk (a selector query per name is a walk per name). */
interface HeadFacts {
  metas: Map<string, string>;
  title: string | null;
  ldJson: string[];
  canonical: string | null;
  time: string | null;
  lang: string | null;
  labelledSources: string[];
}

function textOf(n: Node): string {
  if (n.type === 'text') return n.data ?? '';
  return (n.children ?? []).map(textOf).join('');
}

function gather($: CheerioAPI): HeadFacts {
  const facts: HeadFacts = { metas: new Map(), title: null, ldJson: [], canonical: null, time: null, lang: null, labelledSources: [] };
  const stack: Node[] = [$.root().get(0) as unknown as Node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'tag' || n.type === 'script') {
      const a = n.attribs ?? {};
      switch (n.name) {
        case 'meta': {
          const content = a.content?.trim();
          if (content) {
            for (const key of [a.property, a.name, a.itemprop, a['http-equiv']]) {
              if (key && !facts.metas.has(key.toLowerCase())) facts.metas.set(key.toLowerCase(), content);
            }
          }
          break;
        }
        case 'title':
          facts.title ??= textOf(n).trim() || null;
          break;
        case 'script':
          if (a.type === 'application/ld+json') facts.ldJson.push(textOf(n));
          continue;
        case 'link':
          if (a.rel?.toLowerCase() === 'canonical' && a.href) facts.canonical ??= a.href;
          break;
        case 'time':
          facts.time ??= a.datetime ?? (a.pubdate !== undefined ? textOf(n) : null);
          break;
        case 'html':
          facts.lang ??= a.lang ?? null;
          break;
        case 'style':
          continue;
      }
    }
    const children = n.children;
    if (!children) continue;
    // Children go on the stack last first (the walk stays in document order); on the way, a text that ends with a
    // colon (all but the last child) marks this node as one that may hold a source label, read in order below.
    let colon = false;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      stack.push(c);
      if (i < children.length - 1 && c.type === 'text' && endsWithColon(c.data ?? '')) colon = true;
    }
    if (!colon) continue;
    for (let i = 0; i < children.length - 1; i++) {
      const c = children[i];
      if (c.type !== 'text' || !endsWithColon(c.data ?? '') || !sourceLabelAtEnd.test(c.data ?? '')) continue;
      let j = i + 1;
      while (j < children.length && children[j].type === 'text' && !(children[j].data ?? '').trim()) j++;
      const next = children[j];
      if (next?.type !== 'tag' || next.name === 'script' || next.name === 'style') continue;
      const value = textOf(next).replace(/\s+/g, ' ').trim();
      if (value && value.length <= 40) facts.labelledSources.push(value);
    }
  }
  return facts;
}

/** Whether a text ends with a colon (then spaces): the cheap test before `sourceLabelAtEnd` (trimEnd strips what \s matches). */
function endsWithColon(text: string): boolean {
  // Read back from the end past what trimEnd would strip, without making the trimmed copy (this runs on every text
  // node of every page).
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3a || c === 0xff1a) return true;
    if (!(c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f)) return false;
  }
  return false;
}

/** A text that ends with a source label: the value is in the element after it. */
const sourceLabelAtEnd = new RegExp(`(?:^|[^\\p{L}])(?:${META_LABELS.source.map(escape).join('|')})\\s*[:：]\\s*$`, 'iu');

/**
 * A labelled source cut where the element holding it ends: `证券市场红周刊举报` (a source link, then a 举报 link, their
 * texts run together in the line) → `证券市场红周刊`.
 */
export function sourceWithinElement(source: string | null, labelledSources: string[]): string | null {
  if (!source) return source;
  for (const v of labelledSources) if (source !== v && source.startsWith(v)) return v;
  return source;
}

/**
 * Whether a declared author is the publishing site (`<meta name="author" content="网易">` on a page titled
 * `…_网易财经`): the site's name, or the start of the site-name part of the `<title>`. A portal is not an author.
 */
export function isSiteName(name: string, title: string | null, siteName: string | null): boolean {
  const n = name.trim().toLowerCase();
  if (!n) return false;
  if (siteName && siteName.trim().toLowerCase() === n) return true;
  if (!title) return false;
  const kept = stripSiteName(title);
  const parts = title.replace(/\s+/g, ' ').trim().split(TITLE_SEPARATORS).map((p) => p.trim().toLowerCase()).filter(Boolean);
  return parts.some((p) => p !== kept.toLowerCase() && p.startsWith(n));
}

function metaContent(table: Map<string, string>, names: string[]): string | null {
  for (const name of names) {
    const v = table.get(name.toLowerCase());
    if (v) return v;
  }
  return null;
}

/** JSON-LD objects, flattened (datePublished, author.name, headline). */
function jsonLd(blocks: string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const block of blocks) {
    try {
      const data: unknown = JSON.parse(block);
      const stack: unknown[] = [data];
      while (stack.length) {
        const v = stack.pop();
        if (Array.isArray(v)) stack.push(...v);
        else if (v && typeof v === 'object') {
          out.push(v as Record<string, unknown>);
          const graph = (v as Record<string, unknown>)['@graph'];
          if (graph) stack.push(graph);
        }
      }
    } catch {
      // Broken JSON-LD is common; it simply declares nothing.
    }
  }
  return out;
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object' && 'name' in v) return nameOf((v as { name: unknown }).name);
  return null;
}

/** What the page declares about itself in its head and markup. */
export function htmlMetadata($: CheerioAPI): HtmlMeta {
  const facts = gather($);
  const metas = facts.metas;
  const ld = jsonLd(facts.ldJson);
  const ldValue = (key: string) => {
    for (const o of ld) if (o[key] !== undefined) return o[key];
    return undefined;
  };
  const ogTitle = metaContent(metas, ['og:title', 'twitter:title']) ?? nameOf(ldValue('headline'));
  const dateText =
    metaContent(metas, [
      'article:published_time', 'og:published_time', 'pubdate', 'publishdate', 'publish_date', 'publishDate',
      'datePublished', 'date', 'dc.date', 'DC.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date',
      'article.published', 'og:release_date', 'weibo:article:create_at',
    ]) ??
    (typeof ldValue('datePublished') === 'string' ? (ldValue('datePublished') as string) : null) ??
    facts.time;
  const author =
    metaContent(metas, ['author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author']) ??
    nameOf(ldValue('author'));
  const source = metaContent(metas, ['source', 'og:site_name', 'application-name']);
  const siteName = metaContent(metas, ['og:site_name', 'application-name']);
  const url = facts.canonical ?? metaContent(metas, ['og:url']);
  const lang = facts.lang ?? metaContent(metas, ['content-language', 'language']);
  return {
    title: facts.title,
    ogTitle,
    date: dateText ? findDate(dateText) : null,
    source,
    author: author && !/^https?:/.test(author) && !isSiteName(author, facts.title, siteName) ? author : null,
    url,
    lang,
    labelledSources: facts.labelledSources,
  };
}
