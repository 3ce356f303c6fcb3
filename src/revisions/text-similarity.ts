import { diffChars } from 'diff';

/** How alike two texts are, 0–1: twice the characters they share in order over their total length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const common = diffChars(a, b).reduce((sum, part) => (part.added || part.removed ? sum : sum + part.value.length), 0);
  return (2 * common) / (a.length + b.length);
}
