import { classifyAddress, isAddressAllowed, normalizeIpLiteral } from './address-policy';

describe('outbound address policy', () => {
  const denied: Array<[string, string]> = [
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade-nat'],
    ['100.127.255.255', 'carrier-grade-nat'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['192.0.0.8', 'ietf-protocol-assignments'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.99', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['192.88.99.1', '6to4-relay'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'ipv4-mapped:loopback'],
    ['::ffff:7f00:1', 'ipv4-mapped:loopback'],
    ['::ffff:169.254.169.254', 'ipv4-mapped:link-local'],
    ['::ffff:8.8.8.8', 'ipv4-mapped'],
    ['::ffff:0:8.8.8.8', 'ipv4-translated'],
    ['::127.0.0.1', 'ipv4-compatible'],
    ['::8.8.8.8', 'ipv4-compatible'],
    ['64:ff9b::7f00:1', 'nat64'],
    ['64:ff9b::808:808', 'nat64'],
    ['64:ff9b:1::1', 'nat64'],
    ['100::1', 'discard-only'],
    ['2001::1', 'teredo'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
    ['2001:2::1', 'benchmarking'],
    ['2001:10::1', 'ietf-protocol-assignments'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2002:7f00:1::1', '6to4'],
    ['2002:a9fe:a9fe::1', '6to4'],
    ['5f00::1', 'segment-routing'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['ff0e::1', 'multicast'],
    ['4000::1', 'reserved'],
    ['1::1', 'reserved'],
    ['example.com', 'not-an-ip-address'],
    ['', 'not-an-ip-address'],
    ['127.1', 'not-an-ip-address'],
    ['0x7f.0.0.1', 'not-an-ip-address'],
    ['fe80::1%eth0', 'not-an-ip-address'],
  ];

  it.each(denied)('denies %s (%s)', (address, reason) => {
    const verdict = classifyAddress(address);
    expect(verdict).toMatchObject({ allowed: false, reason });
    expect(isAddressAllowed(address)).toBe(false);
  });

  const allowed = [
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '169.253.255.255',
    '192.0.1.255',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '2001:4860:4860::8888',
    '2400:cb00::1',
  ];

  it.each(allowed)('allows the public address %s', (address) => {
    expect(classifyAddress(address)).toEqual({ allowed: true, address });
    expect(isAddressAllowed(address)).toBe(true);
  });

  it('normalises literals so allow-list entries and socket addresses compare equal', () => {
    expect(normalizeIpLiteral('[0:0:0:0:0:0:0:1]')).toBe('::1');
    expect(normalizeIpLiteral('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(normalizeIpLiteral('127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeIpLiteral('localhost')).toBeUndefined();
  });
});
