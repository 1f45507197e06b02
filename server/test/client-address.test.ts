import { describe, expect, it } from 'vitest';
import { clientAddressOf, limitKey, NO_PROXY } from '../src/client-address.js';
import { normaliseOrigin, readConfig } from '../src/config.js';

const headers = (h: Record<string, string>) => (name: string) => h[name.toLowerCase()];

describe('the client address', () => {
  it('is the peer when no proxy is trusted, whatever the headers claim', () => {
    expect(clientAddressOf(NO_PROXY)('203.0.113.5', headers({ 'x-forwarded-for': '192.0.2.1', 'fly-client-ip': '192.0.2.2' }))).toBe('203.0.113.5');
  });

  it('skips the configured number of hops from the right of X-Forwarded-For', () => {
    const of = clientAddressOf({ hops: 2, ranges: [], header: null });
    expect(of('10.0.0.2', headers({ 'x-forwarded-for': '1.1.1.1, 203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
    // Fewer hops than configured: the leftmost is the best there is.
    expect(of('10.0.0.2', headers({}))).toBe('10.0.0.2');
    expect(of('::ffff:10.0.0.2', headers({ 'x-forwarded-for': '203.0.113.8' }))).toBe('203.0.113.8');
  });

  it('with trusted ranges, walks past the owner\'s proxies and stops at the first address outside them', () => {
    const of = clientAddressOf({ hops: 0, ranges: ['10.0.0.0/8', '2001:db8::/32'], header: null });
    expect(of('10.0.0.2', headers({ 'x-forwarded-for': '192.0.2.9, 198.51.100.4, 2001:db8::1, 10.9.9.9' }))).toBe('198.51.100.4');
    // Straight to the port from outside: the headers are the client's own words, not believed.
    expect(of('198.51.100.77', headers({ 'x-forwarded-for': '192.0.2.1' }))).toBe('198.51.100.77');
  });

  it('takes a named header only from a trusted proxy, and only when it holds an address', () => {
    const of = clientAddressOf({ hops: 0, ranges: ['10.0.0.0/8'], header: 'Fly-Client-IP' });
    expect(of('10.0.0.2', headers({ 'fly-client-ip': '2001:db8:5::9' }))).toBe('2001:db8:5::9');
    expect(of('10.0.0.2', headers({ 'fly-client-ip': 'not-an-address' }))).toBe('10.0.0.2');
    expect(of('198.51.100.1', headers({ 'fly-client-ip': '192.0.2.1' }))).toBe('198.51.100.1');
  });

  it('limits an IPv6 client by its /64 and an IPv4 client by its address', () => {
    expect(limitKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(limitKey('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(limitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(limitKey('::1')).toBe('0:0:0:0::/64');
    expect(limitKey('192.0.2.1')).toBe('192.0.2.1');
  });
});

describe('proxy and origin settings', () => {
  it('normalises an origin as the browser sends it, and refuses one that can never match', () => {
    expect(normaliseOrigin('HTTPS://WWW.Example.no:443/')).toBe('https://www.example.no');
    expect(normaliseOrigin('http://localhost:8080')).toBe('http://localhost:8080');
    for (const never of ['https://*.example.no', 'https://www.example.no/side', 'www.example.no', 'ftp://example.no', 'https://example.no?x', 'null']) {
      expect(normaliseOrigin(never)).toBeNull();
    }
    const config = readConfig({ ALLOWED_ORIGINS: 'https://WWW.example.no:443, https://www.example.no' });
    expect(config.allowedOrigins).toEqual(['https://www.example.no']);
    expect(() => readConfig({ ALLOWED_ORIGINS: 'https://*.example.no' })).toThrow(/ALLOWED_ORIGINS: "https:\/\/\*\.example\.no" is not an origin/);
  });

  it('reads TRUST_PROXY as a hop count or address ranges, and CLIENT_IP_HEADER only with it', () => {
    const origins = { ALLOWED_ORIGINS: 'https://www.example.no' };
    expect(readConfig(origins).proxy).toEqual(NO_PROXY);
    expect(readConfig({ ...origins, TRUST_PROXY: '1' }).proxy).toEqual({ hops: 1, ranges: [], header: null });
    expect(readConfig({ ...origins, TRUST_PROXY: '173.245.48.0/20, 2400:cb00::/32', CLIENT_IP_HEADER: 'CF-Connecting-IP' }).proxy).toEqual({
      hops: 0,
      ranges: ['173.245.48.0/20', '2400:cb00::/32'],
      header: 'CF-Connecting-IP',
    });
    expect(() => readConfig({ ...origins, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY: "10.0.0.0\/33" is neither/);
    expect(() => readConfig({ ...origins, CLIENT_IP_HEADER: 'Fly-Client-IP' })).toThrow(/CLIENT_IP_HEADER needs TRUST_PROXY/);
  });
});
