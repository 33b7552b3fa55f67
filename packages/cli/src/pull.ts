import path from 'node:path';
import type { ApiClient } from './api-client';
import {
  attachedFiles,
  getBlueprint,
  getHierarchy,
  latestVersion,
  refOf,
  render,
  resolveTarget,
  type BlueprintDetail,
  type RenderedFile,
} from './blueprint-api';
import type { CommandContext } from './context';
import { refuseHiddenInstructions } from './hidden-guard';
import { textOf } from './text';
import { CliError, ExitCode } from './errors';
import {
  findRoot,
  readLocal,
  readLocalBytes,
  readLockfile,
  safePath,
  sha256,
  storeBase,
  upsertEntry,
  writeAtomically,
  writeLockfile,
  type LockEntry,
} from './lockfile';

export interface PullOptions {
  tool?: string;
  var?: string[];
  frozen?: boolean;
  /** Write files even when the scanner finds hidden instructions in them. */
  allowHidden?: boolean;
}

export interface PulledFile {
  path: string;
  blueprint: string;
  version: number;
  format: string;
  status: 'written' | 'unchanged';
  /** A skill's attached files, written beside it. */
  files?: string[];
  origin?: string;
  unresolved: string[];
}

const VARIABLE = /^([A-Za-z_][A-Za-z0-9_]{0,63})=(.*)$/s;

/** `--var NAME=value`, repeatable; names as the API canonicalises them (upper case). */
export function parseVariableFlags(flags: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const flag of flags) {
    const match = VARIABLE.exec(flag);
    if (!match) throw new CliError('INVALID_VARIABLE', `--var expects NAME=value, got '${flag}'`);
    values[match[1]!.toUpperCase()] = match[2]!;
  }
  return values;
}

/** One file to pull: which blueprint, in which format, to which path (a hierarchy member's path, else the tool's). */
interface Plan {
  /** The instance it is read through: the one chosen for a fresh pull, each entry's own for --frozen. */
  client: ApiClient;
  detail: BlueprintDetail;
  version: number;
  format?: string;
  path?: string;
  hierarchy?: string;
  variables: Record<string, string>;
}

/**
 * Pulls a blueprint or a hierarchy into the repository and pins every file in the lockfile. A file that exists and
 * is not exactly what the lockfile recorded is never overwritten. With --frozen only pinned blueprints are pulled,
 * at their pinned version and with their pinned variables, and the lockfile is not changed.
 */
export async function pull(
  context: CommandContext,
  target: string | undefined,
  options: PullOptions,
): Promise<PulledFile[]> {
  const root = findRoot(context.cwd);
  const lock = readLockfile(root);
  const variables = parseVariableFlags(options.var);
  let plans: Plan[];
  if (options.frozen) {
    plans = await frozenPlans(context, lock.files, target, variables);
  } else {
    if (!target) throw new CliError('TARGET_REQUIRED', 'Name what to pull: an id, @owner/slug or a hierarchy (ha_…)');
    const client = context.client({ instance: context.instance(lock.files[0]?.instance) });
    plans = await freshPlans(client, target, options.tool, variables);
  }

  const progress = context.output.progress('Pulling', plans.length);
  const pulled: PulledFile[] = [];
  const seen = new Set<string>();
  try {
    for (const plan of plans) {
      const { client } = plan;
      const file = await render(client, plan.detail.id, {
        format: plan.format,
        values: plan.variables,
        version: plan.version,
      });
      const relative = safePath(root, plan.path ?? file.path);
      if (seen.has(relative)) {
        throw new CliError(
          'PATH_COLLISION',
          `Two blueprints would be written to ${relative}; pull them with --tool one by one`,
        );
      }
      seen.add(relative);
      await refuseHiddenInstructions(relative, file.content, Boolean(options.allowHidden));
      const hash = sha256(file.content);
      const previous = lock.files.find((entry) => entry.path === relative);
      if (options.frozen && previous && previous.sha256 !== hash) {
        throw new CliError(
          'FROZEN_CONTENT_CHANGED',
          `${relative}: version ${plan.version} now renders differently from the pinned content (saved variables changed?)`,
          ExitCode.CheckFailed,
        );
      }
      const local = readLocal(root, relative);
      if (local !== undefined && local !== file.content && sha256(local) !== previous?.sha256) {
        throw new CliError(
          'LOCAL_CHANGES',
          previous
            ? `${relative} was edited since it was pulled; lynxp sync merges upstream changes into it, lynxp push sends it`
            : `${relative} exists and lynxp did not write it; move it away, or push it (lynxp push ${relative})`,
          ExitCode.Conflict,
        );
      }
      // A skill's attached files go beside it, under the same rule: never over a file lynxp did not write.
      const attached = (await attachedFiles(client, plan.detail.id, file)).map((part) => {
        const at = safePath(root, path.posix.join(path.posix.dirname(relative), part.path));
        if (seen.has(at)) throw new CliError('PATH_COLLISION', `Two files would be written to ${at}`);
        seen.add(at);
        return { path: at, bytes: part.bytes, sha256: sha256(part.bytes) };
      });
      for (const part of attached) {
        const text = textOf(part.bytes);
        if (text !== undefined) await refuseHiddenInstructions(part.path, text, Boolean(options.allowHidden));
        if (options.frozen && previous && !previous.files?.some((pin) => pin.sha256 === part.sha256)) {
          throw new CliError(
            'FROZEN_CONTENT_CHANGED',
            `${part.path}: version ${plan.version} now has different attached files from the pinned ones`,
            ExitCode.CheckFailed,
          );
        }
        const current = readLocalBytes(root, part.path);
        const pinned = previous?.files?.find((candidate) => candidate.path === part.path)?.sha256;
        if (current && !current.equals(part.bytes) && sha256(current) !== pinned) {
          throw new CliError(
            'LOCAL_CHANGES',
            `${part.path} exists and is not the file lynxp pulled; move it away first`,
            ExitCode.Conflict,
          );
        }
      }
      if (local !== file.content) writeAtomically(path.join(root, relative), file.content);
      for (const part of attached) writeAtomically(path.join(root, part.path), part.bytes);
      storeBase(root, file.content);
      const origin = plan.detail.origin.local ? undefined : plan.detail.origin.instance;
      const entry: LockEntry = {
        path: relative,
        instance: client.instance,
        blueprint: plan.detail.id,
        ref: refOf(plan.detail),
        version: file.version,
        format: file.format,
        sha256: hash,
        revision: plan.detail.revision,
        origin,
        hierarchy: plan.hierarchy,
        variables: Object.keys(plan.variables).length ? plan.variables : undefined,
        filled: filledVariables(file),
        files: attached.length ? attached.map((part) => ({ path: part.path, sha256: part.sha256 })) : undefined,
      };
      upsertEntry(lock, entry);
      pulled.push({
        path: relative,
        blueprint: entry.blueprint,
        version: entry.version,
        format: entry.format,
        status: local === file.content ? 'unchanged' : 'written',
        ...(attached.length ? { files: attached.map((part) => part.path) } : {}),
        ...(origin ? { origin } : {}),
        unresolved: file.unresolved,
      });
      progress.tick();
    }
  } finally {
    progress.done();
    // Frozen never changes the lockfile; otherwise what was written before a failure stays pinned.
    if (!options.frozen && pulled.length) writeLockfile(root, lock);
  }
  return pulled;
}

