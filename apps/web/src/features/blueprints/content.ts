/** Splits a leading YAML frontmatter block (`---` … `---`, as in Cursor `.mdc` and Copilot files) from the body. */
export function splitFrontmatter(content: string): { frontmatter: string | null; body: string } {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(content);
  if (!match) return { frontmatter: null, body: content };
  return { frontmatter: match[1] ?? '', body: content.slice(match[0].length) };
}

/**
 * Top-level `key: value` pairs of a frontmatter block, read leniently: Cursor writes `globs: *.ts` unquoted, which is
 * not valid YAML, so a strict parser would reject real files. Indented or `- ` lines continue the previous key.
 */
export function frontmatterEntries(frontmatter: string): Array<{ key: string; value: string }> {
  const entries: Array<{ key: string; value: string }> = [];
  for (const line of frontmatter.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const pair = /^([A-Za-z0-9_.-]+)\s*:\s?(.*)$/.exec(line);
    if (pair) {
      entries.push({ key: pair[1] ?? '', value: unquote((pair[2] ?? '').trim()) });
      continue;
    }
    const last = entries.at(-1);
    if (!last) return [];
    const item = line.trim().replace(/^-\s+/, '');
    last.value = last.value ? `${last.value}, ${unquote(item)}` : unquote(item);
  }
  return entries;
}

function unquote(value: string): string {
  return /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** The highlight.js language of a content syntax, or undefined for Markdown (rendered, not shown as code). */
export function codeLanguageOf(syntax: string | undefined, content: string): string | undefined {
  if (syntax === 'json' || syntax === 'yaml' || syntax === 'toml') return syntax === 'toml' ? 'ini' : syntax;
  if (syntax === 'markdown' || syntax === 'mdc') return undefined;
  // Unknown format (registry not loaded yet): JSON is recognisable on its own, everything else is Markdown.
  return /^\s*[{[]/.test(content) && isJson(content) ? 'json' : undefined;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A Markdown code fence that the content itself cannot close: one backtick longer than its longest run. */
export function fenced(code: string, language: string): string {
  const longest = Math.max(0, ...Array.from(code.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  // The closing fence goes on its own line; a final newline of the code is that line break, not an extra empty line.
  return `${fence}${language}\n${code.endsWith('\n') ? code : `${code}\n`}${fence}`;
}

export function countLines(content: string): number {
  if (content === '') return 0;
  let lines = 1;
  for (let index = content.indexOf('\n'); index !== -1; index = content.indexOf('\n', index + 1)) lines += 1;
  return content.endsWith('\n') ? lines - 1 : lines;
}

export function byteLength(content: string): number {
  return new TextEncoder().encode(content).length;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}
