import { Cidr } from './cidr';

/** The RFC 1918 private IPv4 ranges: 10/8, 172.16/12, 192.168/16 (in this order). */
export const RFC1918: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => Cidr.parse(c));

/** True when `range` lies inside one RFC 1918 range. */
export function isRfc1918(range: Cidr): boolean {
  return RFC1918.some((r) => r.contains(range));
}
