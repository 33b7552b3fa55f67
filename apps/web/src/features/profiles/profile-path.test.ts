import { profilePath, remoteAuthorProfileUrl } from './profile-path';

describe('profilePath', () => {
  it('is /@handle, with anything unusual escaped so it stays one path segment', () => {
    expect(profilePath('ada')).toBe('/@ada');
    expect(profilePath('acme-corp')).toBe('/@acme-corp');
    expect(profilePath('../admin')).toBe('/@..%2Fadmin');
  });
});

describe('remoteAuthorProfileUrl', () => {
  const remote = { instance: 'prompts.example.org', local: false, url: 'https://prompts.example.org/blueprints/x' };

  it('is the http(s) profile URL the API gives for a remote author', () => {
    expect(remoteAuthorProfileUrl({ ...remote, authorProfileUrl: 'https://prompts.example.org/@carol' } as never)).toBe(
      'https://prompts.example.org/@carol',
    );
  });

  it('is undefined for local blueprints, missing URLs and anything but http(s)', () => {
    expect(remoteAuthorProfileUrl({ instance: 'lynx.test', local: true })).toBeUndefined();
    expect(remoteAuthorProfileUrl(remote)).toBeUndefined();
    expect(remoteAuthorProfileUrl({ ...remote, authorProfileUrl: 'javascript:alert(1)' } as never)).toBeUndefined();
  });
});
