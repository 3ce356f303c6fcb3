/* Generated from schemas/framework-template.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * fangzhi init 使用的标准篇目（templates/init/*.yaml）；{{name}} 替换为行政区域名称
 */
export type FrameworkTemplateFile = TemplateNode[];

export interface TemplateNode {
  id: string;
  title: string;
  children?: TemplateNode[];
}
