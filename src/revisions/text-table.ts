/** Columns of a plain-text table; `right` aligns numbers. */
export interface TextColumn {
  title: string;
  right?: boolean;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns a text takes: Chinese characters and full-width punctuation take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** A table for the terminal, aligned by display width so that Chinese columns line up. */
export function renderTextTable(columns: readonly TextColumn[], rows: readonly string[][]): string {
  const widths = columns.map((column, index) => Math.max(displayWidth(column.title), ...rows.map((row) => displayWidth(row[index] ?? ''))));
  const line = (cells: readonly string[]) =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const pad = ' '.repeat(widths[index]! - displayWidth(cell));
        return column.right ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.title)), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
