/* Generated from schemas/units.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * 供稿单位名录（content/units.yaml）
 */
export interface UnitsFile {
  /**
   * 供稿单位列表
   *
   * @minItems 1
   */
  units: Unit[];
}
export interface Unit {
  /**
   * 单位标识（ASCII，稳定不变）
   */
  id: string;
  /**
   * 单位全称
   */
  name: string;
  /**
   * 单位简称
   */
  shortName: string;
  /**
   * 联络员
   */
  contact: {
    /**
     * 联络员姓名
     */
    name: string;
    /**
     * 联系电话（仅供编辑部内部使用，不进入任何发布物）
     */
    phone?: string;
  };
  /**
   * 代码托管平台账号或团队，如 @edu-bureau 或 @shili/edu
   */
  gitHandle?: string;
}
