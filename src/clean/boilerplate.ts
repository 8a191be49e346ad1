/**
 * The ONE boilerplate vocabulary, as data, shared by the HTML cleaner and the text-dump cleaner: words that mark page
 * furniture (menus, tool bars, legal notices, related-article lists, comment boxes), labels of metadata lines, and
 * class/id hints for the DOM. Simplified and traditional Chinese, Vietnamese and English live side by side; adding a
 * language adds entries, not code.
 */

import { ownCopy } from '../strings.js';

/** What kind of furniture a term announces. Everything but `nav` ends an article when it follows the body. */
export type FurnitureKind = 'nav' | 'tools' | 'related' | 'legal' | 'editor' | 'comments' | 'tags' | 'contact';

/** Terms looked for in SHORT lines/blocks (a term inside a long sentence is just a word). Matched case-insensitively
 * on the text with whitespace removed for Chinese (so `相 关 稿 件` matches `相关稿件`). */
export const FURNITURE_TERMS: Record<FurnitureKind, string[]> = {
  nav: [
    // zh-Hans / zh-Hant
    '网站首页', '網站首頁', '设为首页', '設為首頁', '加入收藏', '收藏本站', '您当前的位置', '您當前的位置', '当前位置',
    '當前位置', '您的位置', '现在位置', '現在位置', '所在位置', '网站地图', '網站地圖', '返回首页', '返回首頁', '返回顶部',
    '返回頂部', '登录', '登錄', '登入', '注册', '註冊', '天气预报', '天氣預報',
    // vi
    'trang chủ', 'đăng nhập', 'đăng ký', 'quay lại', 'về đầu trang',
    // en
    'home page', 'sign in', 'log in', 'sign up', 'back to top', 'skip to content', 'main menu',
  ],
  tools: [
    '打印本页', '打印此文', '打印本文', '收藏本页', '收藏本頁', '关闭本页', '關閉本頁', '关闭窗口', '關閉窗口', '列印本頁',
    '分享到', '分享至', '扫一扫', '掃一掃', '字号', '字號', '【大中小】', '上一篇', '下一篇', '上一页', '下一頁', '下一页',
    'in bài', 'gửi bài', 'chia sẻ', 'lưu bài',
    'share this', 'share on', 'print this', 'email this', 'previous article', 'next article', 'follow us',
  ],
  related: [
    '相关阅读', '相關閱讀', '相关稿件', '相關稿件', '相关新闻', '相關新聞', '相关文章', '相關文章', '相关链接', '相關鏈接',
    '相关热词', '相關熱詞', '延伸阅读', '延伸閱讀', '推荐阅读', '推薦閱讀', '热点推荐', '熱點推薦', '热门推荐', '熱門推薦',
    '猜你喜欢', '猜你喜歡', '最新文章', '热门文章', '熱門文章', '相关专题', '所属专题', '所屬專題',
    'tin liên quan', 'bài liên quan', 'tin khác', 'các tin khác', 'tin cùng chuyên mục', 'đọc thêm', 'xem thêm',
    'related articles', 'related stories', 'related news', 'related posts', 'you may also like', 'recommended for you',
    'more stories', 'read more', 'most popular', 'most read', 'also read', 'read also', 'see also',
  ],
  legal: [
    '版权所有', '版權所有', '版权声明', '版權聲明', '免责声明', '免責聲明', '法律声明', '法律聲明', '隐私政策', '隱私政策',
    '未经授权', '未經授權', '禁止转载', '禁止轉載', 'icp备', 'icp證', 'icp证', '备案号', '備案號', '网警', '網警',
    'bản quyền', 'giấy phép', 'ghi rõ nguồn',
    'copyright', 'all rights reserved', 'powered by', 'privacy policy', 'terms of use', 'terms of service',
  ],
  editor: ['责任编辑', '責任編輯', '编辑:', '編輯:', '编辑：', '編輯：', '责编', '責編', 'biên tập:', 'biên tập viên'],
  comments: [
    '发表评论', '發表評論', '网友评论', '網友評論', '我要评论', '我要評論', '评论区', '評論區', '条评论', '條評論',
    'bình luận', 'ý kiến bạn đọc', 'gửi ý kiến',
    'leave a comment', 'comments', 'add a comment', 'join the conversation',
  ],
  tags: ['标签:', '標籤:', '标签：', '標籤：', '关键词:', '關鍵詞:', '关键词：', '關鍵詞：', 'từ khóa', 'từ khoá', 'tags:'],
  contact: [
    '联系我们', '聯繫我們', '关于我们', '關於我們', '广告服务', '廣告服務', '联系电话', '聯繫電話', '投稿',
    'liên hệ', 'đường dây nóng', 'contact us', 'about us', 'advertise',
  ],
};

