// Writes a full-size synthetic yearbook volume for benchmarks: about 40 类目, 300 分目, 2,000 条目
// and 1.5 million characters. Deterministic: the same arguments always give the same bytes.
// Usage: npm run gen:volume -- --chars 1500000 --out <dir>
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom as random } from './seeded-random.mjs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { chars: { type: 'string', default: '1500000' }, out: { type: 'string' }, seed: { type: 'string', default: '2016' }, images: { type: 'string', default: '0' } },
});
if (!values.out) {
  console.error('用法：npm run gen:volume -- --chars 1500000 --out <目录> [--images 300]');
  process.exit(2);
}
const targetChars = Number(values.chars);
const imageCount = Number(values.images);
const out = values.out;

const rand = random(Number(values.seed));
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (min, max) => min + Math.floor(rand() * (max - min + 1));
const decimal = (min, max, places = 1) => (min + rand() * (max - min)).toFixed(places);

const categories = ['政治', '经济综述', '发展和改革', '财政', '税务', '审计', '统计', '市场监管', '农业农村', '林业', '水利', '工业和信息化', '建筑业', '商贸流通', '对外经济', '开发区', '交通运输', '邮政通信', '金融', '旅游', '国有资产', '民营经济', '自然资源', '住房和城乡建设', '城市管理', '生态环境', '气象', '应急管理', '宣传', '文化', '广播电视', '文物', '体育', '教育', '科技', '卫生健康', '医疗保障', '人力资源和社会保障', '民政', '区县概况'];
const fields = ['基础设施', '公共服务', '项目建设', '行业管理', '队伍建设', '专项整治', '信息化建设', '改革试点', '安全监管', '服务保障'];
const actions = ['完成', '实施', '新建', '改造', '验收', '启用', '推广', '评审', '备案', '核查'];
const objects = ['项目', '工程', '站点', '网点', '示范点', '服务中心', '监测点', '标准化单位', '重点企业', '村（社区）'];
const places = ['东湖区', '西山区', '青山县', '城关镇', '柳湾镇', '清溪街道', '临江乡', '北岭镇', '南湖街道', '石桥镇'];
const months = Array.from({ length: 12 }, (_, index) => `${index + 1}月`);
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const givenChars = '建国华明伟芳敏静丽强磊军洋勇艳杰娟涛超秀霞平刚桂英文辉力立新海波宁志红亮云飞凯春燕晨宇浩';
const personName = () => pick([...surnames]) + pick([...givenChars]) + (rand() < 0.6 ? pick([...givenChars]) : '');

function overview(unit, topic) {
  const sentences = [
    `2015年末，${unit}内设机构${int(6, 18)}个，在编人员${int(40, 260)}人。`,
    `全年${topic}领域完成投资${decimal(1.2, 48.6)}亿元，比上年增长${decimal(1.5, 16.8)}%。`,
    `${unit}承担全市${topic}的规划、管理和监督职能，年内办理人大代表建议和政协提案${int(8, 46)}件。`,
    `全年受理群众来信来访${int(60, 900)}件次，办结率${decimal(92, 100)}%。`,
    `年末全市${topic}从业人员${decimal(0.3, 6.8, 2)}万人，比上年末增加${int(120, 2600)}人。`,
  ];
  return sentences.join('');
}

function eventEntry(unit, topic) {
  const month = pick(months);
  const day = int(1, 28);
  const place = pick(places);
  const count = int(3, 260);
  const sentences = [
    `${month}${day}日，${unit}在${place}召开全市${topic}工作会议，${int(60, 400)}人参加会议。`,
    `会议通报${topic}领域${count}项重点任务的完成情况，审议通过${int(2, 9)}项制度文件。`,
    `全年${pick(actions)}${topic}${pick(objects)}${int(5, 120)}个，涉及${places.slice(0, int(2, 6)).join('、')}等地。`,
    `其中，${pick(places)}${pick(actions)}${pick(objects)}${int(2, 30)}个，完成投资${decimal(0.2, 9.9)}亿元。`,
    `年内开展${topic}专项检查${int(3, 40)}次，检查单位${int(30, 900)}家，发现问题${int(10, 300)}个，整改${int(10, 300)}个。`,
    `全市${topic}相关指标${decimal(60, 99)}%达到省定标准，比上年提高${decimal(0.2, 6.5)}个百分点。`,
  ];
  const length = int(3, 6);
  const body = [];
  for (let i = 0; i < length; i++) body.push(sentences[(i + int(0, 5)) % sentences.length]);
  return body.join('');
}

const subsectionsPerCategory = (index) => (index < 20 ? 8 : 7);

