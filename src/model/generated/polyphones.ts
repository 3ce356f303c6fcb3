/* Generated from schemas/polyphones.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * 索引排序用的多音字读音表
 */
export interface PolyphonesFile {
  /**
   * 词语 → 带声调拼音（音节以空格分隔）
   */
  words: {
    [k: string]: string;
  };
  /**
   * 姓氏用字 → 带声调拼音
   */
  surnames: {
    [k: string]: string;
  };
}