/** Patterns that mark a short line as furniture by its shape rather than its words. */
export const FURNITURE_PATTERNS: Array<{ kind: FurnitureKind; pattern: RegExp }> = [
  // ICP licence numbers: 浙ICP备06047663号, 京ICP证030173号
  { kind: 'legal', pattern: /ICP\s*[备備证證]?\s*[\d-]{5,}|[京津沪滬渝冀豫云雲辽遼黑湘皖鲁魯新苏蘇浙赣贛鄂桂甘晋晉蒙陕陝吉闽閩贵貴粤粵青藏川宁寧琼瓊]公网安备/i },
  // © 2006-2008, (c) 2024
  { kind: 'legal', pattern: /©|\(c\)\s*\d{4}|&copy;/i },
  // Phone numbers with a label or in the (86)0573-88118696 shape
  { kind: 'contact', pattern: /(电话|電話|传真|傳真|热线|熱線|điện thoại|tel|fax|hotline)\s*[:：]?\s*[(（+]?\d/i },
  { kind: 'contact', pattern: /[(（]?\+?\d{2,4}[)）]?[-\s]?\d{3,4}-\d{7,8}|\b0\d{2,3}-\d{7,8}\b/ },
  { kind: 'contact', pattern: /^(地址|地點|địa chỉ|address)\s*[:：]/i },
  { kind: 'contact', pattern: /[\w.+-]+@[\w-]+\.[\w.]+/ },
];

/** Labels that introduce metadata in a dateline or byline. */
export const META_LABELS = {
  source: ['来源', '來源', '稿源', '出处', '出處', '新闻来源', '文章来源', '文章來源', 'nguồn', 'source'],
  author: ['作者', '撰文', '文字', 'tác giả', 'author'],
  reporter: ['记者', '記者', '本报记者', '本報記者', '通讯员', '通訊員', 'phóng viên', 'pv'],
  editor: ['责任编辑', '責任編輯', '编辑', '編輯', '责编', '責編', 'biên tập'],
  date: ['发布时间', '發佈時間', '發布時間', '发表时间', '發表時間', '发布日期', '發布日期', '时间', '時間', '日期', 'ngày đăng', 'cập nhật', 'published', 'updated'],
};

/**
 * Class/id hints. A strong hint marks an element as furniture whatever else its name says (`comment-body` is a
 * comment); a weak hint only when no part of the same name names content (`article-meta` stays, `meta` goes).
 */
export const CLASS_HINTS = {
  strong: [
    'nav', 'navbar', 'navigation', 'menu', 'menubar', 'footer', 'sidebar', 'rightbar', 'leftbar', 'comment', 'comments',
    'reply', 'share', 'sharing', 'social', 'related', 'relate', 'recommend', 'recommended', 'breadcrumb', 'breadcrumbs',
    'crumb', 'crumbs', 'copyright', 'advert', 'advertisement', 'adsbygoogle', 'sponsor', 'promo', 'popup', 'modal',
    'cookie', 'subscribe', 'newsletter', 'login', 'signin', 'pagination', 'pager', 'toolbar', 'widget', 'disclaimer',
    // pinyin and Chinese hints used by Chinese portals
    'xgxw', 'xgyd', 'pinglun', 'fenxiang', 'daohang', 'banquan', 'tuijian',
    '相关', '相關', '评论', '評論', '版权', '版權', '导航', '導航', '推荐', '推薦', '分享',
  ],
  weak: [
    'side', 'aside', 'foot', 'ad', 'ads', 'banner', 'tools', 'rank', 'hot', 'hotnews', 'remen', 'tags', 'tag', 'keywords',
    'masthead', 'topbar', 'teaser', 'teasers', 'rail', 'caption', 'credit', 'byline', 'author', 'meta', 'print', 'more', 'next', 'prev', 'list',
  ],
  positive: ['article', 'content', 'main', 'body', 'post', 'entry', 'story', 'text', 'detail', 'zhengwen', 'neirong', '正文', '内容', '內容'],
};

/** Tags whose content is never article text. */
export const NEVER_CONTENT_TAGS = [
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'map',
  'select', 'option', 'textarea', 'button', 'input', 'label', 'nav', 'aside', 'footer', 'head', 'link', 'meta', 'frameset',
];

/** ARIA roles of page furniture. */
export const NEVER_CONTENT_ROLES = ['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alert'];

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Lower-case, and for Chinese text drop whitespace and fold full-width colons, so vocabulary matches layout variants. */
export function vocabKey(text: string): string {
  let t = text.toLowerCase().replace(/：/g, ':');
  if (HAN.test(t)) t = t.replace(/[\s\u00a0\u3000]+/g, '');
  else t = t.replace(/[\s\u00a0]+/g, ' ');
  return t;
}

const termIndex: Array<{ term: string; kind: FurnitureKind }> = [];
for (const [kind, terms] of Object.entries(FURNITURE_TERMS) as Array<[FurnitureKind, string[]]>) {
  for (const term of terms) termIndex.push({ term: vocabKey(term), kind });
}
const KINDS = Object.keys(FURNITURE_TERMS) as FurnitureKind[];

/**
 * The terms by their first code unit. furnitureKinds runs on every short block of every page: it tries at each
 * character of the text only the few terms that can start there, instead of searching the text for every term.
 */
const termsByFirst = new Map<number, Array<{ term: string; kind: number }>>();
/** Whether a code unit starts any term: most characters of a text start none, and are passed without a map lookup. */
const startsTerm = new Uint8Array(0x10000);
for (const { term, kind } of termIndex) {
  const first = term.charCodeAt(0);
  if (!termsByFirst.has(first)) termsByFirst.set(first, []);
  termsByFirst.get(first)!.push({ term, kind: KINDS.indexOf(kind) });
  startsTerm[first] = 1;
}
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The kinds of furniture a (short) piece of text names, by vocabulary and by shape. */
export function furnitureKinds(text: string): FurnitureKind[] {
  const key = vocabKey(text);
  // Kinds found, one bit each; listed in vocabulary order, then the shapes' kinds.
  let found = 0;
  for (let at = 0; at < key.length; at++) {
    const first = key.charCodeAt(at);
    if (!startsTerm[first]) continue;
    for (const { term, kind } of termsByFirst.get(first)!) {
      // Each term is judged at its first occurrence only.
      if (found & (1 << kind) || !key.startsWith(term, at) || key.indexOf(term) !== at) continue;
      // Latin terms must stand as words ("print" not inside "blueprint").
      if (/^[a-z]/.test(term)) {
        const before = at > 0 ? key[at - 1] : ' ';
        const after = key[at + term.length] ?? ' ';
        if (WORD_CHAR.test(before) || (WORD_CHAR.test(after) && !term.endsWith(':'))) continue;
      }
      found |= 1 << kind;
    }
  }
  const out = KINDS.filter((_, k) => found & (1 << k));
  for (const { kind, pattern } of FURNITURE_PATTERNS) if (!out.includes(kind) && pattern.test(text)) out.push(kind);
  return out;
}

/**
 * The share of a short text (vocabulary key) that furniture terms cover: 1 for a label that IS furniture
 * (`Tin liên quan`, `Related articles`), lower for a heading that merely uses such a word (`Chia sẻ lợi ích`,
 * "sharing the benefits").
 */
export function furnitureCoverage(text: string): number {
  const key = vocabKey(text).replace(/[\s:：()（）\[\]【】\d]+/g, ' ').trim();
  if (!key) return 0;
  const covered = new Uint8Array(key.length);
  for (const { term } of termIndex) {
    const t = term.replace(/[\s:：]+/g, ' ').trim();
    for (let at = key.indexOf(t); t && at >= 0; at = key.indexOf(t, at + 1)) covered.fill(1, at, at + t.length);
  }
  let n = 0;
  let letters = 0;
  for (let i = 0; i < key.length; i++) {
    if (key[i] === ' ') continue;
    letters++;
    n += covered[i];
  }
  return letters ? n / letters : 0;
}

const strongHints = new Set(CLASS_HINTS.strong);
const weakHints = new Set(CLASS_HINTS.weak);
const positiveHints = new Set(CLASS_HINTS.positive);
const hanHints = (list: string[]) => list.filter((h) => HAN.test(h));
const hanStrong = hanHints(CLASS_HINTS.strong);
const hanPositive = hanHints(CLASS_HINTS.positive);

/** 'negative' when the class/id names furniture, 'positive' when it names content and no furniture, else null. */
export function classHint(classAndId: string): 'negative' | 'positive' | null {
  return asHint(classHintStrength(classAndId));
}

/** classHint of an element's class and id attributes. */
export function elementClassHint(cls: string | undefined, id: string | undefined): 'negative' | 'positive' | null {
  return asHint(elementHintStrength(cls, id));
}

const asHint = (h: HintStrength) => (h === 'strong' || h === 'weak' ? 'negative' : h);

export type HintStrength = 'strong' | 'weak' | 'positive' | null;

/**
 * classHintStrength(`${cls} ${id}`) without making that string (it would be made, flattened and hashed at every
 * element of every page): the class's names, then the id's, are read in that order, so the first furniture name
 * decides as it does in the joined string; each attribute is looked up in the cache on its own.
 */
export function elementHintStrength(cls: string | undefined, id: string | undefined): HintStrength {
  const byClass = cls === undefined ? null : classHintStrength(cls);
  if (byClass === 'strong' || byClass === 'weak') return byClass;
  const byId = id === undefined ? null : classHintStrength(id);
  if (byId === 'strong' || byId === 'weak') return byId;
  return byClass === 'positive' || byId === 'positive' ? 'positive' : null;
}
/** Pages repeat a handful of class names thousands of times; each is read once. */
const hintCache = new Map<string, HintStrength>();

/** As classHint, telling a strong negative hint (`footer`, `comment`) from a weak one (`side`, `meta`). */
export function classHintStrength(classAndId: string): HintStrength {
  let cached = hintCache.get(classAndId);
  if (cached === undefined) {
    // Trimmed only when first met: `content ` (a class and no id) would make a new string at every element.
    cached = classAndId.trim() ? readClassHint(classAndId) : null;
    if (hintCache.size > 50000) hintCache.clear();
    // An attribute value is cut from its page's source: the key is a copy, or it would keep the page alive.
    hintCache.set(ownCopy(classAndId), cached);
  }
  return cached;
}

function readClassHint(classAndId: string): HintStrength {
  let positive = false;
  for (const raw of classAndId.split(/\s+/)) {
    if (!raw) continue;
    const name = raw.toLowerCase();
    // `post-footer`, `news_caption`, and camelCase `newsCaption` all name their parts.
    const split = raw.split(/[-_:.\d]+|(?<=[a-z])(?=[A-Z])/).map((p) => p.toLowerCase());
    const parts = [name, ...split.filter((p) => p && p !== name)];
    let strong = parts.some((p) => strongHints.has(p));
    let pos = parts.some((p) => positiveHints.has(p));
    // Chinese hints are matched inside the name (ids such as 相关新闻 carry no separators).
    if (HAN.test(name)) {
      strong ||= hanStrong.some((h) => name.includes(h));
      pos ||= hanPositive.some((h) => name.includes(h));
    }
    const weak = parts.some((p) => weakHints.has(p));
    if (strong) return 'strong';
    if (weak && !pos) return 'weak';
    positive ||= pos;
  }
  return positive ? 'positive' : null;
}
