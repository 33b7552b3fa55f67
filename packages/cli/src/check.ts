import { scanContentInProcess } from '@lynxprompt/scanning';
import { githubAnnotation } from './github-annotations';
import { textOf } from './text';
import { getBlueprint, latestVersion } from './blueprint-api';
import type { CommandContext } from './context';
import { findRoot, readLocal, readLocalBytes, readLockfile, sha256 } from './lockfile';

export type ProblemCode = 'MISSING' | 'MODIFIED' | 'OUTDATED' | 'SECRET' | 'HIDDEN_INSTRUCTION';

export interface CheckProblem {
  path: string;
  code: ProblemCode;
  message: string;
  line?: number;
  column?: number;
  blueprint: string;
}

export interface CheckResult {
  ok: boolean;
  checked: number;
  problems: CheckProblem[];
}

/**
 * What CI asks: is every pinned file there and exactly as pinned, is nothing outdated (with `outdated`), and do the
 * files carry no secrets or hidden instructions. Files the lockfile does not list are not its business.
 */
export async function check(context: CommandContext, options: { outdated?: boolean }): Promise<CheckResult> {
  const root = findRoot(context.cwd);
  const lock = readLockfile(root);
  const problems: CheckProblem[] = [];
  const progress = context.output.progress('Checking', lock.files.length);
  for (const entry of lock.files) {
    progress.tick();
    const at = { path: entry.path, blueprint: entry.blueprint };
    const local = readLocal(root, entry.path);
    if (local === undefined) {
      problems.push({ ...at, code: 'MISSING', message: `${entry.path} is pinned in the lockfile but missing` });
    } else {
      if (sha256(local) !== entry.sha256) {
        problems.push({
          ...at,
          code: 'MODIFIED',
          message: `${entry.path} differs from version ${entry.version} as pulled (edited by hand?)`,
        });
      }
      problems.push(...(await scanProblems(at, local)));
    }
    for (const attached of entry.files ?? []) {
      const bytes = readLocalBytes(root, attached.path);
      const of = { path: attached.path, blueprint: entry.blueprint };
      if (bytes === undefined) {
        problems.push({ ...of, code: 'MISSING', message: `${attached.path} (attached to ${entry.path}) is missing` });
        continue;
      }
      if (sha256(bytes) !== attached.sha256) {
        problems.push({
          ...of,
          code: 'MODIFIED',
          message: `${attached.path} differs from the file pulled with ${entry.path}`,
        });
      }
      const text = textOf(bytes);
      if (text !== undefined) problems.push(...(await scanProblems(of, text)));
    }
    if (options.outdated) {
      const client = context.client({ instance: context.instance(entry.instance) });
      const newest = latestVersion(await getBlueprint(client, entry.blueprint));
      if (newest > entry.version) {
        problems.push({
          ...at,
          code: 'OUTDATED',
          message: `${entry.path}: version ${newest} is published (pinned: ${entry.version}); run lynxp sync`,
        });
      }
    }
  }
  progress.done();
  return { ok: problems.length === 0, checked: lock.files.length, problems };
}

/** What the scanner finds in a file, as problems on its lines. */
async function scanProblems(at: { path: string; blueprint: string }, content: string): Promise<CheckProblem[]> {
  const report = await scanContentInProcess(content);
  return report.findings.map((finding) => ({
    ...at,
    code: finding.category === 'secret' ? 'SECRET' : 'HIDDEN_INSTRUCTION',
    message: `${finding.message} (${finding.rule})`,
    line: finding.line,
    column: finding.column,
  }));
}

/** GitHub Actions workflow commands: one `::error` annotation per problem, on the file and line it is about. */
export function githubAnnotations(result: CheckResult): string {
  return result.problems
    .map((problem) =>
      githubAnnotation(
        'error',
        { file: problem.path, line: problem.line, col: problem.column, title: `lynxp check: ${problem.code}` },
        problem.message,
      ),
    )
    .join('\n');
}
