/** One assigned chapter and who owns it in the code host. */
export interface OwnedChapter {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  title: string;
  unitId: string;
  unitName: string;
  /** The unit's gitHandle; without one the line is written as a comment. */
  handle?: string;
}

export interface OwnedVolume {
  title: string;
  chapters: OwnedChapter[];
}

export type CodeownersSyntax = 'github' | 'gitlab';

/**
 * CODEOWNERS from the framework's assignments: each chapter file belongs to its unit's handle. GitHub
 * has no sections, so volumes are separated by comments; GitLab gets one `[section]` per volume. The
 * default owner comes first (the last matching line wins on both platforms), so chapters override it.
 */
export function renderCodeowners(volumes: readonly OwnedVolume[], options: { syntax: CodeownersSyntax; defaultOwner?: string }): string {
  const lines = ['# 由 fangzhi codeowners 按篇目框架的承编分工和供稿单位的 gitHandle 生成，请勿手工修改。', `# 重新生成：fangzhi codeowners --syntax ${options.syntax}`];
  if (options.defaultOwner) lines.push('', `* ${handle(options.defaultOwner)}`);
  for (const volume of volumes) {
    lines.push('', options.syntax === 'gitlab' ? `[${volume.title.replace(/[[\]]/g, '')}]` : `# ${volume.title}`);
    for (const chapter of volume.chapters) {
      const path = `/${chapter.path}`.replace(/([ #\\])/g, '\\$1');
      lines.push(chapter.handle ? `${path} ${handle(chapter.handle)}` : `# ${path}（${chapter.title}）：${chapter.unitName}（${chapter.unitId}）未设 gitHandle`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function handle(value: string): string {
  return value.startsWith('@') ? value : `@${value}`;
}
