import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { detect } from '@lynxprompt/formats';
import type { BlueprintDetail } from './blueprint-api';
import { refOf } from './blueprint-api';
import type { CommandContext } from './context';
import { CliError, ExitCode } from './errors';
import { findRoot, LOCK_DIR, readLockfile, safePath, sha256, storeBase, upsertEntry, writeLockfile } from './lockfile';

// The instance's batch limits (POST /api/v1/imports): a bigger repository goes in several requests.
const BATCH_FILES = 200;
const BATCH_BYTES = 4 * 1024 * 1024;
const MAX_FILE_BYTES = 256 * 1024;
// A walk stops here: a repository with more candidate files than this is not what `import` is for.
const MAX_WALKED = 20_000;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', LOCK_DIR, 'dist', 'build', 'vendor', '.venv']);

export interface FoundFile {
  /** Relative to the imported folder, `/`-separated (the path the hierarchy keeps). */
  path: string;
  format: string;
  content: string;
}

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
      if (detection && detection.method !== 'content')
        found.push({ path: relative, format: detection.format, content });
    }
  };
  walk(dir);
  return found;
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
          files: batch.map(({ path: file, content }) => ({ path: file, content })),
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
        upsertEntry(lock, {
          path: relative,
          instance: client.instance,
          blueprint: detail.id,
          ref: refOf(detail),
          version: detail.publishedVersion ?? detail.version,
          format: detail.format,
          sha256: sha256(file.content),
          revision: detail.revision,
          hierarchy: hierarchy ?? undefined,
        });
        results.push({
          path: relative,
          format: detail.format,
          status: 'created',
          blueprint: detail.id,
          version: detail.publishedVersion ?? detail.version,
        });
      }
    }
  } finally {
    progress.done();
    writeLockfile(root, lock);
  }
  return { hierarchy, files: results };
}

function* batches(files: FoundFile[]): Generator<FoundFile[]> {
  let batch: FoundFile[] = [];
  let bytes = 0;
  for (const file of files) {
    const size = Buffer.byteLength(file.content);
    if (batch.length && (batch.length === BATCH_FILES || bytes + size > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(file);
    bytes += size;
  }
  if (batch.length) yield batch;
}
