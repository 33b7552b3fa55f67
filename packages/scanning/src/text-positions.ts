export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units of the line. */
  column: number;
}

/**
 * Maps string offsets to line and column. Line breaks are \r\n, \n and a lone \r, as in the editors that show the
 * findings.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a) {
        this.starts.push(i + 1);
      } else if (code === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): TextPosition {
    const lineIndex = this.lineIndexOf(offset);
    return { line: lineIndex + 1, column: offset - this.starts[lineIndex]! + 1 };
  }

  /** Start offset and end offset (before the line break) of the line holding `offset`. */
  lineBounds(offset: number): { start: number; end: number } {
    const lineIndex = this.lineIndexOf(offset);
    const start = this.starts[lineIndex]!;
    let end = lineIndex + 1 < this.starts.length ? this.starts[lineIndex + 1]! : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 0x0a || this.text.charCodeAt(end - 1) === 0x0d)) end--;
    return { start, end };
  }

  private lineIndexOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
