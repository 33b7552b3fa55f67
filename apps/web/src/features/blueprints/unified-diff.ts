export type DiffLineKind = 'added' | 'removed' | 'context' | 'hunk' | 'header' | 'note';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  /** Line numbers in the old and new text, where the line exists there. */
  oldNumber?: number;
  newNumber?: number;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Reads unified diff text into typed lines with their old/new line numbers. A hunk's body is as long as its header
 * says, so a removed line that itself starts with "--" is not mistaken for a file header.
 */
export function parseUnifiedDiff(unified: string): DiffLine[] {
  const lines: DiffLine[] = [];
  const source = unified.endsWith('\n') ? unified.slice(0, -1) : unified;
  if (source === '') return lines;
  let oldNumber = 0;
  let newNumber = 0;
  let oldLeft = 0;
  let newLeft = 0;
  for (const text of source.split('\n')) {
    const inHunk = oldLeft > 0 || newLeft > 0;
    const hunk = inHunk ? null : HUNK.exec(text);
    if (hunk) {
      oldNumber = Number(hunk[1]);
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      newNumber = Number(hunk[3]);
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
      lines.push({ kind: 'hunk', text });
    } else if (text.startsWith('\\')) {
      lines.push({ kind: 'note', text });
    } else if (!inHunk) {
      lines.push({ kind: 'header', text });
    } else if (text.startsWith('+')) {
      lines.push({ kind: 'added', text: text.slice(1), newNumber: newNumber++ });
      newLeft -= 1;
    } else if (text.startsWith('-')) {
      lines.push({ kind: 'removed', text: text.slice(1), oldNumber: oldNumber++ });
      oldLeft -= 1;
    } else {
      lines.push({ kind: 'context', text: text.slice(1), oldNumber: oldNumber++, newNumber: newNumber++ });
      oldLeft -= 1;
      newLeft -= 1;
    }
  }
  return lines;
}
