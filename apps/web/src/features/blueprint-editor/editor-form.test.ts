import { detail, formats } from '../blueprints/testing/blueprint-fixtures';
import { EMPTY_FIELDS, effectiveFormat, fieldsOf, parseTags, tagsError, tagsHint, updateBody } from './editor-form';

describe('tags', () => {
  it('spells tags the way the API stores them, each once', () => {
    expect(parseTags(' React, #testing,react,, ')).toEqual(['react', 'testing']);
    expect(parseTags('Unit Testing, ci/cd, .NET, C#, Node.js, café, unit_testing')).toEqual([
      'unit-testing',
      'ci-cd',
      'dotnet',
      'c#',
      'node.js',
      'cafe',
    ]);
  });

  it('reports more than 10 tags, a tag too long to keep whole and one of which nothing is left', () => {
    expect(tagsError('a,b,c,d,e,f,g,h,i,j')).toBeUndefined();
    expect(tagsError('ok, not ok')).toBeUndefined();
    expect(tagsError('a,b,c,d,e,f,g,h,i,j,k,l')).toBe('At most 10 tags: remove 2.');
    expect(tagsError('ok, A Tag Much Longer Than Thirty Two Characters')).toBe(
      '“a-tag-much-longer-than-thirty-two-characters” is too long for a tag: at most 32 characters.',
    );
    expect(tagsError('ok, 日本語')).toMatch(/^“日本語” cannot be a tag/);
  });

  it('says how the tags will be saved when that is not how they were typed', () => {
    expect(tagsHint('')).toBe('Comma-separated, up to 10 (0 so far).');
    expect(tagsHint('react, node.js')).toBe('Comma-separated, up to 10 (2 so far).');
    expect(tagsHint('React, Unit Testing, react')).toBe(
      'Comma-separated, up to 10 (2 so far), saved as: react, unit-testing.',
    );
  });
});

describe('effectiveFormat', () => {
  it('keeps a format that fits the kind and falls back to the kind’s first one', () => {
    expect(effectiveFormat({ ...EMPTY_FIELDS, kind: 'rules', format: 'cursor-rules' }, formats)).toBe('cursor-rules');
    expect(effectiveFormat({ ...EMPTY_FIELDS, kind: 'command', format: 'cursor-rules' }, formats)).toBe(
      'claude-command',
    );
    expect(effectiveFormat({ ...EMPTY_FIELDS, kind: 'rules', format: '' }, formats)).toBe('agents-md');
  });
});

describe('updateBody', () => {
  it('is empty when nothing changed, and carries only the changed fields', () => {
    const base = detail({ category: null, tags: ['react'] });
    const fields = fieldsOf(base);
    expect(updateBody(fields, base.format, base)).toEqual({});
    expect(
      updateBody({ ...fields, category: 'testing', tags: 'react, vitest', publish: true }, base.format, base, ['f_1']),
    ).toEqual({ category: 'testing', tags: ['react', 'vitest'], publish: true, acknowledgedFindings: ['f_1'] });
    expect(updateBody({ ...fields, category: '' }, 'agents-md', { ...base, category: 'web' })).toEqual({
      category: null,
      format: 'agents-md',
    });
  });
});
