import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network a client address belongs to, never the address itself: /24 for IPv4, /48 for IPv6. Enough to see that
 * events came from the same place, not enough to identify a household.
 */
export function ipPrefix(address: string | undefined): string | null {
  if (!address) return null;
  const mapped = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
  if (isIPv4(mapped)) {
    const octets = mapped.split('.');
    return `${octets.slice(0, 3).join('.')}.0/24`;
  }
  if (isIPv6(mapped)) {
    const [head = '', tail = ''] = mapped.split('::');
    const headGroups = head ? head.split(':') : [];
    const tailGroups = tail ? tail.split(':') : [];
    const missing = mapped.includes('::') ? 8 - headGroups.length - tailGroups.length : 0;
    const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
    return `${groups
      .slice(0, 3)
      .map((group) => parseInt(group || '0', 16).toString(16))
      .join(':')}::/48`;
  }
  return null;
}
