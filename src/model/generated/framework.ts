/* Generated from schemas/framework.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * 篇目框架（content/<卷>/framework.yaml）
 */
export interface FrameworkFile {
  /**
   * @minItems 1
   */
  nodes: FrameworkNode[];
}
export interface FrameworkNode {
  /**
   * 节点标识（ASCII，历年保持不变）
   */
  id: string;
  /**
   * 标题
   */
  title: string;
  /**
   * 层次
   */
  kind: '部类' | '类目' | '分目' | '子目' | '条目' | '篇' | '章' | '节' | '目';
  /**
   * 承编单位标识（叶节点必填）
   */
  unit?: string;
  /**
   * 定额
   */
  quota?: {
    /**
     * 字数定额
     */
    chars?: number;
    /**
     * 图片定额
     */
    images?: number;
  };
  /**
   * 交稿截止日
   */
  deadline?: string;
  /**
   * 上一卷对应节点标识（节点改名时填写）
   */
  prevYearNodeId?: string;
  children?: FrameworkNode[];
}
