/* Generated from schemas/style.schema.json by scripts/gen-types.mjs. Do not edit. */

export type Severity = 'error' | 'warning' | 'info' | 'off';
export type WordListEntry =
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
    };

/**
 * 体例检查配置：内置默认值 < 编辑部配置（content/style.yaml）< 卷配置（volume.yaml 的 style）
 */
export interface StyleConfig {
  /**
   * 按规则设置级别与选项。值可以是 error、warning、info、off，或 { severity, ...选项 }
   */
  rules?: {
    [k: string]:
      | Severity
      | {
          severity?: Severity;
          /**
           * 不适用本规则的类目或分目标题
           */
          exemptSections?: string[];
        };
  };
  /**
   * 不受记述时限约束的类目或分目标题（默认：特载、专文、专记、附录、统计资料）
   */
  timeScopeExemptSections?: string[];
  /**
   * 大事记类目或分目标题（时限从严）
   */
  chronicleSections?: string[];
  /**
   * 综述性条目标题（默认：概况、综述、概述）
   */
  overviewTitles?: string[];
  /**
   * 词表覆盖：add 增补，remove 删除，replace 整表替换
   */
  wordLists?: {
    [k: string]: {
      add?: WordListEntry[];
      remove?: string[];
      replace?: WordListEntry[];
    };
  };
  /**
   * 名称对照表：全称、规范简称与不规范的异称
   */
  aliases?: Alias[];
}
export interface Alias {
  /**
   * 全称
   */
  full: string;
  /**
   * 规范简称（首次出现全称并注“以下简称”后可用）
   */
  short?: string[];
  /**
   * 不规范的异称（统一为全称或简称）
   */
  variants?: string[];
  /**
   * 全称首次出现的范围（默认 category，即每个类目）
   */
  scope?: 'book' | 'category' | 'subsection' | 'entry';
}
