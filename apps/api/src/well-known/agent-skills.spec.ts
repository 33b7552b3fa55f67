import { AGENT_SKILL_NAME, SkillNames, skillDescription, skillNameOf } from './agent-skills';

describe('agent skill names', () => {
  it('turns any slug into a name the spec accepts', () => {
    for (const slug of ['PDF_forms', '--a--b--', '日本語', '', 'x'.repeat(100), `${'a'.repeat(63)}-b`, 'a.b c']) {
      expect(skillNameOf(slug)).toMatch(AGENT_SKILL_NAME);
    }
    expect(skillNameOf('PDF_forms')).toBe('pdf-forms');
    expect(skillNameOf('日本語')).toBe('skill');
    expect(skillNameOf(`${'a'.repeat(63)}-b`)).toBe('a'.repeat(63));
  });

  it('hands out unique names in order, still within 64 characters', () => {
    const names = new SkillNames();
    const long = 'a'.repeat(64);
    expect([names.claim('review'), names.claim('Review'), names.claim('review')]).toEqual([
      'review',
      'review-2',
      'review-3',
    ]);
    const claimed = [names.claim(long), names.claim(long)];
    expect(claimed[1]).toBe(`${'a'.repeat(62)}-2`);
    for (const name of claimed) expect(name).toMatch(AGENT_SKILL_NAME);
  });

  it('keeps descriptions within 1024 characters and never empty', () => {
    expect([...skillDescription('é'.repeat(2000), 'x')]).toHaveLength(1024);
    expect(skillDescription('  ', 'Code review')).toBe('Code review');
  });
});
