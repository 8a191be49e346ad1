import * as cheerio from 'cheerio';
import { findAuthor, findDate, findSource, htmlMetadata, isMetaLine, stripSiteName } from '../../src/clean/metadata.js';
import { classHint, furnitureKinds } from '../../src/clean/boilerplate.js';

describe('dates', () => {
  test.each([
    ['2015-12-17 10:35:00    來源:蘇州日報', '2015-12-17T10:35:00'],
    ['发布时间：2015年12月17日', '2015-12-17'],
    ['2015年12月17日 08:05 新华网', '2015-12-17T08:05'],
    ['２０１５年１２月１７日', '2015-12-17'],
    ['Cập nhật ngày 16/6/2006', '2006-06-16'],
    ['10:35 16/06/2016', '2016-06-16T10:35'],
    ['Published December 17, 2015', '2015-12-17'],
    ['2020-05-04T08:00:00Z', '2020-05-04T08:00:00'],
  ])('%s → %s', (text, iso) => expect(findDate(text)).toBe(iso));

  test('no full date, no date', () => {
    expect(findDate('浙ICP备06047663号 版权所有 2006-2008(第三版)')).toBeNull();
    expect(findDate('2015-13-40')).toBeNull();
    expect(findDate('今年9月末')).toBeNull();
  });
});

describe('source and author', () => {
  test('source labels in both scripts and Vietnamese', () => {
    expect(findSource('来源: 湖州日报 作者: 记者 陈坚 费本静 编辑: 宋琼燕')).toBe('湖州日报');
    expect(findSource('2015-12-17 10:35:00    來源:蘇州日報    ')).toBe('蘇州日報');
    expect(findSource('Nguồn: Báo Hải Phòng')).toBe('Báo Hải Phòng');
    expect(findSource('没有来源的一句话。')).toBeNull();
  });

  test('author from 作者, from a 记者 credit, and from a byline', () => {
    expect(findAuthor('来源: 湖州日报 作者: 记者 陈坚 费本静 编辑: 宋琼燕')).toBe('陈坚 费本静');
    expect(findAuthor('蘇報訊(通訊員 傅萱 記者 顧志敏)近日,我市召開')).toBe('顧志敏');
    expect(findAuthor('本报讯（通讯员 李明）近日')).toBe('李明');
    expect(findAuthor('By Jane Doe')).toBe('Jane Doe');
    expect(findAuthor('今年以来，全县发放贷款。')).toBeNull();
  });

  test('datelines and bylines are recognised as such, prose is not', () => {
    expect(isMetaLine('2015-12-17 10:35:00    來源:蘇州日報')).toBe(true);
    expect(isMetaLine('发布时间：2019年3月8日  来源：平湖日报  作者：记者 王小明')).toBe(true);
    expect(isMetaLine('今年以来，长兴县累计发放创业担保贷款1.2亿元。')).toBe(false);
  });
});

describe('titles', () => {
  test('site names are stripped from <title>', () => {
    expect(stripSiteName('长兴县发放创业贷款1.2亿元_浙江新闻_示例网')).toBe('长兴县发放创业贷款1.2亿元');
    expect(stripSiteName('Bank lends $2 million to farmers | Daily News')).toBe('Bank lends $2 million to farmers');
    expect(stripSiteName('DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网')).toBe('DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶');
    expect(stripSiteName('一个标题')).toBe('一个标题');
  });

  test('head metadata: og:title, meta dates, JSON-LD, time elements, canonical URL, language', () => {
    const $ = cheerio.load(`<html lang="zh-CN"><head><title>标题_网站</title><meta property="og:title" content="开放图标题">
      <link rel="canonical" href="https://example.com/a/1.html">
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-03-08T10:35:00+08:00","author":{"@type":"Person","name":"王小明"}}</script>
      </head><body></body></html>`);
    expect(htmlMetadata($)).toMatchObject({
      title: '标题_网站', ogTitle: '开放图标题', date: '2019-03-08T10:35:00', author: '王小明', url: 'https://example.com/a/1.html', lang: 'zh-CN',
    });
    const $2 = cheerio.load('<html><body><time datetime="2021-07-01">7月1日</time></body></html>');
    expect(htmlMetadata($2).date).toBe('2021-07-01');
  });
});

describe('the shared vocabulary', () => {
  test('furniture words in all four languages', () => {
    expect(furnitureKinds('相 关 稿 件')).toContain('related');
    expect(furnitureKinds('相關閱讀')).toContain('related');
    expect(furnitureKinds('  • Từ khóa:')).toContain('tags');
    expect(furnitureKinds('Related stories')).toContain('related');
    expect(furnitureKinds('浙ICP备06047663号')).toContain('legal');
    expect(furnitureKinds('电话:(86)0573-88118696')).toContain('contact');
    expect(furnitureKinds('Officials printed the blueprint.')).toEqual([]);
  });

  test('class and id hints', () => {
    expect(classHint('comment-body')).toBe('negative');
    expect(classHint('article-content')).toBe('positive');
    expect(classHint('article-meta')).toBe('positive');
    expect(classHint('meta')).toBe('negative');
    expect(classHint('相关新闻')).toBe('negative');
    expect(classHint('xgxw_box')).toBe('negative');
    expect(classHint('layout')).toBeNull();
  });
});
