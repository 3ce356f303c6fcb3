import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

export interface YamlProblem {
  message: string;
  /** Offsets into the text that was parsed. */
  start: number;
  end: number;
}

export interface ParsedYaml {
  data: unknown;
  document: Document.Parsed;
  problems: YamlProblem[];
}

/** Parses YAML keeping the document, so that schema errors can point at the offending key. */
export function parseYaml(text: string): ParsedYaml {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problems = document.errors.map((error) => ({
    message: translateYamlError(error.code, error.message),
    start: error.pos[0],
    end: Math.max(error.pos[1], error.pos[0] + 1),
  }));
  return { data: problems.length ? undefined : document.toJS(), document, problems };
}

const yamlMessages: Record<string, string> = {
  DUPLICATE_KEY: '键重复',
  BAD_INDENT: '缩进错误',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（可能缺少冒号或引号）',
  MISSING_CHAR: '缺少必要的字符（如冒号或闭合引号）',
  BLOCK_AS_IMPLICIT_KEY: '块结构不能作为键',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  TAB_AS_INDENT: '不能用制表符缩进，请改用空格',
  BAD_SCALAR_START: '值的开头字符不合法（含 @ ` 等字符的值须加引号）',
  BAD_DQ_ESCAPE: '双引号字符串中的转义不合法',
  MISSING_ANCHOR: '引用的锚点不存在',
  IMPOSSIBLE: '无法解析',
};

function translateYamlError(code: string, original: string): string {
  const firstLine = original.split('\n')[0] ?? original;
  return `YAML 语法错误：${yamlMessages[code] ?? '无法解析'}（${firstLine}）`;
}

/**
 * The source range of the value at `path`, or of its key when `wantKey` is set.
 * Falls back to the nearest existing ancestor, so every schema error gets a position.
 */
export function rangeOfPath(document: Document.Parsed, path: readonly (string | number)[], wantKey = false): [number, number] {
  let node: Node | null | undefined = document.contents as Node | null;
  let range: [number, number] = rangeOf(node) ?? [0, 0];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return range;
      if (last && wantKey) return rangeOf(pair.key as Node) ?? range;
      node = pair.value as Node | null;
      range = rangeOf(node) ?? rangeOf(pair.key as Node) ?? range;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)] as Node | undefined;
      range = rangeOf(node) ?? range;
    } else {
      return range;
    }
  }
  return range;
}

function rangeOf(node: Node | null | undefined): [number, number] | undefined {
  if (!node || !node.range) return undefined;
  const [start, valueEnd] = node.range;
  // Maps and sequences span many lines; point at their first line only.
  if (isMap(node) || isSeq(node)) {
    const first = node.items[0];
    const firstNode = isPair(first) ? (first.key as Node) : (first as Node | undefined);
    const firstRange = firstNode?.range;
    return firstRange ? [firstRange[0], firstRange[1]] : [start, valueEnd];
  }
  return [start, valueEnd];
}
