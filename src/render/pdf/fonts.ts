import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { RenderError } from '../output-format.js';

interface PrintFont {
  /** Family name the template asks for (as Typst reads it: ukai.ttc's AR PL UKai CN is "AR PL UKai"). */
  family: string;
  /** 宋体, 黑体, 楷体: what the face is used as, for messages. */
  role: string;
  files: string[];
  debianPackage: string;
}

/**
 * The faces of the print template, from Debian's font folders. Typst falls back silently to any font
 * it has (or to tofu) when a family is missing, so each file is checked before compiling.
 */
export const PRINT_FONTS: PrintFont[] = [
  { family: 'Noto Serif CJK SC', role: '宋体', files: ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc'], debianPackage: 'fonts-noto-cjk' },
  { family: 'Noto Sans CJK SC', role: '黑体', files: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'], debianPackage: 'fonts-noto-cjk' },
  { family: 'AR PL UKai', role: '楷体', files: ['/usr/share/fonts/truetype/arphic/ukai.ttc'], debianPackage: 'fonts-arphic-ukai' },
];

/** Checks that every font file exists and returns the font files to give the compiler. */
export function requirePrintFonts(fonts: PrintFont[] = PRINT_FONTS): string[] {
  for (const font of fonts) {
    const missing = font.files.filter((file) => !existsSync(file));
    if (missing.length) {
      throw new RenderError(`缺少印刷版所需的${font.role}字体 ${font.family}（${missing.join('、')}），请安装 Debian 软件包 ${font.debianPackage}（npm run setup 会自动安装）`);
    }
  }
  return fonts.flatMap((font) => font.files);
}

/** Folders holding the font files: the compiler takes folders, not files. */
export function fontFolders(files: string[]): string[] {
  return [...new Set(files.map((file) => dirname(file)))];
}
