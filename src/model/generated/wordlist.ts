/* Generated from schemas/wordlist.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * 体例词表（褒扬词、口号、新闻用语、政治用语等）
 */
export interface WordListFile {
  id: string;
  description: string;
  words: (
    | string
    | {
        /**
         * 词语（或以 / 包围的正则表达式）
         */
        text: string;
        /**
         * 建议写法
         */
        suggest?: string[];
        /**
         * 说明
         */
        note?: string;
      }
  )[];
  /**
   * 包含词语但不应报告的固定搭配
   */
  exceptions?: string[];
}
