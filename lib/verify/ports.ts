// What one rule admits, read the same way for both families: a GCP firewall rule's `allow`
// blocks, an AWS security-group rule's protocol and port range.
import { ALL_PORTS, NO_PORTS, Ports, unionPorts } from './fabric';
import { TfResource } from './terraform';

/** What a GCP firewall rule's `allow` blocks admit. */
export function allowPorts(f: TfResource): Ports {
  let ports = NO_PORTS;
  for (const a of (f.attrs.allow as Array<{ protocol: string; ports?: string[] }> | undefined) ?? []) {
    if (a.protocol === 'all') return ALL_PORTS;
    if (a.protocol !== 'tcp') continue;
    const ranges = (a.ports ?? ['0-65535']).map((p): [number, number] => {
      const [lo, hi] = p.split('-').map(Number);
      return [lo, hi ?? lo];
    });
    ports = unionPorts(ports, { all: false, tcp: ranges });
  }
  return ports;
}

/** What an AWS security-group rule admits (its attributes). */
export function ruleProtocolPorts(r: Record<string, unknown>): Ports {
  const protocol = String(r.ip_protocol ?? r.protocol);
  if (protocol === '-1' || protocol === 'all') return ALL_PORTS;
  if (protocol !== 'tcp' && protocol !== '6') return NO_PORTS;
  return { all: false, tcp: [[Number(r.from_port ?? 0), Number(r.to_port ?? 65535)]] };
}
