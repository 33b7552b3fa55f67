import path from 'node:path';
import { detect } from '@lynxprompt/formats';
import { getBlueprint, pinOfWritten, type BlueprintDetail } from './blueprint-api';
import type { CommandContext } from './context';
import { CliError, ExitCode } from './errors';
import {
  findRoot,
  readLocal,
  readLockfile,
  safePath,
  sha256,
  storeBase,
  upsertEntry,
  writeLockfile,
  type LockEntry,
} from './lockfile';

export interface PushOptions {
  draft?: boolean;
  visibility?: string;
  acknowledge?: string[];
}

export interface PushedFile {
  path: string;
  blueprint: string;
  version: number;
  revision: number;
  /** skipped: an edited pinned file whose blueprint is not yours (only when no files were named). */
  status: 'created' | 'updated' | 'unchanged' | 'skipped';
}

/**
 * Creates a blueprint from each file the lockfile does not know, and updates the linked blueprint of each it does
 * (with If-Match on the revision last seen, so a change made elsewhere meanwhile is refused, not overwritten). The
 * instance's secret policy applies: a refusal comes back with its code (SECRET_DETECTED, FINDINGS_NOT_ACKNOWLEDGED).
 * Without files, every pinned file of yours that was edited since it was pulled is pushed.
 */
export async function push(context: CommandContext, files: string[], options: PushOptions): Promise<PushedFile[]> {
  const root = findRoot(context.cwd);
  const lock = readLockfile(root);
  const paths = files.length
    ? files.map((file) => safePath(root, path.relative(root, path.resolve(context.cwd, file))))
    : lock.files.filter((entry) => readLocal(root, entry.path) !== undefined).map((entry) => entry.path);
  const client = context.client({ required: true, instance: context.instance(lock.files[0]?.instance) });
  const pushed: PushedFile[] = [];
  const progress = context.output.progress('Pushing', paths.length);
  try {
    for (const relative of paths) {
      progress.tick();
      const content = readLocal(root, relative);
      if (content === undefined) throw new CliError('FILE_NOT_FOUND', `${relative} does not exist`, ExitCode.Usage);
      const entry = lock.files.find((candidate) => candidate.path === relative);
      if (entry && sha256(content) === entry.sha256) {
        if (files.length) pushed.push({ ...linkOf(entry), status: 'unchanged' });
        continue;
      }
      if (entry) {
        const current = await getBlueprint(client, entry.blueprint, 'draft');
        // Without named files, others' blueprints pulled here are not pushed: their edits are yours to keep.
        if (!files.length && !current.isOwner) {
          pushed.push({ ...linkOf(entry), status: 'skipped' });
          continue;
        }
        refuseLossyPush(entry, current);
      }
      const fields = {
        content,
        publish: !options.draft,
        ...(options.visibility ? { visibility: options.visibility } : {}),
        ...(options.acknowledge?.length ? { acknowledgedFindings: options.acknowledge } : {}),
      };
      let detail: BlueprintDetail;
      if (entry) {
        ({ body: detail } = await client.json<BlueprintDetail>('PATCH', `/api/v1/blueprints/${entry.blueprint}`, {
          body: fields,
          headers: entry.revision ? { 'if-match': `"r${entry.revision}"` } : {},
        }));
      } else {
        const detection = detect({ path: relative, content });
        if (!detection) {
          throw new CliError(
            'UNKNOWN_FORMAT',
            `${relative}: not a format LynxPrompt knows (GET /api/v1/formats lists them)`,
          );
        }
        ({ body: detail } = await client.json<BlueprintDetail>('POST', '/api/v1/blueprints/import', {
          body: { ...fields, path: relative, format: detection.format },
        }));
      }
      const next: LockEntry = {
        ...entry,
        ...pinOfWritten(detail, { path: relative, instance: client.instance, content }),
      };
      storeBase(root, content);
      upsertEntry(lock, next);
      pushed.push({ ...linkOf(next), status: entry ? 'updated' : 'created' });
    }
  } finally {
    progress.done();
    // What was pushed before a refusal stays linked.
    if (pushed.some((file) => file.status === 'created' || file.status === 'updated')) writeLockfile(root, lock);
  }
  return pushed;
}

/**
 * A pulled file is not always the blueprint: it may be the template with its variables filled, or the blueprint
 * converted to another tool's format (which can drop fields). Pushing either would overwrite the blueprint with less
 * than it holds, so both are refused with a way forward.
 */
function refuseLossyPush(entry: LockEntry, current: BlueprintDetail): void {
  if (entry.filled?.length) {
    throw new CliError(
      'PUSH_RENDERED_FILE',
      `${entry.path} was pulled with its variables filled (${entry.filled.join(', ')}); pushing it would replace ` +
        `their [[PLACEHOLDERS]] in the blueprint with your values. Edit the template instead: pull it into another ` +
        `folder without values, or edit it on the instance`,
      ExitCode.Usage,
      { path: entry.path, filled: entry.filled },
    );
  }
  if (entry.format !== current.format) {
    throw new CliError(
      'PUSH_FORMAT_DIFFERS',
      `${entry.path} is the blueprint converted to ${entry.format}, but it is kept as ${current.format}; pushing ` +
        `the conversion could drop what ${entry.format} cannot hold. Pull it in its own format to edit and push it`,
      ExitCode.Usage,
      { path: entry.path, format: entry.format, blueprintFormat: current.format },
    );
  }
}

function linkOf(entry: LockEntry): Omit<PushedFile, 'status'> {
  return { path: entry.path, blueprint: entry.blueprint, version: entry.version, revision: entry.revision ?? 0 };
}
