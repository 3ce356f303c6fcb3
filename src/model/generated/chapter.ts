/* Generated from schemas/chapter.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * 稿件文件头（content/<卷>/chapters/** /<节点>.md 的 YAML front matter）
 */
export interface ChapterFrontMatter {
  /**
   * 篇目节点标识
   */
  node: string;
  /**
   * 供稿单位标识
   */
  unit: string;
  /**
   * 撰稿人
   *
   * @minItems 1
   */
  writers: string[];
  /**
   * 单位审稿领导
   */
  reviewer?: string;
  /**
   * 报送日期
   */
  submitted?: string;
  /**
   * 索引词
   */
  index?: string[];
  /**
   * 内部资料，不公开
   */
  internal?: boolean;
}
