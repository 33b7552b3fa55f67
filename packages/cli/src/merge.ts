import type * as Diff3 from 'node-diff3' with { 'resolution-mode': 'import' };

// node-diff3 is an ES module with a CommonJS build; this package is CommonJS, so it takes the require() entry point
// (esbuild bundles it the same way).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { diff3Merge, diffComm } = require('node-diff3') as typeof Diff3;

export type MergeOutcome =
  | { clean: true; content: string }
  | { clean: false; conflicts: number; /** The file with git-style conflict markers, for showing. */ marked: string };

function lines(text: string): string[] {
  return text.split('\n');
}

/**
 * Three-way merge by lines: the local file (`mine`) and the newer upstream (`theirs`) against what was pulled
 * (`base`). Changes on one side only are taken; changes to the same lines on both sides are conflicts, unless both
 * sides made the same change.
 */
export function threeWayMerge(mine: string, base: string, theirs: string): MergeOutcome {
  const regions = diff3Merge(lines(mine), lines(base), lines(theirs), { excludeFalseConflicts: true });
  const merged: string[] = [];
  const marked: string[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) {
      merged.push(...region.ok);
      marked.push(...region.ok);
    } else if (region.conflict) {
      conflicts += 1;
      marked.push('<<<<<<< local', ...region.conflict.a, '||||||| pulled', ...region.conflict.o, '=======');
      marked.push(...region.conflict.b, '>>>>>>> upstream');
    }
  }
  return conflicts === 0
    ? { clean: true, content: merged.join('\n') }
    : { clean: false, conflicts, marked: marked.join('\n') };
}

/** A line diff from `before` to `after` in unified style (whole file, no hunk headers), for showing a person. */
export function lineDiff(before: string, after: string, labels = { before: 'local', after: 'upstream' }): string {
  const out = [`--- ${labels.before}`, `+++ ${labels.after}`];
  for (const part of diffComm(lines(before), lines(after))) {
    if (part.common) {
      // Context is trimmed to three lines either side of a change.
      const common = part.common;
      if (common.length > 6)
        out.push(...common.slice(0, 3).map((l) => ` ${l}`), ' …', ...common.slice(-3).map((l) => ` ${l}`));
      else out.push(...common.map((l) => ` ${l}`));
    } else {
      out.push(...(part.buffer1 ?? []).map((l) => `-${l}`), ...(part.buffer2 ?? []).map((l) => `+${l}`));
    }
  }
  return out.join('\n');
}
