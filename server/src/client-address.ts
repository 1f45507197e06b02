import { BlockList, isIP } from 'node:net';

/** Which proxies in front of the receiver are the owner's, and so believed about the client. */
export interface ProxyTrust {
  /** The nearest N hops are the owner's proxies (the peer, then X-Forwarded-For from the right). */
  readonly hops: number;
  /** Or: the addresses and CIDR ranges of the owner's proxies, e.g. a CDN's published ranges. */
  readonly ranges: readonly string[];
  /** A header the owner's edge sets to the client's address (`Fly-Client-IP`, `CF-Connecting-IP`). */
  readonly header: string | null;
}

export const NO_PROXY: ProxyTrust = { hops: 0, ranges: [], header: null };

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is `192.0.2.1`. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').replace(/%.*$/, '');

/** Parses `192.0.2.0/24`, `2001:db8::/32` or a single address; null when it is neither. */
export function parseRange(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', bits, extra] = text.trim().split('/');
  const version = isIP(address);
  if (!version || extra !== undefined) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  return prefix >= 0 && prefix <= max ? { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' } : null;
}

/**
 * The client's address, as far as it can be known: the connection's peer, unless that peer
 * is one of the owner's proxies; then what the proxies say. A client talking to the port
 * directly cannot pretend to be someone else by sending the headers itself, unless trust is a
 * hop count and the port is reachable from elsewhere than the proxy.
 */
export function clientAddressOf(trust: ProxyTrust): (peer: string, header: (name: string) => string | undefined) => string {
  const ranges = new BlockList();
  for (const r of trust.ranges) {
    const range = parseRange(r)!; // checked by readConfig
    ranges.addSubnet(range.address, range.prefix, range.family);
  }
  const trusted = (address: string) => {
    const version = isIP(address);
    return version !== 0 && ranges.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
  return (rawPeer, header) => {
    const peer = plain(rawPeer);
    if (!(trust.hops > 0 || trusted(peer))) return peer;
    if (trust.header) {
      const named = plain(header(trust.header) ?? '');
      return isIP(named) ? named : peer;
    }
    const chain = [...(header('x-forwarded-for') ?? '').split(',').map(plain).filter(Boolean), peer];
    if (trust.hops > 0) return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
    for (let i = chain.length - 1; i >= 0; i--) if (!trusted(chain[i]!)) return chain[i]!;
    return chain[0]!;
  };
}

/**
 * The key a client is limited by: an IPv4 address, or an IPv6 address's /64, the block one
 * household or server gets, whose 2^64 addresses would otherwise each have an allowance.
 */
export function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':') + '::/64';
}
