// The real-world corpus (../shared/data/corpus next to the repository, or LYNXPROMPT_CORPUS_DIR), cut into
// coherent chunks that the catalogue seed recombines into blueprints of realistic size and wording.
import fs from 'node:fs';
import path from 'node:path';

const FAMILIES = [
  { family: 'cursor', folder: 'cursor-rules', suffix: '.mdc' },
  { family: 'copilot', folder: 'copilot-instructions', suffix: '.instructions.md' },
];

/** Chunks above this are split at a blank line (or, inside one long code block, at a line with the fence reopened). */
const MAX_CHUNK_BYTES = 2048;

export function corpusDir(root) {
  const dir = process.env.LYNXPROMPT_CORPUS_DIR
    ? path.resolve(process.env.LYNXPROMPT_CORPUS_DIR)
    : path.resolve(root, '../shared/data/corpus');
  if (!FAMILIES.every(({ folder }) => fs.existsSync(path.join(dir, folder)))) {
    throw new Error(
      `The corpus is missing at ${dir} (expected ${FAMILIES.map((f) => f.folder).join(' and ')}). ` +
        'Set LYNXPROMPT_CORPUS_DIR to the folder holding it.',
    );
  }
  return dir;
}

function parseFrontmatter(text) {
  const match = /^---\n([\s\S]*?)\n---[ \t]*\n?/.exec(text);
  if (!match) return { fields: {}, body: text };
  const fields = {};
  for (const line of match[1].split('\n')) {
    const pair = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (pair) fields[pair[1]] = pair[2].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return { fields, body: text.slice(match[0].length) };
}

const bytes = (text) => Buffer.byteLength(text, 'utf8');

/** Splits one oversized chunk, closing and reopening a code fence when the cut falls inside one. */
function splitLarge(chunk) {
  const pieces = [];
  let current = [];
  let size = 0;
  let fence = null;
  const flush = (reopen) => {
    if (current.length === 0) return;
    if (fence) current.push('```');
    pieces.push(current.join('\n').trim());
    current = reopen && fence ? [fence] : [];
    size = current.length ? bytes(fence) : 0;
  };
  for (const line of chunk.split('\n')) {
    const lineBytes = bytes(line) + 1;
    const atBlank = line.trim() === '' && !fence;
    if (size + lineBytes > MAX_CHUNK_BYTES && (atBlank || size > MAX_CHUNK_BYTES * 1.5)) flush(true);
    if (/^\s*(```|~~~)/.test(line)) fence = fence ? null : line.trim();
    current.push(line);
    size += lineBytes;
  }
  fence = null;
  flush(false);
  return pieces.filter((piece) => piece.length > 0);
}

/** Sections start at a heading outside code fences; each section becomes one or more chunks. */
function chunksOf(body) {
  const sections = [];
  let current = [];
  let inFence = false;
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && /^#{1,3} /.test(line) && current.some((l) => l.trim() !== '')) {
      sections.push(current.join('\n').trim());
      current = [];
    }
    current.push(line);
  }
  sections.push(current.join('\n').trim());
  return sections
    .filter((section) => section.length > 0)
    .flatMap((section) => (bytes(section) > MAX_CHUNK_BYTES ? splitLarge(section) : [section]));
}

const SMALL_WORDS = new Set(['and', 'or', 'for', 'with', 'the', 'of', 'to', 'in', 'on', 'a']);
const ACRONYMS = new Map(
  ['api', 'css', 'html', 'ui', 'ux', 'ai', 'llm', 'sql', 'aws', 'gcp', 'ios', 'js', 'ts', 'php', 'seo', 'ci', 'cd']
    .concat(['cli', 'mcp', 'sdk', 'wcag', 'jsx', 'tsx', 'gpt', 'orm', 'rest', 'json', 'yaml', 'dotnet', 'net'])
    .map((word) => [word, word === 'dotnet' ? '.NET' : word === 'net' ? '.NET' : word.toUpperCase()]),
);
const NOISE = new Set(['cursorrules', 'cursor', 'rules', 'rule', 'prompt', 'file', 'instructions', 'official', 'mdc']);

function titleOf(stem) {
  const words = stem
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter((word) => word && !NOISE.has(word));
  if (words.length === 0) return 'General Guidelines';
  return words
    .map(
      (word, index) =>
        ACRONYMS.get(word) ?? (index > 0 && SMALL_WORDS.has(word) ? word : word[0].toUpperCase() + word.slice(1)),
    )
    .join(' ');
}

function firstProse(body) {
  for (const line of body.split('\n')) {
    const text = line.trim();
    if (text.length > 40 && /^[A-Za-z]/.test(text)) return text;
  }
  return '';
}

/**
 * Every corpus file as `{ family, stem, title, description, globs, chunks, lowerText }`, sorted by path so that a
 * seeded generator produces the same data on every machine.
 */
export function loadCorpus(dir) {
  const docs = [];
  for (const { family, folder, suffix } of FAMILIES) {
    const files = fs
      .readdirSync(path.join(dir, folder))
      .filter((name) => name.endsWith(suffix))
      .sort();
    for (const name of files) {
      const text = fs
        .readFileSync(path.join(dir, folder, name), 'utf8')
        .replace(/\r\n?/g, '\n')
        .replace(/\0/g, '');
      const { fields, body } = parseFrontmatter(text);
      const chunks = chunksOf(body);
      if (chunks.length === 0) continue;
      const stem = name.slice(0, -suffix.length);
      const description = fields.description || firstProse(body);
      docs.push({
        family,
        stem,
        title: titleOf(stem),
        description,
        globs: fields.globs || fields.applyTo || '',
        chunks,
        // What the file is about, for tags and category: its name and description count as much as its text.
        lowerText: `${stem.replace(/-/g, ' ')}\n${description}\n${body}`.toLowerCase(),
      });
    }
  }
  if (docs.length === 0) throw new Error(`The corpus at ${dir} has no usable files`);
  return docs;
}
