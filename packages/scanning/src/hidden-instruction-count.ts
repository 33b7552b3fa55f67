import { hiddenInstructionDetections } from './hidden-instructions';
import { findInvisibleRuns } from './invisible-characters';
import { LineIndex } from './text-positions';

/**
 * How many hidden-instruction findings the content has, without the secret scan: what the catalogue's warning needs
 * for content crawled from other instances, cheap enough to run on every copy.
 */
export function hiddenInstructionCount(content: string): number {
  return hiddenInstructionDetections(content, new LineIndex(content), findInvisibleRuns(content), () => false).length;
}
