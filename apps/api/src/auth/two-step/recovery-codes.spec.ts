import {
  generateRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
} from './recovery-codes';

describe('recovery codes', () => {
  it('come ten at a time as xxxx-xxxx-xxxx over a 32-symbol alphabet (60 bits each), all different', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    for (const code of codes)
      expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('use every symbol of the alphabet, so the entropy is really 5 bits per symbol', () => {
    const seen = new Set(Array.from({ length: 200 }, generateRecoveryCode).join('').replace(/-/g, ''));
    expect(seen.size).toBe(32);
  });

  it('accept what people type: upper case, spaces, missing hyphens', () => {
    expect(normalizeRecoveryCode(' AB12-cd34-EF56 ')).toBe('ab12cd34ef56');
    expect(normalizeRecoveryCode('ab12 cd34 ef56')).toBe('ab12cd34ef56');
  });

  it('refuse anything that cannot be a code', () => {
    expect(normalizeRecoveryCode('ab12-cd34')).toBeUndefined();
    expect(normalizeRecoveryCode('ab12-cd34-ef5u')).toBeUndefined();
    expect(normalizeRecoveryCode('')).toBeUndefined();
  });

  it('hash per user, so the same code of two users is stored differently', () => {
    expect(hashRecoveryCode('user-1', 'ab12cd34ef56')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode('user-1', 'ab12cd34ef56')).not.toBe(hashRecoveryCode('user-2', 'ab12cd34ef56'));
  });
});
