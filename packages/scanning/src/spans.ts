export interface Span {
  start: number;
  end: number;
}

/**
 * Non-overlapping spans kept sorted by start (so by end too), with logarithmic overlap queries: scans must stay fast
 * on files with thousands of findings.
 */
export class DisjointSpans<T extends Span> {
  private readonly spans: T[] = [];

  get all(): readonly T[] {
    return this.spans;
  }

  /** Adds the span unless it overlaps one already kept; returns whether it was added. */
  addIfFree(span: T): boolean {
    const index = this.firstEndingAfter(span.start);
    const next = this.spans[index];
    if (next && next.start < span.end) return false;
    this.spans.splice(index, 0, span);
    return true;
  }

  overlaps(start: number, end: number): boolean {
    const next = this.spans[this.firstEndingAfter(start)];
    return next !== undefined && next.start < end;
  }

  /** Spans overlapping [start, end), in order. */
  overlapping(start: number, end: number): T[] {
    const found: T[] = [];
    for (let index = this.firstEndingAfter(start); index < this.spans.length; index++) {
      const span = this.spans[index]!;
      if (span.start >= end) break;
      found.push(span);
    }
    return found;
  }

  /** Index of the first span whose end lies after `offset`. */
  private firstEndingAfter(offset: number): number {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.spans[middle]!.end <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
