import { codePointLabel } from './invisible-characters';
import type { DisjointSpans, Span } from './spans';
import type { LineIndex } from './text-positions';

export interface SecretSpan extends Span {
  /** Leading characters that are the key type's fixed prefix and may be shown. */
  publicPrefix: number;
}

const CONTEXT_BEFORE = 40;
const CONTEXT_AFTER = 40;
const MAX_FINDING_CHARS = 80;
const MAX_ESCAPED_RUN = 8;

/** Characters an excerpt must spell out rather than print: controls, format characters, tags and selectors. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u2028\u2029]/u;

export function redactedToken(content: string, span: SecretSpan): string {
  const prefix = content.slice(span.start, span.start + span.publicPrefix);
  return `${prefix}…[redacted ${span.end - span.start - span.publicPrefix} chars]`;
}

/**
 * Spells out unprintable characters as <U+200B>, collapsing long runs so a hidden paragraph stays one line. Joiners
 * inside emoji or non-Latin words and a single emoji presentation selector print as they are (👩‍💻, ❤️).
 */
export function escapeUnprintable(text: string): string {
  const chars = [...text];
  let out = '';
  let run = 0;
  let hiddenInRun = 0;
  const flush = () => {
    if (hiddenInRun > 0) out += `<…${hiddenInRun} more>`;
    run = 0;
    hiddenInRun = 0;
  };
  chars.forEach((char, index) => {
    if (char === '\t') {
      flush();
      out += ' ';
    } else if (UNPRINTABLE.test(char) && !isPartOfVisibleSequence(chars, index)) {
      run++;
      if (run <= MAX_ESCAPED_RUN) out += codePointLabel(char);
      else hiddenInRun++;
    } else {
      flush();
      out += char;
    }
  });
  flush();
  return out;
}

function isPartOfVisibleSequence(chars: string[], index: number): boolean {
  const char = chars[index]!;
  const isVisibleNonAscii = (neighbour: string | undefined) =>
    neighbour !== undefined &&
    neighbour.codePointAt(0)! > 0x7f &&
    !UNPRINTABLE.test(neighbour) &&
    !/\s/u.test(neighbour);
  if (char === '\u200d' || char === '\u200c') {
    const previous = chars[index - 1] === '\ufe0f' ? chars[index - 2] : chars[index - 1];
    return isVisibleNonAscii(previous) && isVisibleNonAscii(chars[index + 1]);
  }
  if (char === '\ufe0f' || char === '\ufe0e') return isVisibleNonAscii(chars[index - 1]);
  return false;
}

/**
 * One line of context around a finding: secrets replaced by `prefix…[redacted N chars]` (every secret on the line,
 * not only the finding's own) and unprintable characters spelled out, then cut to about 40 characters either side.
 * Findings spanning lines show their first line.
 */
export function buildExcerpt(
  content: string,
  lines: LineIndex,
  start: number,
  end: number,
  secrets: DisjointSpans<SecretSpan>,
): string {
  const line = lines.lineBounds(start);
  // Very long lines: only the neighbourhood can end up in the excerpt.
  const from = Math.max(line.start, start - 4 * CONTEXT_BEFORE);
  const to = Math.min(line.end, Math.min(end, start + MAX_FINDING_CHARS) + 4 * CONTEXT_AFTER);
  const findingEnd = Math.min(end, to);

  // Render [from, to) with secrets redacted and unprintables escaped, noting where the finding lands.
  let rendered = '';
  let renderedStart = 0;
  let renderedEnd = 0;
  let cursor = from;
  const renderPlain = (until: number) => {
    for (const cut of [start, findingEnd, until]) {
      if (cut < cursor || cut > until) continue;
      rendered += escapeUnprintable(content.slice(cursor, cut));
      cursor = cut;
      if (cut === start) renderedStart = rendered.length;
      if (cut === findingEnd) renderedEnd = rendered.length;
    }
  };
  for (const secret of secrets.overlapping(from, to)) {
    renderPlain(Math.max(cursor, secret.start));
    if (start >= secret.start && start < secret.end) renderedStart = rendered.length;
    rendered += redactedToken(content, secret);
    if (findingEnd > secret.start && findingEnd <= secret.end) renderedEnd = rendered.length;
    cursor = Math.max(cursor, secret.end);
  }
  renderPlain(to);
  renderedEnd = Math.max(renderedEnd, renderedStart);

  const windowStart = Math.max(0, renderedStart - CONTEXT_BEFORE);
  const windowEnd = Math.min(rendered.length, Math.min(renderedEnd, renderedStart + MAX_FINDING_CHARS) + CONTEXT_AFTER);
  const cutBefore = from > line.start || windowStart > 0;
  const cutAfter = to < line.end || windowEnd < rendered.length;
  return `${cutBefore ? '…' : ''}${wholeCharacters(rendered, windowStart, windowEnd)}${cutAfter ? '…' : ''}`;
}

/** A slice that does not split a surrogate pair. */
function wholeCharacters(text: string, start: number, end: number): string {
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
