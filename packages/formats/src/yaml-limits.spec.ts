import { parseDocument } from 'yaml';
import { FormatParseError } from './formats.errors';
import { importFile } from './index';
import { MAX_YAML_LENGTH, MAX_YAML_LINES, repeatedKeyOffset, USER_YAML_OPTIONS } from './yaml-limits';

const frontmatter = (lines: string[]) => ['---', ...lines, '---', '# Rules', ''].join('\n');
const keys = (count: number) => Array.from({ length: count }, (_, index) => `key${index}: value ${index}`);

function parseFailure(content: string, format = 'cursor-rules'): FormatParseError {
  try {
    importFile({ content, format });
  } catch (error) {
    if (error instanceof FormatParseError) return error;
    throw error;
  }
  throw new Error('expected a FormatParseError');
}

/**
 * Issue 10's event-loop budget: a 6,000-key frontmatter held the loop for seconds, because yaml's uniqueKeys check
 * compares each key with every earlier one. YAML from users is now bounded in lines before the parser runs, and
 * repeated keys are found with one set per mapping.
 */
describe('bounds on YAML from users', () => {
  it('refuses frontmatter over the line limit before the YAML parser sees it', () => {
    // The second line is not YAML at all: a parser that ran first would report that instead.
    const failure = parseFailure(frontmatter(['title: [unclosed', ...keys(1_500)]));
    expect(failure.code).toBe('FORMAT_PARSE_FAILED');
    expect(failure.message).toBe(`YAML longer than ${MAX_YAML_LINES} lines.`);
    expect(failure.details).toMatchObject({ part: 'frontmatter', line: 2 });
  });

  it('still reads frontmatter within the limit', () => {
    const { document } = importFile({
      content: frontmatter(['description: Rules', ...keys(500)]),
      format: 'cursor-rules',
    });
    expect(document.description).toBe('Rules');
  });

  it('still refuses a repeated key, with its line, in block and in flow mappings', () => {
    const block = parseFailure(frontmatter([...keys(900), 'key3: again']));
    expect(block.message).toBe('Invalid YAML frontmatter: Map keys must be unique');
    expect(block.details).toMatchObject({ part: 'frontmatter', line: 902, column: 1 });

    const flow = parseFailure(frontmatter(['description: Rules', 'metadata: { a: 1, b: 2, a: 3 }']));
    expect(flow.message).toBe('Invalid YAML frontmatter: Map keys must be unique');
    expect(flow.details).toMatchObject({ line: 3 });

    const mcp = parseFailure('schema: v1\nmcpServers:\n  - name: one\n    name: two\n', 'continue-mcp');
    expect(mcp.message).toContain('Map keys must be unique');
    expect(mcp.details).toMatchObject({ part: 'yaml', line: 4, column: 5 });
  });

  it('finds repeated keys at any depth, and none where keys differ', () => {
    const nested = parseDocument('a:\n  b:\n    c: 1\n    c: 2\n', USER_YAML_OPTIONS);
    expect(nested.errors).toEqual([]);
    expect(repeatedKeyOffset(nested)).toBe('a:\n  b:\n    c: 1\n    '.length);
    expect(repeatedKeyOffset(parseDocument('a: 1\nb: { a: 1 }\n', USER_YAML_OPTIONS))).toBeUndefined();
  });
});

describe('the length of YAML from users', () => {
  it('refuses a YAML file over 64 KB before the parser sees it, with the part named', () => {
    const hostile = `name: x\nd: ${': '.repeat(40_000)}\n`;
    let failure: unknown;
    try {
      importFile({ content: hostile, format: 'continue-mcp' });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(FormatParseError);
    expect((failure as FormatParseError).message).toBe(`YAML longer than ${MAX_YAML_LENGTH / 1024} KB.`);
    expect((failure as FormatParseError).details).toMatchObject({ format: 'continue-mcp', part: 'yaml' });
  });
});
