import { formatUserCode, generateUserCode, normalizeUserCode, userCodeDigest, USER_CODE_ALPHABET } from './user-code';

describe('device user codes', () => {
  it('are 8 characters of the unambiguous alphabet', () => {
    for (let index = 0; index < 200; index += 1) {
      const code = generateUserCode();
      expect(code).toHaveLength(8);
      expect([...code].every((char) => USER_CODE_ALPHABET.includes(char))).toBe(true);
    }
  });

  it('are shown as XXXX-XXXX', () => {
    expect(formatUserCode('BCDFGHJK')).toBe('BCDF-GHJK');
  });

  it.each(['bcdf-ghjk', 'BCDFGHJK', ' bcdf ghjk ', 'Bcdf-Ghjk'])(
    'read %p back regardless of case and hyphens',
    (input) => {
      expect(normalizeUserCode(input)).toBe('BCDFGHJK');
    },
  );

  it.each(['BCDF-GHJ', 'BCDF-GHJKL', 'ABCD-EFGH', 'BCDF-GHJ0', ''])('refuse %p', (input) => {
    expect(normalizeUserCode(input)).toBeUndefined();
  });

  it('are stored as a keyed digest that depends on the secret', () => {
    expect(userCodeDigest('BCDFGHJK', 'one')).toMatch(/^[0-9a-f]{64}$/);
    expect(userCodeDigest('BCDFGHJK', 'one')).not.toBe(userCodeDigest('BCDFGHJK', 'two'));
    expect(userCodeDigest('BCDFGHJK', 'one')).toBe(userCodeDigest('BCDFGHJK', 'one'));
  });
});
