import { AddressError, Cidr } from '../../lib/ipam';

describe('Cidr.parse', () => {
  test.each([
    ['10.0.0.0/16', '10.0.0.0/16', 4, 16],
    ['10.0.0.0/08', '10.0.0.0/8', 4, 8],
    ['0.0.0.0/0', '0.0.0.0/0', 4, 0],
    ['192.168.1.7/32', '192.168.1.7/32', 4, 32],
    ['2001:db8::/32', '2001:db8::/32', 6, 32],
    ['2001:DB8:0:0::/48', '2001:db8::/48', 6, 48],
    ['::/0', '::/0', 6, 0],
    ['fd00::1/128', 'fd00::1/128', 6, 128],
  ])('%s parses to %s', (text, canonical, family, prefix) => {
    const cidr = Cidr.parse(text);
    expect(cidr.toString()).toBe(canonical);
    expect(cidr.family).toBe(family);
    expect(cidr.bits).toBe(family === 4 ? 32 : 128);
    expect(cidr.prefix).toBe(prefix);
  });

  test.each([
    ['10.0.0.1/16', 'podCidr "10.0.0.1/16" has host bits set: did you mean 10.0.0.0/16?'],
    ['10.1.2.3/8', 'podCidr "10.1.2.3/8" has host bits set: did you mean 10.0.0.0/8?'],
    ['2001:db8::1/32', 'podCidr "2001:db8::1/32" has host bits set: did you mean 2001:db8::/32?'],
    ['10.0.0.0/33', 'podCidr "10.0.0.0/33": prefix length "33" is not a number from 0 to 32: use /0 to /32 for IPv4'],
    ['2001:db8::/129', 'podCidr "2001:db8::/129": prefix length "129" is not a number from 0 to 128: use /0 to /128 for IPv6'],
    ['10.0.0.0/-1', 'podCidr "10.0.0.0/-1": prefix length "-1" is not a number from 0 to 32: use /0 to /32 for IPv4'],
    ['10.0.0.0/x', 'podCidr "10.0.0.0/x": prefix length "x" is not a number from 0 to 32: use /0 to /32 for IPv4'],
    ['300.0.0.0/8', 'podCidr "300.0.0.0/8": "300.0.0.0" is not a valid IPv4 address: write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48'],
    ['010.0.0.0/8', 'podCidr "010.0.0.0/8": "010.0.0.0" is not a valid IPv4 address: write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48'],
    ['2001:db8:::/48', 'podCidr "2001:db8:::/48": "2001:db8:::" is not a valid IPv6 address: write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48'],
    ['10.0.0.0', 'podCidr "10.0.0.0" has no prefix length: write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48 (10.0.0.0/32 for a single address)'],
    ['fd00::', 'podCidr "fd00::" has no prefix length: write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48 (fd00::/128 for a single address)'],
    ['banana', 'podCidr "banana" is not a CIDR: write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48'],
    ['', 'podCidr "" is not a CIDR: write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48'],
    ['10.0.0.0/8/8', 'podCidr "10.0.0.0/8/8" is not a CIDR (more than one "/"): write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48'],
    [' 10.0.0.0/8', 'podCidr " 10.0.0.0/8" contains spaces: remove them (write it as address/prefix, e.g. 10.0.0.0/16 or 2001:db8::/48)'],
  ])('%s is rejected', (text, message) => {
    expect(() => Cidr.parse(text, 'podCidr')).toThrow(new AddressError(message));
  });

  test('non-string input is rejected, not crashed on', () => {
    expect(() => Cidr.parse(undefined as unknown as string)).toThrow('CIDR undefined is not a CIDR');
    expect(() => Cidr.parse(42 as unknown as string)).toThrow('CIDR 42 is not a CIDR');
  });

  test('errors are AddressErrors, never raw ip-num errors', () => {
    for (const text of ['1.2.3/8', '1.2.3.4.5/8', '1::2::3/64', 'g::/64', '256.1.1.1/32', '/8', '10.0.0.0/']) {
      let error: unknown;
      try {
        Cidr.parse(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AddressError);
      expect((error as Error).message).toContain(`"${text}"`);
    }
  });

  test('isValid', () => {
    expect(Cidr.isValid('10.0.0.0/8')).toBe(true);
    expect(Cidr.isValid('10.0.0.1/8')).toBe(false);
  });
});

describe('Cidr geometry', () => {
  const net = Cidr.parse('10.0.0.0/8');

  test('bounds and size', () => {
    expect(net.first).toBe(0x0a000000n);
    expect(net.last).toBe(0x0affffffn);
    expect(net.size).toBe(16777216n);
    expect(Cidr.parse('2001:db8::/64').size).toBe(2n ** 64n);
  });

  test('contains, overlaps, equals', () => {
    const inner = Cidr.parse('10.1.0.0/16');
    const outside = Cidr.parse('11.0.0.0/8');
    expect(net.contains(inner)).toBe(true);
    expect(inner.contains(net)).toBe(false);
    expect(net.contains(net)).toBe(true);
    expect(net.overlaps(inner)).toBe(true);
    expect(inner.overlaps(net)).toBe(true);
    expect(net.overlaps(outside)).toBe(false);
    expect(net.equals(Cidr.parse('10.0.0.0/8'))).toBe(true);
    expect(net.equals(inner)).toBe(false);
  });

  test('IPv4 and IPv6 never contain or overlap each other', () => {
    const v4 = Cidr.parse('0.0.0.0/0');
    const v6 = Cidr.parse('::/96');
    expect(v4.overlaps(v6)).toBe(false);
    expect(v6.contains(v4)).toBe(false);
    expect(v4.equals(Cidr.parse('::/0'))).toBe(false);
  });

  test('address(n): API server index 1, DNS index 10, -1 the last', () => {
    const services = Cidr.parse('10.96.0.0/12');
    expect(services.address(0)).toBe('10.96.0.0');
    expect(services.address(1)).toBe('10.96.0.1');
    expect(services.address(10)).toBe('10.96.0.10');
    expect(services.address(-1)).toBe('10.111.255.255');
    expect(Cidr.parse('fd00:10:96::/112').address(10)).toBe('fd00:10:96::a');
    expect(() => Cidr.parse('10.0.0.0/29').address(10)).toThrow(
      new AddressError('10.0.0.0/29 has 8 addresses: index 10 is outside it (use 0 to 7, or -1 for the last)'),
    );
    expect(() => Cidr.parse('10.0.0.0/29').address(-9)).toThrow('index -9 is outside it');
  });

  test('split, supernet, subnet', () => {
    expect(net.split().map(String)).toEqual(['10.0.0.0/9', '10.128.0.0/9']);
    expect(Cidr.parse('10.1.2.0/24').supernet(12).toString()).toBe('10.0.0.0/12');
    expect(Cidr.parse('10.1.2.0/24').supernet(24).toString()).toBe('10.1.2.0/24');
    expect(net.subnet(16, 255).toString()).toBe('10.255.0.0/16');
    expect(net.subnet(8, 0).toString()).toBe('10.0.0.0/8');
    expect(Cidr.parse('2001:db8::/32').subnet(48, 5).toString()).toBe('2001:db8:5::/48');
    expect(() => Cidr.parse('10.0.0.1/32').split()).toThrow(
      new AddressError('10.0.0.1/32 is a single address and cannot be split'),
    );
    expect(() => net.subnet(16, 256)).toThrow(
      new AddressError('10.0.0.0/8 holds 256 blocks of /16: index 256 is outside it (use 0 to 255)'),
    );
    expect(() => net.subnet(7, 0)).toThrow(
      new AddressError('subnet of 10.0.0.0/8: prefix length 7 must be a whole number from 8 to 32'),
    );
    expect(() => net.supernet(9)).toThrow(
      new AddressError('supernet of 10.0.0.0/8: prefix length 9 must be a whole number from 0 to 8'),
    );
  });

  test('compare orders IPv4 first, then by address, larger block first', () => {
    const sorted = ['::/0', '10.1.0.0/16', '10.0.0.0/16', '10.0.0.0/8', '9.0.0.0/8']
      .map((t) => Cidr.parse(t))
      .sort(Cidr.compare)
      .map(String);
    expect(sorted).toEqual(['9.0.0.0/8', '10.0.0.0/8', '10.0.0.0/16', '10.1.0.0/16', '::/0']);
  });
});
