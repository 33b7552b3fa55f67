import path from 'node:path';
import {
  corpusAttachments,
  isCorpusAssembled,
  loadCorpusManifest,
  NOT_ASSEMBLED_NOTE,
  readCorpusBytes,
  type CorpusEntry,
} from '../fixtures/corpus/corpus';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const assembled = isCorpusAssembled();
if (!assembled) console.warn(`${NOT_ASSEMBLED_NOTE}. Skipped.`);

type File = { path: string; content: string; encoding: 'utf8' | 'base64' };
interface PreviewItem {
  path: string;
  status: string;
  detection: { format: string; kind: string } | null;
  attachments: { path: string }[];
}

/** A corpus entry as a repository holds it: the file at its repository path, a skill's files beside it. */
function filesOf(entry: CorpusEntry): File[] {
  const bytes = readCorpusBytes(entry.file);
  const main: File = { path: entry.repositoryPath, content: bytes.toString('utf8'), encoding: 'utf8' };
  const folder = path.posix.dirname(entry.repositoryPath);
  const attachments = corpusAttachments(entry).map((file) => ({ ...file, path: `${folder}/${file.path}` }));
  return [main, ...attachments];
}

/** Requests of at most 200 files and 3.5 MB, each repository's entries together, a skill never split. */
function requests(entries: readonly CorpusEntry[]): { repository: string; files: File[] }[] {
  const batches: { repository: string; files: File[] }[] = [];
  for (const entry of entries) {
    const repository = entry.file.split('/')[0]!;
    const files = filesOf(entry);
    const size = (list: File[]) => list.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
    const last = batches.at(-1);
    if (
      last &&
      last.repository === repository &&
      last.files.length + files.length <= 200 &&
      size(last.files) + size(files) <= 3.5 * 1024 * 1024 &&
      !last.files.some((file) => files.some((other) => other.path === file.path))
    ) {
      last.files.push(...files);
    } else {
      batches.push({ repository, files });
    }
  }
  return batches;
}

/**
 * The repository corpus (657 real files from 15 repositories, see test/fixtures/corpus) previewed through the batch
 * API at their repository paths: every file is recognised with its kind, and every skill comes with its files.
 */
(assembled ? describe : describe.skip)('Imports: the repository corpus through the batch preview', () => {
  let testApp: TestApp;
  let user: SignedIn;

  beforeAll(async () => {
    testApp = await startTestApp({
      extraImports: [TestSignInModule],
      env: { BODY_LIMIT_BYTES: String(8 * 1024 * 1024) },
    });
    user = await signInAs(testApp, 'corpus.importer@example.org');
  });
  afterAll(() => testApp?.close());

  it('recognises every file at its repository path with its kind, skills with their attachments', async () => {
    const manifest = loadCorpusManifest();
    const wanted = new Map(
      manifest.files.map((entry) => [entry.repositoryPath + '\u0000' + entry.file.split('/')[0], entry]),
    );
    const seen = new Map<string, PreviewItem>();
    for (const batch of requests(manifest.files)) {
      const response = await user.agent
        .post('/api/v1/imports/preview')
        .set(user.writeHeaders)
        .send({ files: batch.files });
      expect(response.status).toBe(200);
      for (const item of response.body.items as PreviewItem[]) seen.set(item.path + '\u0000' + batch.repository, item);
    }
    const wrong: string[] = [];
    for (const [key, entry] of wanted) {
      const item = seen.get(key);
      if (!item) wrong.push(`${entry.file}: not an item (taken as another's attachment)`);
      else if (item.status !== 'ready' || item.detection?.kind !== entry.kind) {
        wrong.push(
          `${entry.file}: ${item.status} ${item.detection?.format ?? ''}/${item.detection?.kind ?? ''}, want ${entry.kind}`,
        );
      } else if (item.attachments.length !== (entry.attachments ?? []).length) {
        wrong.push(`${entry.file}: ${item.attachments.length} attachments, want ${(entry.attachments ?? []).length}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});
