import { hiddenInstructionCount } from './hidden-instruction-count';
import { hiddenInstructionDetections } from './hidden-instructions';
import { findInvisibleRuns, stripInvisibleCharacters } from './invisible-characters';
import { LineIndex } from './text-positions';

export interface StrippedContent {
  content: string;
  /** Code points removed by stripInvisibleCharacters (the four invisible-character rules). */
  invisibleCharacters: number;
  /** HTML comments removed because the `html-comment-instruction` rule flagged them. */
  htmlComments: number;
  /** Hidden-instruction findings left in the result (visible phrases, base64 blobs): stripping cannot locate them. */
  remaining: number;
}

/**
 * A copy without what the scanner flags as hidden: first every invisible character stripInvisibleCharacters removes,
 * then every HTML comment the scanner flags as an instruction in the result (an unclosed one runs to the end, as it
 * hides everything after it). Routine comments, visible text, base64 blobs and injection phrases stay: they are
 * visible to the reader, who is warned of them. No secret scan runs, so the cost is that of the hidden-instruction
 * rules alone.
 */
export function stripHiddenInstructions(content: string): StrippedContent {
  const invisible = stripInvisibleCharacters(content);
  const text = invisible.content;
  const found = hiddenInstructionDetections(text, new LineIndex(text), findInvisibleRuns(text), () => false);
  const comments = found
    .filter((detection) => detection.rule === 'html-comment-instruction')
    .sort((a, b) => a.start - b.start);
  let stripped = '';
  let cursor = 0;
  for (const comment of comments) {
    stripped += text.slice(cursor, comment.start);
    cursor = comment.end;
  }
  stripped += text.slice(cursor);
  return {
    content: stripped,
    invisibleCharacters: invisible.removed,
    htmlComments: comments.length,
    remaining: comments.length === 0 ? found.length : hiddenInstructionCount(stripped),
  };
}
