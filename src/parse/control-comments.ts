/** An inline control comment: `<!-- fangzhi-disable rule-a rule-b -->`, `-enable`, `-disable-next-line`. */
export interface ControlComment {
  action: 'disable' | 'enable' | 'disable-next-line';
  /** Empty means every rule. */
  ruleIds: string[];
  start: number;
  end: number;
}

const CONTROL = /^<!--\s*fangzhi-(disable-next-line|disable|enable)\b([^>]*?)\s*-->$/;

export function parseControlComment(html: string, start: number, end: number): ControlComment | undefined {
  const match = CONTROL.exec(html.trim());
  if (!match) return undefined;
  const ruleIds = match[2]!.split(/[\s,]+/).filter(Boolean);
  return { action: match[1] as ControlComment['action'], ruleIds, start, end };
}

interface Silence {
  ruleIds: string[];
  from: number;
  to: number;
}

/**
 * Decides whether a message is silenced by control comments, as remark-message-control does:
 * `disable` … `enable` silence a range; `disable-next-line` silences the line after the comment,
 * or the block that follows when a blank line comes first.
 */
export class MessageControl {
  private readonly silences: Silence[] = [];

  constructor(controls: readonly ControlComment[], text: string, nextBlockRange: (offset: number) => [number, number] | undefined) {
    const open = new Map<string, number>();
    const sorted = [...controls].sort((a, b) => a.start - b.start);
    for (const control of sorted) {
      const keys = control.ruleIds.length ? control.ruleIds : ['*'];
      if (control.action === 'disable') {
        for (const key of keys) if (!open.has(key)) open.set(key, control.end);
      } else if (control.action === 'enable') {
        for (const key of keys) {
          const from = open.get(key);
          if (from === undefined) continue;
          this.silences.push({ ruleIds: key === '*' ? [] : [key], from, to: control.start });
          open.delete(key);
        }
      } else {
        const lineEnd = text.indexOf('\n', control.end);
        const nextLineStart = lineEnd < 0 ? text.length : lineEnd + 1;
        const nextLineEnd = text.indexOf('\n', nextLineStart);
        const nextLine = text.slice(nextLineStart, nextLineEnd < 0 ? text.length : nextLineEnd);
        const range: [number, number] | undefined = nextLine.trim()
          ? [nextLineStart, nextLineEnd < 0 ? text.length : nextLineEnd]
          : nextBlockRange(control.end);
        if (range) this.silences.push({ ruleIds: control.ruleIds, from: range[0], to: range[1] });
      }
    }
    for (const [key, from] of open) this.silences.push({ ruleIds: key === '*' ? [] : [key], from, to: Number.POSITIVE_INFINITY });
  }

  isSilenced(ruleId: string, offset: number): boolean {
    return this.silences.some(
      (silence) => offset >= silence.from && offset < silence.to && (silence.ruleIds.length === 0 || silence.ruleIds.includes(ruleId)),
    );
  }
}
