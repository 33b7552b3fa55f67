import { Option, type Command } from 'commander';
import { check, githubAnnotations } from '../check';
import { withContext } from '../context';
import { ExitCode } from '../errors';
import { importRepository } from '../import';
import { pull } from '../pull';
import { push } from '../push';
import { sync } from '../sync';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** pull, sync, check, push, import: the commands that read and write .lynxprompt/lock.json. */
export function registerLockfileCommands(program: Command): void {
  program
    .command('pull')
    .description('Write a blueprint (bp_…, rb_…, @owner/slug) or a hierarchy (ha_…) into the repository and pin it')
    .argument('[target]', 'what to pull; with --frozen, optional (everything pinned)')
    .option('--tool <format>', 'the format to write, e.g. cursor-rules (default: the blueprint’s own)')
    .option('--var <NAME=value>', 'a template variable (repeatable); your saved values fill the rest', collect)
    .option('--frozen', 'only what the lockfile pins, at the pinned version; the lockfile is not changed')
    .option('--allow-hidden', 'write files even when they hide instructions from their reader (after reading them)')
    .action(
      withContext(
        async (
          context,
          target: string | undefined,
          options: { tool?: string; var?: string[]; frozen?: boolean; allowHidden?: boolean },
        ) => {
          const files = await pull(context, target, options);
          context.output.result({ files }, ({ files: pulled }) => {
            for (const file of pulled) {
              const from = file.origin ? ` from ${file.origin}` : '';
              context.output.line(
                `${context.output.green(file.status === 'written' ? 'wrote' : 'kept ')} ${file.path} ${context.output.dim(
                  `(${file.blueprint} v${file.version}, ${file.format}${from})`,
                )}`,
              );
              if (file.unresolved.length) {
                context.output.warn(`${file.path}: no value for ${file.unresolved.join(', ')} (pass --var NAME=value)`);
              }
            }
          });
        },
      ),
    );

  program
    .command('sync')
    .description('Update pulled files to their newest versions; files edited by hand are merged, never overwritten')
    .option('--dry-run', 'say what would change, write nothing')
    .option('--allow-hidden', 'take new versions even when they hide instructions from their reader')
    .action(
      withContext(async (context, options: { dryRun?: boolean; allowHidden?: boolean }) => {
        const files = await sync(context, options);
        const conflicts = files.filter((file) => file.status === 'conflict');
        const held = files.filter((file) => file.status === 'held');
        context.output.result({ dryRun: Boolean(options.dryRun), files }, () => {
          for (const file of files) {
            const label =
              file.status === 'conflict' || file.status === 'held'
                ? context.output.red(file.status.padEnd(8))
                : context.output.green(file.status.padEnd(8));
            const versions = file.from === file.to ? `v${file.to}` : `v${file.from} → v${file.to}`;
            context.output.line(`${label} ${file.path} ${context.output.dim(`(${versions})`)}`);
            if (file.diff) context.output.line(file.diff);
          }
          if (conflicts.length) {
            context.output.line(
              `${conflicts.length} file(s) edited by hand could not take the upstream change and were left untouched`,
            );
          }
        });
        if (conflicts.length) process.exitCode = ExitCode.Conflict;
        else if (held.length) process.exitCode = ExitCode.CheckFailed;
      }),
    );

  program
    .command('check')
    .description('For CI: fail when pinned files drift or are missing, are outdated (--outdated), or hold secrets')
    .option('--outdated', 'also fail when a newer version is published')
    .addOption(new Option('--format <format>', 'output for people or GitHub annotations').choices(['human', 'github']))
    .action(
      withContext(async (context, options: { outdated?: boolean; format?: 'human' | 'github' }) => {
        const result = await check(context, options);
        if (options.format === 'github' && !context.output.json) {
          const annotations = githubAnnotations(result);
          if (annotations) context.output.line(annotations);
        } else {
          context.output.result(result, () => {
            for (const problem of result.problems) {
              const where = problem.line ? `${problem.path}:${problem.line}` : problem.path;
              context.output.line(`${context.output.red(problem.code)} ${where}: ${problem.message}`);
            }
            context.output.line(
              result.ok
                ? context.output.green(`${result.checked} pinned file(s) match the lockfile`)
                : `${result.problems.length} problem(s) in ${result.checked} pinned file(s)`,
            );
          });
        }
        if (!result.ok) process.exitCode = ExitCode.CheckFailed;
      }),
    );

  program
    .command('push')
    .description('Create blueprints from local files, or update the ones they are linked to (with If-Match)')
    .argument('[files...]', 'the files (default: every pinned file edited since it was pulled)')
    .option('--draft', 'keep the new version as a draft instead of publishing it')
    .addOption(
      new Option('--visibility <visibility>', 'for new blueprints').choices(['private', 'unlisted', 'public', 'team']),
    )
    .option('--acknowledge <findingId>', 'a low-confidence finding that is not a secret (repeatable)', collect)
    .action(
      withContext(
        async (context, files: string[], options: { draft?: boolean; visibility?: string; acknowledge?: string[] }) => {
          const pushed = await push(context, files, options);
          context.output.result({ files: pushed }, () => {
            if (pushed.length === 0) context.output.line('Nothing to push: no pinned file was edited');
            for (const file of pushed) {
              context.output.line(
                `${context.output.green(file.status.padEnd(9))} ${file.path} ${context.output.dim(
                  `(${file.blueprint} v${file.version})`,
                )}`,
              );
            }
          });
        },
      ),
    );

  program
    .command('import')
    .description(
      'Find every known instruction file in a folder and import them as one hierarchy, linked in the lockfile',
    )
    .argument('[dir]', 'the folder', '.')
    .option('--name <name>', 'the hierarchy’s name (default: the folder’s)')
    .option('--draft', 'keep the imported blueprints as drafts instead of publishing them')
    .action(
      withContext(async (context, dir: string, options: { name?: string; draft?: boolean }) => {
        const outcome = await importRepository(context, dir, options);
        context.output.result(outcome, () => {
          for (const file of outcome.files) {
            if (file.status === 'created') {
              context.output.line(
                `${context.output.green('imported')} ${file.path} ${context.output.dim(`(${file.blueprint}, ${file.format})`)}`,
              );
            } else {
              context.output.line(
                `${context.output.red('failed  ')} ${file.path}: ${file.error?.message} [${file.error?.code}]`,
              );
            }
          }
          if (outcome.hierarchy) context.output.line(`Hierarchy ${outcome.hierarchy}`);
        });
        if (outcome.files.some((file) => file.status === 'failed')) process.exitCode = ExitCode.Remote;
      }),
    );
}