/** A photo-sized JPEG (1200×800, enough for one column at 300 dpi) of coloured blocks; fast to make. */
async function writeImage(path, seed) {
  const { default: sharp } = await import('sharp');
  const pick = random(seed + 7);
  const shapes = Array.from({ length: 14 }, () => `<rect x="${Math.floor(pick() * 1100)}" y="${Math.floor(pick() * 700)}" width="${80 + Math.floor(pick() * 400)}" height="${60 + Math.floor(pick() * 300)}" fill="hsl(${Math.floor(pick() * 360)},45%,${35 + Math.floor(pick() * 40)}%)"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="800" fill="hsl(${Math.floor(pick() * 360)},30%,80%)"/>${shapes}</svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(path);
}

async function main() {
  await rm(out, { recursive: true, force: true });
  if (imageCount) await mkdir(join(out, 'images'), { recursive: true });
  await mkdir(join(out, 'chapters'), { recursive: true });
  const units = [];
  const nodes = [];
  let totalChars = 0;
  let subsectionCount = 0;
  let entryCount = 0;
  const plan = [];
  categories.forEach((category, categoryIndex) => {
    const children = [];
    for (let s = 0; s < subsectionsPerCategory(categoryIndex); s++) {
      const id = `c${String(categoryIndex + 1).padStart(2, '0')}-s${String(s + 1).padStart(2, '0')}`;
      const topic = `${category}${fields[s % fields.length]}`;
      const unitId = `unit-${String(categoryIndex + 1).padStart(2, '0')}${String(s + 1).padStart(2, '0')}`;
      units.push({ id: unitId, name: `示例市${topic}管理办公室`, shortName: `市${topic}办`, contact: { name: personName() } });
      children.push({ id, title: topic, kind: '分目', unit: unitId, quota: { chars: 5000, images: 1 }, deadline: '2016-03-31' });
      plan.push({ categoryIndex, id, topic, unitId, unitName: `示例市${topic}管理办公室` });
      subsectionCount++;
    }
    nodes.push({ id: `c${String(categoryIndex + 1).padStart(2, '0')}`, title: category, kind: '类目', children });
  });
  const charsPerChapter = targetChars / plan.length;
  for (const [index, chapter] of plan.entries()) {
    const writer = personName();
    const reviewer = personName();
    const paragraphs = [`【概况】${overview(chapter.unitName, chapter.topic)}${overview(chapter.unitName, chapter.topic)}`];
    let chars = paragraphs[0].length;
    let entryIndex = 0;
    while (chars < charsPerChapter - 300) {
      const title = `${pick(actions)}${chapter.topic.slice(0, 6)}${pick(objects)}`.slice(0, 14) + (entryIndex + 1);
      const text = `【${title}】${Array.from({ length: 4 }, () => eventEntry(chapter.unitName, chapter.topic)).join('')}`;
      paragraphs.push(text);
      chars += text.length;
      entryIndex++;
    }
    entryCount += entryIndex + 1;
    totalChars += chars;
    if (index < imageCount) {
      const name = `p${String(index + 1).padStart(3, '0')}.jpg`;
      await writeImage(join(out, 'images', name), index);
      paragraphs.splice(1, 0, `![2015年${(index % 12) + 1}月，${chapter.topic}现场（${writer}　摄）](../../images/${name})`);
    }
    const frontMatter = `---\nnode: ${chapter.id}\nunit: ${chapter.unitId}\nwriters: [${writer}]\nreviewer: ${reviewer}\nsubmitted: "2016-03-2${index % 9}"\n---\n\n`;
    const body = `${paragraphs.join('\n\n')}\n\n（撰稿：${writer}　审稿：${reviewer}）\n`;
    const dir = join(out, 'chapters', `c${String(chapter.categoryIndex + 1).padStart(2, '0')}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${chapter.id}.md`), frontMatter + body);
  }
  const yaml = (value) => JSON.stringify(value, null, 1);
  await writeFile(join(out, 'units.yaml'), `units: ${yaml(units)}\n`);
  await writeFile(join(out, 'framework.yaml'), `nodes: ${yaml(nodes)}\n`);
  await writeFile(
    join(out, 'volume.yaml'),
    `id: synthetic-2016\ntitle: 示例市年鉴（2016）基准卷\nkind: yearbook\nregion: 示例市\nvolumeYear: 2016\nrecordPeriod: { from: "2015-01-01", to: "2015-12-31" }\nlevels: [类目, 分目, 条目]\n`,
  );
  console.log(`已生成 ${out}：${categories.length}个类目，${subsectionCount}个分目，${entryCount}个条目，${totalChars}字`);
}

await main();
