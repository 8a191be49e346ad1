/**
 * A small corpus written for the stories and summary tests (test/resolve/summary.test.ts, the PostgreSQL and queue
 * tests in test/distributed/): a Leshan report, a syndicated traditional-script copy of it with another site's header
 * and footer, a different report on the same topic (Mianyang), and a Leshan report of the year before. Worked out by
 * hand: 51 (Sichuan) 2017, achieved, in period = 2.3亿 (Leshan) + 1.5亿 (Mianyang) = 380,000,000 CNY — the copy's
 * figures are reprints, the 8000万 is part of the 2.3亿 (其中), the 3亿 is a plan (2018) and the 12亿 a running total.
 */
import * as OpenCC from 'opencc-js';

export const LESHAN = `乐山市创业担保贷款助力返乡创业
发布时间：2018-01-15 09:30
今年以来，乐山市人社局会同财政、银行等部门，简化贷款手续，把创业担保贷款送到创业者手中。
2017年，乐山市发放创业担保贷款2.3亿元，其中扶持返乡农民工创业贷款8000万元，直接带动就业5600人。
截至2017年底，全市累计发放创业担保贷款12亿元，扶持创业者2.1万人次。
市人社局负责人介绍，下一步将继续扩大贷款覆盖面，计划2018年发放创业担保贷款3亿元，重点支持返乡创业和大学生创业。
市人社局还组织了创业培训和项目推介活动，帮助创业者对接市场。`;

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
export const LESHAN_COPY = `四川新闻网 > 地方频道 > 乐山
${toTraditional(LESHAN)}
责任编辑：张华 版权所有 转载请注明出处`;

export const MIANYANG = `绵阳市创业担保贷款稳步增长
发布时间：2018-02-01 10:00
2017年，绵阳市共发放创业担保贷款1.5亿元，带动就业3200人。
绵阳市就业局表示，贷款主要投向科技型小微企业和农村电商，平均每笔贷款办理时间缩短到7个工作日。`;

export const LESHAN_2016 = `乐山市去年发放创业担保贷款1.8亿元
发布时间：2017-01-20 08:00
2016年，乐山市发放创业担保贷款1.8亿元，支持1500名创业者开办小微企业。`;

/** The four documents as files, named so that the original sorts (and is stored) first. */
export const STORY_FILES: Record<string, string> = {
  'a_leshan.txt': LESHAN,
  'b_leshan_copy.txt': LESHAN_COPY,
  'c_mianyang.txt': MIANYANG,
  'd_leshan_2016.txt': LESHAN_2016,
};
