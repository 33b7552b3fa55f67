// Plugin uploads built from the repository corpus (test/fixtures/corpus, assembled on this machine): the files of
// real plugin folders as POST /plugins/import takes them, with paths relative to the repository root.
import fs from 'node:fs';
import path from 'node:path';
import { corpusDir, readCorpusFile } from '../fixtures/corpus/corpus';

export interface UploadFile {
  path: string;
  content: string;
  encoding: 'utf8' | 'base64';
}

/** Every file under `<repo>/<folder>` of the corpus, text as utf8 and anything holding a NUL as base64. */
export function corpusFolder(repo: string, folder: string): UploadFile[] {
  const found: UploadFile[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(corpusDir, repo, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(child);
        continue;
      }
      const bytes = fs.readFileSync(path.join(corpusDir, repo, child));
      found.push(
        bytes.includes(0)
          ? { path: child, content: bytes.toString('base64'), encoding: 'base64' }
          : { path: child, content: bytes.toString('utf8'), encoding: 'utf8' },
      );
    }
  };
  walk(folder);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

const OFFICIAL = 'anthropics+claude-plugins-official';

/**
 * hookify and example-plugin from anthropics/claude-plugins-official, with the repository's marketplace cut down in
 * memory to hookify's entry as written plus an entry for example-plugin (which the upstream file does not list).
 */
export function officialPluginsUpload(): UploadFile[] {
  const marketplace = JSON.parse(readCorpusFile(`${OFFICIAL}/.claude-plugin/marketplace.json`)) as {
    plugins: Array<Record<string, unknown> & { name: string }>;
  };
  const example = JSON.parse(readCorpusFile(`${OFFICIAL}/plugins/example-plugin/.claude-plugin/plugin.json`)) as object;
  marketplace.plugins = [
    ...marketplace.plugins.filter((plugin) => plugin.name === 'hookify'),
    { ...example, name: 'example-plugin', source: './plugins/example-plugin', category: 'development' },
  ];
  return [
    { path: '.claude-plugin/marketplace.json', content: JSON.stringify(marketplace, null, 2), encoding: 'utf8' },
    ...corpusFolder(OFFICIAL, 'plugins/hookify'),
    ...corpusFolder(OFFICIAL, 'plugins/example-plugin'),
  ];
}

const WSHOBSON = 'wshobson+agents';

/** wshobson/agents as published: its Claude Code, Cursor and Codex marketplaces and the named plugin folders. */
export function multiToolUpload(plugins: string[]): UploadFile[] {
  const marketplaces = [
    '.claude-plugin/marketplace.json',
    '.cursor-plugin/marketplace.json',
    '.agents/plugins/marketplace.json',
  ];
  return [
    ...marketplaces.map((file) => ({
      path: file,
      content: readCorpusFile(`${WSHOBSON}/${file}`),
      encoding: 'utf8' as const,
    })),
    ...plugins.flatMap((plugin) => corpusFolder(WSHOBSON, `plugins/${plugin}`)),
  ];
}
