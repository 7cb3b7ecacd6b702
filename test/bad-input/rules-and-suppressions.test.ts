// Custom rules and suppressions written wrong, on both clouds: a rule object that is no rule is
// refused by addRule (INPUT-002); a rule that throws fails synth under its own id and the
// network's path; a suppression of an unknown id, of an input rule or of a rule the cloud's API
// enforces fails synth (INPUT-002), the unknown one naming the nearest ids.
import { FlatCluster, IPolicyRule, IslandCluster, Policy, Severity } from '../../lib';
import { BadEstate, Case, CloudName, expectRefusal, refusedMessage, refuses } from './support';

const REASON = 'reviewed with the network team in NET-42';
const rule = (over: Record<string, unknown>) => ({ id: 'ACME-001', statement: 'Team A plans at most 100 nodes.', severity: Severity.ERROR, check: () => [], ...over }) as unknown as IPolicyRule;
const adding = (r: unknown) => ({ network }: BadEstate) => network.addRule(r as IPolicyRule);

describe('rule objects that are no rule', () => {
  refuses([
    ['null', adding(null), { id: 'INPUT-002', says: ['[corp/main]', 'addRule', 'rule null', 'not a rule'] }],
    ['a function', adding(() => []), { id: 'INPUT-002', says: ['[corp/main]', 'addRule', 'a function, not a rule'] }],
    ['id \'acme-1\'', adding(rule({ id: 'acme-1' })), { id: 'INPUT-002', says: ['[corp/main]', 'rule id "acme-1"', 'e.g. "ACME-001"'] }],
    ['id 7', adding(rule({ id: 7 })), { id: 'INPUT-002', says: ['[corp/main]', 'rule id 7', 'is not a rule id'] }],
    ['no statement', adding(rule({ statement: '' })), { id: 'INPUT-002', says: ['[corp/main]', 'rule ACME-001', 'statement ""'] }],
    ['severity \'error\'', adding(rule({ severity: 'error' })), { id: 'INPUT-002', says: ['[corp/main]', 'rule ACME-001', 'severity "error"', 'Severity.ERROR, Severity.WARNING'] }],
    ['severity 2', adding(rule({ severity: 2 })), { id: 'INPUT-002', says: ['[corp/main]', 'severity 2'] }],
    ['check a string', adding(rule({ check: 'plan => []' })), { id: 'INPUT-002', says: ['[corp/main]', 'rule ACME-001', 'check is a string, not a function'] }],
    ['an id a built-in rule has', adding(rule({ id: 'MODEL-001' })), { id: 'INPUT-002', says: ['[corp/main]', 'rule id MODEL-001 is already taken by a built-in rule'] }],
  ]);
});

describe('rules that break at synth', () => {
  refuses([
    ['a check that throws', adding(rule({ check: () => { throw new Error('boom'); } })),
      { id: 'ACME-001', says: ['[corp/main]', 'the check of rule ACME-001 threw on corp/main', '"boom"', 'instead of throwing'] }],
    ['a WARNING rule that throws still fails', adding(rule({ severity: Severity.WARNING, check: () => { throw new TypeError('plan.clusters[3] is undefined'); } })),
      { id: 'ACME-001', says: ['[corp/main]', 'rule ACME-001', 'plan.clusters[3] is undefined'] }],
    ['a check that returns no list', adding(rule({ check: () => 'fine' })),
      { id: 'ACME-001', says: ['[corp/main]', 'the check of rule ACME-001 returned "fine"', 'not a list of findings'] }],
    ['a check that returns findings without a path', adding(rule({ check: () => [{ message: 'too big' }] })),
      { id: 'ACME-001', says: ['[corp/main]', 'rule ACME-001 returned [{"message":"too big"}]'] }],
  ]);
});

const suppressing = (ruleId: string, reason = REASON) => ({ stack, network }: BadEstate) => {
  const x = new FlatCluster(stack, 'x', { network });
  Policy.suppress(x, ruleId, reason);
};

describe('suppressions that hide nothing or would hide what the cloud refuses', () => {
  refuses([
    ['MODEL-0O1 (a letter O)', suppressing('MODEL-0O1'), { id: 'INPUT-002', says: ['[corp/x]', 'no rule has the id MODEL-0O1', 'did you mean MODEL-001'] }],
    ['K8S-01', suppressing('K8S-01'), { id: 'INPUT-002', says: ['[corp/x]', 'no rule has the id K8S-01', 'did you mean K8S-001'] }],
    ['ACME-001 (no such custom rule)', suppressing('ACME-001'), { id: 'INPUT-002', says: ['[corp/x]', 'no rule has the id ACME-001'] }],
    ['an input rule (INPUT-003)', suppressing('INPUT-003'), { id: 'INPUT-002', says: ['[corp/x]', 'INPUT-003 cannot be suppressed', 'where it was written'] }],
    ['id \'model-001\' (lower case)', suppressing('model-001'), { id: 'INPUT-002', says: ['[corp/x]', 'rule id "model-001" is not a rule id'] }],
    ['a reason of nine characters', suppressing('MODEL-001', 'trust me.'), { id: 'INPUT-002', says: ['[corp/x]', 'Policy.suppress(MODEL-001)', 'reason "trust me."', '10 characters or more'] }],
  ]);
});

const refusedByTheCloud: Record<CloudName, Case[]> = {
  gcp: [
    ['GCP-SUBNET-005 on overlapping pod ranges', ({ stack, network }) => {
      new FlatCluster(stack, 'a', { network, podCidr: '10.0.0.0/16' });
      const b = new FlatCluster(stack, 'b', { network, podCidr: '10.0.0.0/16' });
      Policy.suppress(b, 'MODEL-001', REASON);
      Policy.suppress(b, 'GCP-SUBNET-005', REASON);
    }, { id: 'INPUT-002', says: ['[corp/b]', 'GCP-SUBNET-005 cannot be suppressed', 'the cloud\'s API refuses'] }],
    ['GCP-GKE-010 on a cluster', suppressing('GCP-GKE-010'), { id: 'INPUT-002', says: ['[corp/x]', 'GCP-GKE-010 cannot be suppressed'] }],
  ],
  aws: [
    ['AWS-VPC-002 on a pinned overlap', ({ stack, network }) => {
      const vault = new FlatCluster(stack, 'vault', { network, podCidr: '10.64.0.0/16', nodeCidr: '10.64.0.0/24' });
      Policy.suppress(vault, 'AWS-VPC-002', REASON);
    }, { id: 'INPUT-002', says: ['[corp/vault]', 'AWS-VPC-002 cannot be suppressed'] }],
    ['AWS-SUBNET-001 on an island', ({ stack, network }) => {
      const x = new IslandCluster(stack, 'x', { network });
      Policy.suppress(x, 'AWS-SUBNET-001', REASON);
    }, { id: 'INPUT-002', says: ['[corp/x]', 'AWS-SUBNET-001 cannot be suppressed'] }],
  ],
};

describe('rules the cloud\'s API enforces cannot be suppressed', () => {
  test.each((['gcp', 'aws'] as const).flatMap((cloud) => refusedByTheCloud[cloud].map((c) => [cloud, ...c] as const)))('%s: %s', (cloud, _title, write, refusal) => {
    expectRefusal(refusedMessage(cloud, write), refusal);
  });
});