async function freshPlans(
  client: ApiClient,
  target: string,
  tool: string | undefined,
  variables: Record<string, string>,
): Promise<Plan[]> {
  const resolved = await resolveTarget(client, target);
  if (resolved.kind === 'blueprint') {
    const detail = await getBlueprint(client, resolved.id);
    return [{ client, detail, version: latestVersion(detail), format: tool, variables }];
  }
  const hierarchy = await getHierarchy(client, resolved.id);
  const plans: Plan[] = [];
  for (const member of hierarchy.blueprints) {
    const detail = await getBlueprint(client, member.id);
    plans.push({
      client,
      detail,
      version: latestVersion(detail),
      format: tool,
      // Each member at its place in the repository, unless another tool's format (and so its path) is asked for.
      path: tool && tool !== member.format ? undefined : member.repositoryPath,
      hierarchy: hierarchy.id,
      variables,
    });
  }
  return plans;
}

async function frozenPlans(
  context: CommandContext,
  entries: LockEntry[],
  target: string | undefined,
  variables: Record<string, string>,
): Promise<Plan[]> {
  let pinned = entries;
  if (target) {
    // Only what the lockfile names: an @owner/slug is matched against the pinned refs, never looked up.
    pinned = entries.filter((entry) => [entry.blueprint, entry.ref, entry.hierarchy].includes(target));
    if (pinned.length === 0) {
      throw new CliError(
        'NOT_IN_LOCKFILE',
        `--frozen: ${target} is not pinned in .lynxprompt/lock.json; pull it without --frozen first`,
        ExitCode.Usage,
      );
    }
  }
  if (pinned.length === 0) throw new CliError('NOT_IN_LOCKFILE', '--frozen: the lockfile pins nothing', ExitCode.Usage);
  const plans: Plan[] = [];
  const clients = new Map<string, ApiClient>();
  for (const entry of pinned) {
    // Each pinned file from the instance it was pulled from (a lockfile may pin files of several).
    const instance = context.instance(entry.instance);
    const client = clients.get(instance) ?? context.client({ instance });
    clients.set(instance, client);
    plans.push({
      client,
      detail: await getBlueprint(client, entry.blueprint),
      version: entry.version,
      format: entry.format,
      path: entry.path,
      hierarchy: entry.hierarchy,
      variables: { ...entry.variables, ...variables },
    });
  }
  return plans;
}

/** The variables the instance filled into a rendered file (see LockEntry.filled). */
function filledVariables(file: RenderedFile): string[] | undefined {
  const filled = file.variables.filter((variable) => variable.source !== 'unresolved').map((variable) => variable.name);
  return filled.length ? filled : undefined;
}
