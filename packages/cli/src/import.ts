import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { detect } from '@lynxprompt/formats';
import { pinOfWritten, type BlueprintDetail } from './blueprint-api';
import type { CommandContext } from './context';
import { CliError, ExitCode } from './errors';
import { IGNORED_DIRECTORIES } from './ignored-directories';
import { textOf } from './text';
import { findRoot, LOCK_DIR, readLockfile, safePath, storeBase, upsertEntry, writeLockfile } from './lockfile';

// The instance's batch limits (POST /api/v1/imports): a bigger repository goes in several requests.
const BATCH_FILES = 200;
const BATCH_BYTES = 4 * 1024 * 1024;
const MAX_FILE_BYTES = 256 * 1024;
// A walk stops here: a repository with more candidate files than this is not what `import` is for.
const MAX_WALKED = 20_000;
const SKIPPED_FOLDERS = new Set([...IGNORED_DIRECTORIES, LOCK_DIR]);

export interface FoundFile {
  /** Relative to the imported folder, `/`-separated (the path the hierarchy keeps). */
  path: string;
  format: string;
  content: string;
  /** A skill's other files (references/, scripts/, assets/…), sent with it so the instance attaches them. */
  attachments: { path: string; content: string; encoding: 'utf8' | 'base64' }[];
}

const SKILL_FILE = 'SKILL.md';

/** Every file in `dir` whose path says what format it is (detection by content alone is left out: too eager). */
export function findFormatFiles(dir: string): FoundFile[] {
  const found: FoundFile[] = [];
  let walked = 0;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (++walked > MAX_WALKED) {
        throw new CliError('IMPORT_TOO_MANY_FILES', `${dir} holds more than ${MAX_WALKED} files; import a sub-folder`);
      }
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      const relative = path.relative(dir, full).split(path.sep).join('/');
      if (!detect({ path: relative })) continue;
      if (statSync(full).size > MAX_FILE_BYTES) continue;
      const content = readFileSync(full, 'utf8');
      const detection = detect({ path: relative, content });
      if (detection && detection.method !== 'content') {
        found.push({ path: relative, format: detection.format, content, attachments: [] });
      }
    }
  };
  walk(dir);
  // A skill's folder belongs to it (as the instance's batch import groups it): its files go as attachments, never
  // as items of their own.
  const skills = found.filter((file) => path.posix.basename(file.path) === SKILL_FILE && file.path.includes('/'));
  for (const skill of skills) {
    const folder = path.posix.dirname(skill.path);
    skill.attachments = filesUnder(path.join(dir, folder)).map((file) => ({ ...file, path: `${folder}/${file.path}` }));
  }
  const owned = (file: FoundFile) =>
    !skills.includes(file) && skills.some((skill) => file.path.startsWith(`${path.posix.dirname(skill.path)}/`));
  return found.filter((file) => !owned(file));
}

type Attachment = FoundFile['attachments'][number];

/** Every file below a skill's folder but its SKILL.md: text as utf8, anything else as base64. */
function filesUnder(folder: string): Attachment[] {
  const files: Attachment[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
        continue;
      }
      const relative = path.relative(folder, full).split(path.sep).join('/');
      if (!entry.isFile() || relative === SKILL_FILE || statSync(full).size > MAX_FILE_BYTES) continue;
      const bytes = readFileSync(full);
      const text = textOf(bytes);
      files.push(
        text !== undefined
          ? { path: relative, content: text, encoding: 'utf8' }
          : { path: relative, content: bytes.toString('base64'), encoding: 'base64' },
      );
    }
  };
  walk(folder);
  return files;
}

interface ImportOutcome {
  hierarchyId: string | null;
  items: {
    path: string;
    status: 'created' | 'skipped' | 'failed';
    blueprintId: string | null;
    error: { code: string; message: string } | null;
  }[];
}

export interface ImportedFile {
  path: string;
  format: string;
  status: 'created' | 'failed';
  blueprint?: string;
  version?: number;
  error?: { code: string; message: string };
}

/**
 * Finds every known format under `dir` and imports them as one hierarchy through the instance's batch import, then
 * publishes each (unless --draft) and links it in the lockfile at its path in the repository.
 */
export async function importRepository(
  context: CommandContext,
  dir: string,
  options: { name?: string; draft?: boolean },
): Promise<{ hierarchy: string | null; files: ImportedFile[] }> {
  const folder = path.resolve(context.cwd, dir);
  const root = findRoot(folder);
  const prefix = path.relative(root, folder).split(path.sep).join('/');
  if (prefix.startsWith('..')) throw new CliError('UNSAFE_PATH', `${dir} is outside the repository`);
  const lock = readLockfile(root);
  const client = context.client({ required: true, instance: context.instance(lock.files[0]?.instance) });
  const found = findFormatFiles(folder);
  if (found.length === 0)
    throw new CliError('NOTHING_TO_IMPORT', `No known instruction files under ${dir}`, ExitCode.Usage);

  const progress = context.output.progress('Importing', found.length);
  let hierarchy: string | null = null;
  const results: ImportedFile[] = [];
  try {
    for (const batch of batches(found)) {
      const { body }: { body: ImportOutcome } = await client.json<ImportOutcome>('POST', '/api/v1/imports', {
        body: {
          files: batch.flatMap(({ path: file, content, attachments }) => [{ path: file, content }, ...attachments]),
          items: batch.map(({ path: file, format }) => ({ path: file, format })),
          target: 'hierarchy',
          ...(hierarchy ? { hierarchyId: hierarchy } : { hierarchyName: options.name ?? path.basename(folder) }),
        },
      });
      hierarchy = body.hierarchyId ?? hierarchy;
      for (const item of body.items) {
        const file = batch.find((candidate) => candidate.path === item.path)!;
        progress.tick();
        if (item.status !== 'created' || !item.blueprintId) {
          results.push({
            path: item.path,
            format: file.format,
            status: 'failed',
            error: item.error ?? { code: 'IMPORT_SKIPPED', message: 'skipped' },
          });
          continue;
        }
        let detail: BlueprintDetail;
        if (options.draft) {
          ({ body: detail } = await client.json<BlueprintDetail>('GET', `/api/v1/blueprints/${item.blueprintId}`));
        } else {
          ({ body: detail } = await client.json<BlueprintDetail>(
            'POST',
            `/api/v1/blueprints/${item.blueprintId}/publish`,
            { body: {} },
          ));
        }
        const relative = safePath(root, prefix ? `${prefix}/${item.path}` : item.path);
        storeBase(root, file.content);
        const pin = pinOfWritten(detail, { path: relative, instance: client.instance, content: file.content });
        upsertEntry(lock, { ...pin, hierarchy: hierarchy ?? undefined });
        results.push({
          path: relative,
          format: detail.format,
          status: 'created',
          blueprint: detail.id,
          version: pin.version,
        });
      }
    }
  } finally {
    progress.done();
    if (results.some((file) => file.status === 'created')) writeLockfile(root, lock);
  }
  return { hierarchy, files: results };
}

function* batches(files: FoundFile[]): Generator<FoundFile[]> {
  let batch: FoundFile[] = [];
  let bytes = 0;
  let count = 0;
  for (const file of files) {
    // A skill and its attachments always travel in one request.
    const size = [file, ...file.attachments].reduce((sum, part) => sum + Buffer.byteLength(part.content), 0);
    const parts = 1 + file.attachments.length;
    if (batch.length && (count + parts > BATCH_FILES || bytes + size > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
      count = 0;
    }
    batch.push(file);
    bytes += size;
    count += parts;
  }
  if (batch.length) yield batch;
}
