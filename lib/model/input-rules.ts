import { LINK_RULES } from './link-plan';
import { RuleDescription, Severity } from './rule';

// Rules of what a user writes, checked where it is written (a constructor or a factory) or, for
// what only synth can see, when the stack is synthesized. They are errors and cannot be
// suppressed: nothing is planned, rendered or written from a value that breaks one. Their
// messages read `[construct path] ID: prop value ... : fix` (a factory names itself instead of
// a path: `Cloud.aws: INPUT-003: ...`).

/** The input rules (and the model and plan rules checked where the value is written), for the catalog and the README ("What the library refuses"). */
export const INPUT_RULES: readonly RuleDescription[] = [
  {
    id: 'INPUT-001',
    severity: Severity.ERROR,
    statement: 'A range is a CIDR string (address/prefix, no host bits set) of the network\'s address family.',
  },
  {
    id: 'INPUT-002',
    severity: Severity.ERROR,
    statement: 'A prop has its type (numbers whole and within their limits, strings that are strings), objects come from their factories ' +
      '(Cloud, Ingress, Egress, PodRouting), a custom rule has an id, a statement, a Severity and a check (a check that throws fails ' +
      'synth under its own rule id), and a suppression names a rule that exists and may be suppressed.',
  },
  {
    id: 'INPUT-003',
    severity: Severity.ERROR,
    statement: 'A Cloud\'s region is one of its cloud\'s regions (or unlistedRegion: true for one newer than the library\'s table), ' +
      'and its availability zones are one or more distinct zones of that region.',
  },
  {
    id: 'INPUT-004',
    severity: Severity.ERROR,
    statement: 'The Cloud\'s region is the region of the stack\'s GoogleProvider or AwsProvider (when that is a plain string).',
  },
  {
    id: 'INPUT-005',
    severity: Severity.ERROR,
    statement: 'A cluster or archipelago is built in the stack (and app) of its network.',
  },
  {
    id: 'INPUT-006',
    severity: Severity.ERROR,
    statement: 'IPv6 props fit together: ipFamily DUAL_STACK or IPV6 only on a network with ipv6: true; IPV6 only on AWS and only for ' +
      'flat and isolated clusters (IPv6 pods are unique: nothing to reuse), without podCidr or serviceCidr pins; ipv6AccessType only ' +
      'for a GCP dual-stack cluster; ipv6IpamPoolId only with ipv6 on AWS.',
  },
  {
    id: 'MODEL-010',
    severity: Severity.ERROR,
    statement: 'Only islands, archipelagos and their members take gateways: a flat or isolated cluster given ingress or egress is refused.',
  },
  {
    id: 'PLAN-001',
    severity: Severity.ERROR,
    statement: 'Every range asked for fits in its space: the main network, the island space, or an isolated cluster\'s own space.',
  },
  {
    id: 'PLAN-004',
    severity: Severity.ERROR,
    statement: 'The plan file is a readable, writable file of a known version and schema.',
  },
  // A CloudLink's rules are checked where the link is written, like these.
  ...LINK_RULES,
];
