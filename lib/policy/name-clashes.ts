import { NetworkPlan, NetworkSketch } from '../model/plan';
import { PolicyFinding } from '../model/rule';

// Names a cloud refuses twice: both clouds' name rules (GCP-SUBNET-008, AWS-NAME-001) group the
// resources an app makes by kind, scope and name, and report each pair of constructs once.

/** A resource that takes a name somewhere. */
export interface NamedThing {
  /** Construct path it is made for. */
  readonly owner: string;
  /** Path of the network it belongs to: the finding lands there. */
  readonly network: string;
}

/** Two constructs whose resources take the same names: the earlier one, the later one, and what clashes. */
export interface NameClash<T extends NamedThing> {
  readonly earlier: T;
  readonly later: T;
  readonly what: string[];
}

/**
 * The clashes among `resources`, in order: a resource clashes with the first one of the same
 * `key` (kind, scope and name); clashes of one pair of constructs are gathered, each described
 * by `describe`.
 */
export function nameClashes<T extends NamedThing>(resources: readonly T[], key: (r: T) => string, describe: (r: T) => string): Array<NameClash<T>> {
  const first = new Map<string, T>();
  const clashes = new Map<string, NameClash<T>>();
  for (const r of resources) {
    const k = key(r);
    const earlier = first.get(k);
    if (!earlier) {
      first.set(k, r);
      continue;
    }
    const pair = `${earlier.owner}|${r.owner}`;
    const clash = clashes.get(pair) ?? { earlier, later: r, what: [] };
    clash.what.push(describe(r));
    clashes.set(pair, clash);
  }
  return [...clashes.values()];
}

/**
 * A rule's check over every network of the app at once: `findingsOf` works out the findings of
 * all of them (by network path) once per change — the app's sketches are a new array when
 * anything changes — and each network's check takes its own.
 */
export function appWide(findingsOf: (plan: NetworkPlan) => Map<string, PolicyFinding[]>): (plan: NetworkPlan) => PolicyFinding[] {
  const byApp = new WeakMap<readonly NetworkSketch[], Map<string, PolicyFinding[]>>();
  return (plan) => {
    const sketches = plan.appNetworks ?? [];
    let byNetwork = byApp.get(sketches);
    if (!byNetwork) {
      byNetwork = findingsOf(plan);
      byApp.set(sketches, byNetwork);
    }
    return byNetwork.get(plan.path) ?? [];
  };
}
