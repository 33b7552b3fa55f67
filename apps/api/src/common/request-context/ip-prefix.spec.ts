import { ipPrefix } from './ip-prefix';

describe('ipPrefix', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:198.51.100.9', '198.51.100.0/24'],
    ['2001:db8:abcd:12:34::1', '2001:db8:abcd::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
  ])('truncates %s to %s', (address, expected) => {
    expect(ipPrefix(address)).toBe(expected);
  });

  it('returns null for a missing or malformed address', () => {
    expect(ipPrefix(undefined)).toBeNull();
    expect(ipPrefix('not-an-ip')).toBeNull();
  });
});
