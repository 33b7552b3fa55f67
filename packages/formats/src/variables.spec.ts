import { parseVariables, renderTemplate } from './variables';

describe('parseVariables', () => {
  it('finds names case-insensitively, canonicalised, with 1-based positions', () => {
    const content = 'Hello [[name]]!\n  Team: [[TEAM|core]] and [[Name]].';
    expect(parseVariables(content)).toEqual([
      {
        name: 'NAME',
        occurrences: [
          { line: 1, column: 7 },
          { line: 2, column: 27 },
        ],
      },
      { name: 'TEAM', defaultValue: 'core', occurrences: [{ line: 2, column: 9 }] },
    ]);
  });

  it('lets a default contain |, spaces and single brackets, and keeps the first default', () => {
    expect(parseVariables('[[SEP|a | b]] [[SEP|other]] [[LIST|[x]]]')).toEqual([
      {
        name: 'SEP',
        defaultValue: 'a | b',
        occurrences: [
          { line: 1, column: 1 },
          { line: 1, column: 15 },
        ],
      },
      { name: 'LIST', defaultValue: '[x', occurrences: [{ line: 1, column: 29 }] },
    ]);
    expect(parseVariables('[[EMPTY|]]')).toEqual([
      { name: 'EMPTY', defaultValue: '', occurrences: [{ line: 1, column: 1 }] },
    ]);
  });

  it('ignores [[ without a closing ]], names that are not identifiers and defaults across lines', () => {
    expect(parseVariables('[[OPEN and more text')).toEqual([]);
    expect(parseVariables('[[not a name]] [[1ST]] [[]]')).toEqual([]);
    expect(parseVariables('[[A|line one\nline two]]')).toEqual([]);
    expect(parseVariables('[[[INNER]]]')).toEqual([{ name: 'INNER', occurrences: [{ line: 1, column: 2 }] }]);
  });
});

describe('renderTemplate', () => {
  const content = 'Key: [[API_KEY]]\nRegion: [[region|eu-west-1]]\nOwner: [[OWNER]]\nAgain: [[api_key]]';

  it('applies request, then saved, then default, with case-insensitive keys', () => {
    const result = renderTemplate(content, {
      request: { api_key: 'from-request' },
      saved: { API_KEY: 'from-saved', Owner: 'alice' },
    });
    expect(result.content).toBe('Key: from-request\nRegion: eu-west-1\nOwner: alice\nAgain: from-request');
    expect(result.variables).toEqual([
      { name: 'API_KEY', source: 'request' },
      { name: 'REGION', source: 'default' },
      { name: 'OWNER', source: 'saved' },
    ]);
    expect(result.unresolved).toEqual([]);
  });

  it('leaves unresolved placeholders as written and reports them', () => {
    const result = renderTemplate(content, { saved: { region: 'us-east-1' } });
    expect(result.content).toBe('Key: [[API_KEY]]\nRegion: us-east-1\nOwner: [[OWNER]]\nAgain: [[api_key]]');
    expect(result.unresolved).toEqual(['API_KEY', 'OWNER']);
    expect(result.variables.find((variable) => variable.name === 'REGION')?.source).toBe('saved');
  });

  it('uses a default given on another occurrence, and an empty request value counts as given', () => {
    const result = renderTemplate('[[X]] [[X|fallback]] [[Y|d]]', { request: { y: '' } });
    expect(result.content).toBe('fallback fallback ');
    expect(result.variables).toEqual([
      { name: 'X', source: 'default' },
      { name: 'Y', source: 'request' },
    ]);
  });

  it('inserts values literally, never expanding placeholders inside them', () => {
    const result = renderTemplate('[[A]] [[B]]', { request: { A: '[[B]] $& $1', B: 'b' } });
    expect(result.content).toBe('[[B]] $& $1 b');
  });

  it('leaves text without variables untouched', () => {
    expect(renderTemplate('No [[ variables ]] here [[', {})).toEqual({
      content: 'No [[ variables ]] here [[',
      variables: [],
      unresolved: [],
    });
  });
});
