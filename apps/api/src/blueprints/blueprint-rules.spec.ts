import { normaliseTags, usableTags } from './blueprint-rules';
import { InvalidTagError, TooManyTagsError } from './blueprints.errors';

describe('normaliseTags (tags a person sent)', () => {
  it('stores each tag in its canonical spelling, once, in the order given', () => {
    expect(normaliseTags(['Unit Testing', 'ci/cd', '.NET', ' ', 'unit-testing'])).toEqual([
      'unit-testing',
      'ci-cd',
      'dotnet',
    ]);
  });

  it('refuses more than ten tags before looking at any one of them', () => {
    const tags = [...Array.from({ length: 11 }, (_, index) => `t${index}`), 'x'.repeat(40)];
    expect(() => normaliseTags(tags)).toThrow(TooManyTagsError);
  });

  it('refuses a tag too long to keep whole rather than cutting it, naming it as it would be stored', () => {
    expect(() => normaliseTags(['fine', 'Far Too Long To Be A Tag On This Instance'])).toThrow(
      new InvalidTagError('far-too-long-to-be-a-tag-on-this-instance'),
    );
  });
});

describe('usableTags (tags from a peer)', () => {
  it('normalises free-form tags instead of dropping them, drops what is still unusable and keeps ten', () => {
    expect(usableTags(['Unit Testing', 'C#', 'c#', 'x'.repeat(40), '日本語', '#'])).toEqual(['unit-testing', 'c#']);
    const many = Array.from({ length: 15 }, (_, index) => `Tag ${index}`);
    expect(usableTags(many)).toEqual(many.slice(0, 10).map((tag) => tag.toLowerCase().replace(' ', '-')));
  });
});
