import { defineRule, type SectionOptions } from '../define-rule.js';

/**
 * Characters that do not occur in given names but do occur in the words around posts: organisation
 * suffixes (林业局局长, 金融办主任), place suffixes (张家港市长), and function words (王明任主任, 时任市长).
 */
const NOT_GIVEN_NAME = /[^\u4e00-\u9fff]|[局办委区市县镇乡村院所站会部厅处科室组队校馆社司厂街道省州盟旗团党政协联务间目业检装医监管理事长副正总代任为兼是的了和与及在由对将等共各全其该本我他她它这那有无不也都而或并从向到被把给让使以于上下中内外前后年月日时号届次个名位项件批第级城化港庄屯寨堡铺坝湾沟洼垸圩坊埠墩峪]/;

export default defineRule<SectionOptions>({
  id: 'name-title-order',
  catalogue: 'NAME-01',
  severity: 'error',
  summary: '职务写在姓名之前（市长张三，不写张三市长）',
  why: '“职务＋姓名”是志书、年鉴和新华社的固定写法；“张三市长”“李四书记”是口语和称呼的写法，带敬称意味。职称可以放在姓名之后（张三教授）。本规则只认“常见姓氏＋一两个字的名＋职务”，不认识的姓名不报。',
  defaults: { exemptSections: [] },
  optionDocs: { exemptSections: '不检查的类目或分目标题' },
  examples: {
    bad: [
      '【防汛检查】6月18日，王建华市长到东湖区检查防汛工作。',
      '【党建工作会议】2月26日，示例市召开党建工作会议，李明书记出席并讲话。',
      '【项目签约】签约仪式由刘晓东副市长主持。',
      '【教育督导】示例市教育局许文博局长带队督查学校安全工作。',
    ],
    good: [
      '【防汛检查】6月18日，市长王建华到东湖区检查防汛工作，常务副市长刘晓东、市长助理周明陪同。',
      '【党建工作会议】2月26日，市委书记李明出席示例市党建工作会议，时任市委副书记张华主持。',
      '【林业管理】示例市林业局局长、金融办主任、车间主任、武装部长和史志办主任参加培训。',
      '【长江大桥】示例市长江大桥完成维修加固，城市长效管理机制覆盖全部街道。',
      '【人事任免】市人大常委会任命王明为副市长，免去李红的示例市教育局局长职务，张教授当选为主任委员。',
    ],
  },
  check(context) {
    const surnames = context.words('surnames');
    const posts = context.words('post-titles');
    for (const block of context.blocks) {
      const text = block.text;
      const postAt = new Map<number, number>();
      const postEnds = new Set<number>();
      for (const post of posts.find(text)) {
        postAt.set(post.index, post.index + post.text.length);
        postEnds.add(post.index + post.text.length);
      }
      if (!postAt.size) continue;
      let last = -1;
      for (const surname of surnames.find(text)) {
        if (surname.index < last || postEnds.has(surname.index)) continue;
        const nameStart = surname.index + surname.text.length;
        for (let given = 1; given <= 2; given++) {
          if (NOT_GIVEN_NAME.test(text.slice(nameStart, nameStart + given))) break;
          const end = postAt.get(nameStart + given);
          if (end === undefined) continue;
          const name = text.slice(surname.index, nameStart + given);
          const post = text.slice(nameStart + given, end);
          context.report(block, surname.index, end, {
            message: `「${name}${post}」职务应写在姓名之前`,
            expected: [`${post}${name}`],
          });
          last = end;
          break;
        }
      }
    }
  },
});
