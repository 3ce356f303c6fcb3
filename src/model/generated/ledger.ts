/* Generated from schemas/ledger.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * 一篇稿件的审校台账（content/<卷>/ledger/<节点标识>.yaml），由 fangzhi review 追加记录：只追加，不修改、不删除已有记录
 */
export interface LedgerFile {
  /**
   * 审校记录，按时间先后
   *
   * @minItems 1
   */
  events: LedgerEvent[];
}
export interface LedgerEvent {
  /**
   * 稿件的篇目节点标识
   */
  chapter: string;
  /**
   * 阶段，如 初审（见卷配置 workflow.stages）
   */
  stage: string;
  /**
   * submit 报送；return 退改；pass 通过；reopen 重新打开；sign-off 签发
   */
  action: 'submit' | 'return' | 'pass' | 'reopen' | 'sign-off';
  /**
   * 经办人姓名
   */
  actor: string;
  /**
   * 时间，ISO 8601 并带时区，如 "2016-04-12T15:30:00+08:00"
   */
  time: string;
  /**
   * 此时稿件内容的 git blob 哈希（git hash-object）
   */
  hash: string;
  /**
   * 意见或说明；退改时为审稿意见，每行一条
   */
  note?: string;
  /**
   * 重新打开的理由（reopen 必填）
   */
  reason?: string;
}
