/** A credit line (署名行) read as data: `（撰稿：张三　李四　审稿：王五）` or `（示例市统计局供稿）`. */
export interface Credit {
  writers: string[];
  reviewers: string[];
  photographers: string[];
  supplier?: string;
}

const ROLE_LINE = /^[（(]\s*((?:撰稿|撰文|执笔|审稿|审核|摄影|供稿|统稿)\s*[：:][^（）()]*)[）)]$/;
const SUPPLIER_LINE = /^[（(]\s*([^（）()：:]{2,40}?)\s*(供稿|供图|提供)\s*[）)]$/;
const ROLE = /(撰稿|撰文|执笔|审稿|审核|摄影|供稿|统稿)\s*[：:]\s*([^：:]*?)(?=\s*(?:撰稿|撰文|执笔|审稿|审核|摄影|供稿|统稿)\s*[：:]|$)/g;

export function matchCredit(text: string): Credit | undefined {
  const trimmed = text.trim();
  const supplier = SUPPLIER_LINE.exec(trimmed);
  if (supplier) return { writers: [], reviewers: [], photographers: [], supplier: supplier[1]! };
  const roles = ROLE_LINE.exec(trimmed);
  if (!roles) return undefined;
  const credit: Credit = { writers: [], reviewers: [], photographers: [] };
  for (const match of roles[1]!.matchAll(ROLE)) {
    const names = match[2]!.split(/[\s\u3000、，,]+/).filter(Boolean);
    if (match[1] === '审稿' || match[1] === '审核') credit.reviewers.push(...names);
    else if (match[1] === '摄影') credit.photographers.push(...names);
    else if (match[1] === '供稿') credit.supplier = names.join('');
    else credit.writers.push(...names);
  }
  return credit;
}
