/** Offsets (end exclusive) of code a Markdown renderer shows as-is: fenced blocks and inline code spans. */
export class CodeRegions {
  private readonly regions: Array<{ start: number; end: number }> = [];

  constructor(content: string) {
    let fence: { char: string; length: number; start: number } | undefined;
    let lineStart = 0;
    while (lineStart <= content.length) {
      const newline = content.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? content.length : newline;
      const line = content.slice(lineStart, lineEnd);
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (
          marker &&
          marker[1]![0] === fence.char &&
          marker[1]!.length >= fence.length &&
          /^\s*$/.test(line.slice(marker[0].length))
        ) {
          this.regions.push({ start: fence.start, end: lineEnd });
          fence = undefined;
        }
      } else if (marker) {
        fence = { char: marker[1]![0]!, length: marker[1]!.length, start: lineStart };
      } else {
        this.addInlineCode(line, lineStart);
      }
      if (newline === -1) break;
      lineStart = newline + 1;
    }
    // An unclosed fence runs to the end of the document, as in CommonMark.
    if (fence) this.regions.push({ start: fence.start, end: content.length });
    this.regions.sort((a, b) => a.start - b.start);
  }

  /** Whether `offset` lies inside a code block or a code span. */
  contains(offset: number): boolean {
    let low = 0;
    let high = this.regions.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const region = this.regions[middle]!;
      if (offset < region.start) high = middle - 1;
      else if (offset >= region.end) low = middle + 1;
      else return true;
    }
    return false;
  }

  /** Code spans: a run of backticks closed by a run of the same length on the same line. */
  private addInlineCode(line: string, lineStart: number): void {
    // Prose lines are short; skipping giant ones keeps the scan linear (and only makes comments look more hidden).
    if (line.length > 20_000) return;
    const opening = /`+/g;
    let match: RegExpExecArray | null;
    while ((match = opening.exec(line))) {
      const closing = line.indexOf(match[0], match.index + match[0].length);
      if (closing === -1) continue;
      // Only a run of exactly the same length closes the span.
      if (line[closing + match[0].length] === '`') continue;
      this.regions.push({ start: lineStart + match.index, end: lineStart + closing + match[0].length });
      opening.lastIndex = closing + match[0].length;
    }
  }
}
