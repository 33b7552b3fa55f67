import { createTwoFilesPatch } from 'diff';
import { scanContentInProcess } from '@lynxprompt/scanning';
import type { ScanOptions, ScanReport } from '@lynxprompt/scanning';
import { stripHiddenInstructions, type StrippedContent } from '@lynxprompt/scanning';

// The functions the worker pool runs, each in a pool thread (worker-pool.ts). Inputs and results are plain data.

export function scan(input: { content: string; options: ScanOptions }): Promise<ScanReport> {
  return scanContentInProcess(input.content, input.options);
}

/**
 * A unified diff of two texts, or null when they differ by more than `maxEdits` inserted and removed lines: the
 * work of Myers' algorithm grows with the size of the difference, so that bound is a bound on the time too.
 */
export function diff(input: {
  fromName: string;
  toName: string;
  from: string;
  to: string;
  maxEdits: number;
}): string | null {
  const unified = createTwoFilesPatch(input.fromName, input.toName, input.from, input.to, undefined, undefined, {
    context: 3,
    maxEditLength: input.maxEdits,
  });
  return unified ?? null;
}

/** A download's copy without hidden instructions (the hidden-instruction rules run again on the converted file). */
export function stripHidden(content: string): StrippedContent {
  return stripHiddenInstructions(content);
}

export interface WorkerTasks {
  scan: typeof scan;
  diff: typeof diff;
  stripHidden: typeof stripHidden;
}
