import { migrationNameProblem, migrationTimestamp, nextMigrationTimestamp } from './migration-files';

describe('migration names', () => {
  it.each(['init', 'add_user_avatar', '2fa_secrets'])('accepts %s', (name) => {
    expect(migrationNameProblem(name)).toBeNull();
  });

  it.each(['', 'AddUser', 'add-user', 'add user', 'add/user', 'ä', 'x'.repeat(201)])('rejects %j', (name) => {
    expect(migrationNameProblem(name)).toMatch(/^Invalid migration name/);
  });
});

describe('migration timestamps', () => {
  const now = new Date('2025-03-04T05:06:07.890Z');

  it('formats UTC as yyyyMMddHHmmss', () => {
    expect(migrationTimestamp(now)).toBe('20250304050607');
  });

  it('uses the current time when it sorts after every existing migration', () => {
    expect(nextMigrationTimestamp(now, ['20250101000000_init'])).toBe('20250304050607');
  });

  it('moves past the newest migration when the clock is behind or within the same second', () => {
    expect(nextMigrationTimestamp(now, ['20250304050607_a'])).toBe('20250304050608');
    expect(nextMigrationTimestamp(now, ['20250101000000_a', '20251231235959_b'])).toBe('20260101000000');
  });
});
