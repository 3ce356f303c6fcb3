import { reportWordMatches } from '../report-words.js';
import { defineRule, type SectionOptions } from '../define-rule.js';

export default defineRule<SectionOptions>({
  id: 'web-residue',
  catalogue: 'EXTRA-02',
  severity: 'error',
  summary: '删去从网页复制带来的残留（发布时间、来源、浏览次数、【字体：大 中 小】、网址……）',
  why: '供稿单位常把本单位网站上的新闻连同页面上的“发布时间”“浏览次数”“【字体：大 中 小】”“当前位置：首页 >”一起粘贴报来。这些残留印在书上是明显的差错，往往还带着相对时间。网址和电子邮箱不属于条目正文，名录性质的内容放在附录中。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题（如收录网址的附录名录）' },
  examples: {
    bad: [
      '【招聘会】发布时间：2015-03-02　来源：市人社局　浏览次数：312　3月1日，示例市举办春季招聘会。',
      '【字体：大 中 小】【打印本页】【关闭窗口】',
      '当前位置：首页 > 政务公开 > 工作动态',
      '【政务公开】示例市人民政府门户网站（http://www.shili.gov.cn）全年发布信息1.2万条。',
      '【投诉受理】群众可通过电子邮箱tousu@shili.gov.cn反映问题。',
    ],
    good: [
      '【招聘会】3月1日，示例市人力资源和社会保障局举办春季招聘会，进场招聘企业286家。',
      '资料来源：示例市统计局',
      '【智能公交】示例市公交车辆安装卫星定位终端1260台，乘客可查询车辆当前位置。',
      '【政务新媒体】示例市人民政府开通政务微信公众号，全年推送信息2860条，浏览次数累计860万次。',
    ],
  },
  check(context) {
    reportWordMatches(context, 'web-residue', (shown) => `「${shown}」是网页残留，应删去`);
  },
});
