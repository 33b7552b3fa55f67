import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which IP addresses an outbound request may connect to: a pure deny list of every range that is not ordinary public
 * unicast. Our own table (rather than ipaddr.js `range()` names) keeps the list explicit and stable across library
 * versions; ipaddr.js only parses and matches.
 */
export type AddressVerdict =
  | { readonly allowed: true; readonly address: string }
  | { readonly allowed: false; readonly address: string; readonly reason: string };

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

function cidrs(reason: string, ranges: string[]): Array<{ reason: string; cidr: Cidr }> {
  return ranges.map((range) => ({ reason, cidr: ipaddr.parseCIDR(range) }));
}

// Order matters only for the reason reported: narrower names come before the ranges that contain them.
const DENIED_IPV4 = [
  ...cidrs('unspecified', ['0.0.0.0/8']),
  ...cidrs('loopback', ['127.0.0.0/8']),
  ...cidrs('private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']),
  ...cidrs('carrier-grade-nat', ['100.64.0.0/10']),
  ...cidrs('link-local', ['169.254.0.0/16']),
  ...cidrs('documentation', ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24']),
  ...cidrs('ietf-protocol-assignments', ['192.0.0.0/24']),
  ...cidrs('6to4-relay', ['192.88.99.0/24']),
  ...cidrs('benchmarking', ['198.18.0.0/15']),
  ...cidrs('multicast', ['224.0.0.0/4']),
  ...cidrs('broadcast', ['255.255.255.255/32']),
  ...cidrs('reserved', ['240.0.0.0/4']),
];

const DENIED_IPV6 = [
  ...cidrs('unspecified', ['::/128']),
  ...cidrs('loopback', ['::1/128']),
  // The embedded IPv4 address is classified too, so the reason says what it would have reached.
  ...cidrs('ipv4-mapped', ['::ffff:0:0/96']),
  ...cidrs('ipv4-translated', ['::ffff:0:0:0/96']),
  ...cidrs('ipv4-compatible', ['::/96']),
  ...cidrs('nat64', ['64:ff9b::/96', '64:ff9b:1::/48']),
  ...cidrs('discard-only', ['100::/64']),
  ...cidrs('teredo', ['2001::/32']),
  ...cidrs('benchmarking', ['2001:2::/48']),
  ...cidrs('ietf-protocol-assignments', ['2001::/23']),
  ...cidrs('documentation', ['2001:db8::/32', '3fff::/20']),
  ...cidrs('6to4', ['2002::/16']),
  ...cidrs('segment-routing', ['5f00::/16']),
  ...cidrs('unique-local', ['fc00::/7']),
  ...cidrs('link-local', ['fe80::/10']),
  ...cidrs('site-local', ['fec0::/10']),
  ...cidrs('multicast', ['ff00::/8']),
];

// Only 2000::/3 is allocated as global unicast; everything else in IPv6 is reserved or special.
const GLOBAL_UNICAST_IPV6 = ipaddr.parseCIDR('2000::/3');

/** The normalised textual form of an IP literal (IPv6 without brackets), or undefined when it is not one. */
export function normalizeIpLiteral(value: string): string | undefined {
  const bare = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  const family = isIP(bare);
  if (family === 4) return ipaddr.IPv4.parse(bare).toString();
  if (family !== 6) return undefined;
  // The WHATWG URL serialiser gives the canonical RFC 5952 form; ipaddr.js would read `::127.0.0.1` as IPv4-mapped.
  // Zone ids (fe80::1%eth0) are refused here as they are in URLs.
  try {
    return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

/** Classifies one IP address (as a socket would see it) against the deny list. Anything unparsable is denied. */
export function classifyAddress(value: string): AddressVerdict {
  const address = normalizeIpLiteral(value);
  if (address === undefined) return { allowed: false, address: value, reason: 'not-an-ip-address' };
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') {
    const denied = DENIED_IPV4.find(({ cidr }) => parsed.match(cidr));
    return denied ? { allowed: false, address, reason: denied.reason } : { allowed: true, address };
  }
  const v6 = parsed as ipaddr.IPv6;
  const denied = DENIED_IPV6.find(({ cidr }) => v6.match(cidr));
  if (denied) {
    if (denied.reason === 'ipv4-mapped') {
      const embedded = classifyAddress(v6.toIPv4Address().toString());
      const reason = embedded.allowed ? 'ipv4-mapped' : `ipv4-mapped:${embedded.reason}`;
      return { allowed: false, address, reason };
    }
    return { allowed: false, address, reason: denied.reason };
  }
  if (!v6.match(GLOBAL_UNICAST_IPV6)) return { allowed: false, address, reason: 'reserved' };
  return { allowed: true, address };
}

export function isAddressAllowed(value: string): boolean {
  return classifyAddress(value).allowed;
}
