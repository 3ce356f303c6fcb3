/* Generated from schemas/volume.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * 卷配置（content/<卷>/volume.yaml）
 */
export interface VolumeFile {
  /**
   * 卷标识（ASCII，稳定不变）
   */
  id: string;
  /**
   * 书名，如 示例市年鉴（2016）（不含书名号）
   */
  title: string;
  /**
   * yearbook 年鉴；gazetteer 志书
   */
  kind: 'yearbook' | 'gazetteer';
  /**
   * 行政区域名称，如 示例市
   */
  region: string;
  /**
   * 卷年（年鉴书名中的年份）
   */
  volumeYear?: number;
  /**
   * 记述时限：年鉴为上年 1 月 1 日至 12 月 31 日；志书为上限至下限
   */
  recordPeriod: {
    /**
     * 上限（起始日）
     */
    from: string;
    /**
     * 下限（截止日）
     */
    to: string;
  };
  /**
   * 层次名称，自上而下，如 [类目, 分目, 条目] 或 [篇, 章, 节]
   *
   * @minItems 2
   * @maxItems 5
   */
  levels: ('部类' | '类目' | '分目' | '子目' | '条目' | '篇' | '章' | '节' | '目')[];
  /**
   * 编委会、编辑部等名单
   */
  editorialBoard?: {
    /**
     * 机构名称，如《示例市年鉴》编纂委员会
     */
    name: string;
    members: {
      /**
       * 职务，如 主任、副主任、委员、主编
       */
      role: string;
      /**
       * @minItems 1
       */
      names: string[];
    }[];
  }[];
  /**
   * 编辑说明（每项一段）
   */
  editorialNotes?: string[];
  /**
   * 出版单位
   */
  publisher?: string;
  /**
   * 无审校台账时，是否允许在地情网公开
   */
  published?: boolean;
  /**
   * 审校流程：各稿件依次经过的阶段。不写则用默认流程 供稿→初审→复审→终审→一校→二校→三校→付印，终审后锁定
   */
  workflow?: {
    /**
     * 阶段名称，按先后顺序；第一个阶段由供稿单位报送完成，最后一个阶段由签发（sign-off）完成
     *
     * @minItems 2
     */
    stages?: string[];
    /**
     * 锁定阶段：稿件通过此阶段后内容锁定，改动须先重新打开（默认 终审）
     */
    lockStage?: string;
    /**
     * 公开阶段：稿件通过此阶段后才可在地情网公开（默认与锁定阶段相同）
     */
    publishStage?: string;
    /**
     * 退改期限：退回单位修改后应在多少天内重新报送（默认 10）
     */
    returnDays?: number;
  };
  style?: StyleConfig;
  /**
   * 印刷版设置
   */
  print?: {
    /**
     * 开本：16k 为 185×260 毫米（默认），da16k 为大16开 210×285 毫米
     */
    trim?: '16k' | 'da16k';
  };
  /**
   * 卷首图片（彩页），按顺序排在目录之前
   */
  plates?: {
    /**
     * 图片文件，相对于卷目录
     */
    src: string;
    /**
     * 图片说明：时间、地点、事件、人物
     */
    caption: string;
    /**
     * 摄影者或供图单位，如 张三　摄
     */
    credit?: string;
  }[];
}
/**
 * 本卷的体例检查配置
 */
export interface StyleConfig {
  /**
   * 按规则设置级别与选项。值可以是 error、warning、info、off，或 { severity, ...选项 }
   */
  rules?: {
    [k: string]:
      | 'error'
      | 'warning'
      | 'info'
      | 'off'
      | {
          severity?: 'error' | 'warning' | 'info' | 'off';
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
      add?: (
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
      remove?: string[];
      replace?: (
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
