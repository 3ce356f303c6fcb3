/* Generated from schemas/open-data.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * 地情网开放数据：一卷已公开的全部条目（网站 data/<卷标识>.json），供其他系统直接加载
 */
export interface OpenDataVolume {
  /**
   * 本格式的版本号
   */
  schemaVersion: 1;
  /**
   * 卷的基本信息
   */
  volume: {
    /**
     * 卷标识（ASCII，稳定不变）
     */
    id: string;
    /**
     * 书名，如 示例市年鉴（2016）
     */
    title: string;
    /**
     * yearbook 年鉴；gazetteer 志书
     */
    kind: 'yearbook' | 'gazetteer';
    /**
     * 行政区域名称
     */
    region: string;
    /**
     * 卷年（年鉴书名中的年份）
     */
    volumeYear?: number;
    /**
     * 记述时限
     */
    recordPeriod: {
      /**
       * 上限
       */
      from: string;
      /**
       * 下限
       */
      to: string;
    };
    /**
     * 出版单位
     */
    publisher?: string;
    /**
     * 本卷在网站上的地址
     */
    url: string;
  };
  /**
   * 条目，按篇目框架顺序；大事记每条记事为一个条目
   */
  entries: OpenDataEntry[];
}
export interface OpenDataEntry {
  /**
   * 条目标识，卷内唯一，如 yearbook-2016/e-shehui-jiaoyu-2
   */
  id: string;
  /**
   * 卷标识
   */
  volume: string;
  /**
   * entry 条目；chronicle 大事记的一条记事；chapter 不分条目的稿件全文
   */
  kind: 'entry' | 'chronicle' | 'chapter';
  /**
   * 所属篇目节点的标题，自上而下，如 [社会, 教育]
   */
  nodePath: string[];
  /**
   * 所属篇目节点的标识，自上而下；同一标识在各卷中指同一主题，可用于历年对照
   */
  nodeIds: string[];
  /**
   * 条目标题（大事记为日期）
   */
  title: string;
  /**
   * 条目正文，纯文本；段落之间以换行分隔，表格各格以制表符分隔
   */
  text: string;
  /**
   * 正文中提到的日期
   */
  dates: {
    /**
     * 原文写法，如 3月10日
     */
    text: string;
    /**
     * 规范化的日期（年月或年月日）；年份不能确定时省略
     */
    date?: string;
  }[];
  /**
   * 供稿单位
   */
  unit: {
    /**
     * 单位标识
     */
    id: string;
    /**
     * 单位全称
     */
    name: string;
  };
  /**
   * 条目在网站上的固定链接
   */
  url: string;
}
