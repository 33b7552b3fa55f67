import { detail, formats } from '../blueprints/testing/blueprint-fixtures';
import { EMPTY_FIELDS, effectiveFormat, fieldsOf, parseTags, tagsError, updateBody } from './editor-form';

describe('tags', () => {
  it('normalises like the API: trimmed, lower-case, no #, no duplicates', () => {
    expect(parseTags(' React, #testing,react,, ')).toEqual(['react', 'testing']);
  });

  it('reports more than 10 tags and invalid ones', () => {
    expect(tagsError('a,b,c,d,e,f,g,h,i,j')).toBeUndefined();
    expect(tagsError('a,b,c,d,e,f,g,h,i,j,k,l')).toBe('At most 10 tags: remove 2.');
    expect(tagsError('ok, not ok')).toMatch(/“not ok” is not a valid tag/);
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
