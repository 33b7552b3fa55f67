import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Response } from 'supertest';
import {
  isCorpusAssembled,
  loadCorpusManifest,
  NOT_ASSEMBLED_NOTE,
  readCorpusBytes,
  readCorpusFile,
} from '../fixtures/corpus/corpus';
import { signInAs, TestSignInModule, type SignedIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

const assembled = isCorpusAssembled();
if (!assembled) console.warn(`${NOT_ASSEMBLED_NOTE}. Skipped.`);

function binary(response: Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

function requestFile(filePath: string, bytes: Buffer) {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) && !text.includes('\u0000')
    ? { path: filePath, content: text, encoding: 'utf8' }
    : { path: filePath, content: bytes.toString('base64'), encoding: 'base64' };
}

// Every multi-file skill of the real-world corpus, at the default limits.
(assembled ? describe : describe.skip)(
  'Every multi-file skill of the corpus imports with its files and exports as the same folder',
  () => {
    let testApp: TestApp;
    let owner: SignedIn;

    beforeAll(async () => {
      testApp = await startTestApp({
        extraImports: [TestSignInModule],
        env: { QUOTA_STORAGE_BYTES_PER_USER: String(1024 * 1024 * 1024) },
      });
      owner = await signInAs(testApp, 'corpus-skills@example.org');
    });
    afterAll(() => testApp.close());

    it('keeps every attached file byte for byte through import and a zip export', async () => {
      const skills = loadCorpusManifest().files.filter(
        (entry) => entry.kind === 'skill' && (entry.attachments?.length ?? 0) > 0,
      );
      const known = new Set(
        ((await testApp.http.get('/api/v1/formats').expect(200)).body.items as { id: string }[]).map((item) => item.id),
      );
      const refused = new Map<string, string[]>();
      let imported = 0;
      let files = 0;
      const findings = { secret: 0, 'hidden-instruction': 0 } as Record<string, number>;
      for (const skill of skills) {
        const folder = path.posix.dirname(skill.file);
        const attached = new Map(
          skill.attachments!.map((file) => [file, readCorpusBytes(path.posix.join(folder, file))]),
        );
        // Formats the registry does not have yet (gemini-skill, codex-skill) are the same Agent Skills SKILL.md.
        const format = known.has(skill.format) ? skill.format : 'claude-skill';
        const response = await owner.agent
          .post('/api/v1/blueprints/import')
          .set(owner.writeHeaders)
          .send({
            content: readCorpusFile(skill.file),
            path: skill.toolPath,
            format,
            files: [...attached].map(([file, bytes]) => requestFile(file, bytes)),
          });
        if (response.status !== 201) {
          const code = (response.body as { error?: { code?: string } }).error?.code ?? String(response.status);
          refused.set(code, [...(refused.get(code) ?? []), skill.file]);
          continue;
        }
        imported += 1;
        files += attached.size;
        const detail = response.body as {
          id: string;
          files: { path: string; findings: { category: string }[] }[];
        };
        for (const finding of detail.files.flatMap((file) => file.findings)) {
          findings[finding.category] = (findings[finding.category] ?? 0) + 1;
        }
        expect(detail.files.map((file) => file.path).sort()).toEqual([...attached.keys()].sort());
        const zip = await owner.agent
          .get(`/api/v1/blueprints/${detail.id}/export`)
          .query({ archive: 'zip' })
          .buffer(true)
          .parse(binary)
          .expect(200);
        const entries = unzipSync(new Uint8Array(zip.body as Buffer));
        const main = Object.keys(entries).find((entry) => entry.endsWith('/SKILL.md'))!;
        const root = main.slice(0, main.lastIndexOf('/') + 1);
        for (const [file, bytes] of attached) {
          const entry = entries[`${root}${file}`];
          if (!entry || Buffer.compare(Buffer.from(entry), bytes) !== 0)
            throw new Error(`${skill.file}: ${file} differs`);
        }
      }
      // The measurement, for docs/blueprints.md.
      console.log(
        `corpus skills with files: ${skills.length}; imported ${imported} with ${files} files ` +
          `(findings in them: ${JSON.stringify(findings)}); refused: ${JSON.stringify(Object.fromEntries(refused))}`,
      );
      // No skill of the corpus is refused: not for its files, not for its SKILL.md.
      expect(Object.fromEntries(refused)).toEqual({});
      expect(imported).toBe(skills.length);
    });
  },
);
