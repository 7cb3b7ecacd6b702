// IPv6 subnets whose block the cloud assigns only at deploy (an AWS VPC's Amazon-provided /56):
// the plan cannot hold their ranges, only their place in the block — the `netnum` of Terraform's
// cidrsubnet(block, newbits, netnum). Numbers are planned once and kept in the plan file, so a
// subnet added later never renumbers the others (an aws_subnet's ipv6_cidr_block change
// replaces it). Pure: no constructs.

/** One IPv6 subnet a cloud carves from a VPC's deploy-time block, asked when its owner is made. */
export interface Ipv6SubnetNeed {
  /** Construct path of the VPC's owner (a cluster, or an archipelago). */
  readonly vpc: string;
  /** The subnet's name in the VPC, unique there (the renderer's construct id), e.g. `nodes-eu-west-1a`. */
  readonly name: string;
}

/** One planned IPv6 subnet. */
export interface Ipv6SubnetPlan {
  /** Construct path of the VPC's owner. */
  readonly vpc: string;
  /** The subnet's name in the VPC. */
  readonly name: string;
  /** Its index among the block's subnets: `cidrsubnet(block, newbits, netnum)`. */
  readonly netnum: number;
  /** True when the plan file recorded it; false when planned in this synth. */
  readonly recorded: boolean;
  /** False for a record nothing asked for in this synth: its number stays taken. */
  readonly claimed: boolean;
}

/** VPC path -> subnet name -> netnum: what the plan file records. */
export type Ipv6SubnetRecords = Record<string, Record<string, number>>;

/** Why an IPv6 subnet could not be numbered: its VPC's block is full. */
export class Ipv6BlockFull extends Error {
  constructor(public readonly vpc: string, public readonly asked: number, public readonly slots: number) {
    super(`VPC of ${vpc} needs ${asked} IPv6 subnets, more than the ${slots} its block holds`);
  }
}

/**
 * Numbers the IPv6 subnets of each VPC: recorded numbers first, then the lowest free, in the
 * order the subnets were asked. `slots` is how many subnets a block holds (2^newbits).
 */
export class Ipv6SubnetPlanner {
  private readonly asked = new Map<string, string[]>();
  private planned?: Map<string, Map<string, number>>;
  /** The records the plan was made from: a number planned now stays "planned" after the file records it. */
  private plannedFrom: Ipv6SubnetRecords = {};

  constructor(private readonly recorded: () => Ipv6SubnetRecords, public readonly slots: number) {}

  /** Asks a number for each of `needs` (asking again for a subnet already asked changes nothing). */
  public ask(needs: readonly Ipv6SubnetNeed[]): void {
    for (const { vpc, name } of needs) {
      const names = this.asked.get(vpc) ?? [];
      if (!names.includes(name)) names.push(name);
      this.asked.set(vpc, names);
    }
    this.planned = undefined;
  }

  /** True when some subnet was asked. */
  public get any(): boolean {
    return this.asked.size > 0;
  }

  /**
   * The number of `name` in `vpc`'s block.
   * @throws Error when it was never asked (a cloud's renderer and profile disagree)
   * @throws Ipv6BlockFull when its VPC asks more subnets than the block holds
   */
  public netnum(vpc: string, name: string): number {
    const netnum = this.resolve().get(vpc)?.get(name);
    if (netnum === undefined) throw new Error(`no IPv6 subnet ${name} was asked for the VPC of ${vpc}: the cloud's profile must ask for every IPv6 subnet its renderer builds`);
    return netnum;
  }

  /** Every subnet asked or recorded, by VPC and number. */
  public subnets(): Ipv6SubnetPlan[] {
    this.resolve();
    const recorded = this.plannedFrom;
    const out: Ipv6SubnetPlan[] = [];
    for (const [vpc, numbers] of this.resolve()) {
      const asked = new Set(this.asked.get(vpc) ?? []);
      for (const [name, netnum] of numbers) {
        out.push({ vpc, name, netnum, recorded: recorded[vpc]?.[name] === netnum, claimed: asked.has(name) });
      }
    }
    return out.sort((a, b) => (a.vpc < b.vpc ? -1 : a.vpc > b.vpc ? 1 : a.netnum - b.netnum));
  }

  /** What the plan file records: every number, asked or recorded (records nothing asked for stay). */
  public records(): Ipv6SubnetRecords {
    const out: Ipv6SubnetRecords = {};
    for (const [vpc, numbers] of this.resolve()) out[vpc] = Object.fromEntries(numbers);
    return out;
  }

  private resolve(): Map<string, Map<string, number>> {
    if (this.planned) return this.planned;
    const recorded = this.recorded();
    const planned = new Map<string, Map<string, number>>();
    for (const vpc of new Set([...Object.keys(recorded), ...this.asked.keys()])) {
      const numbers = new Map<string, number>(Object.entries(recorded[vpc] ?? {}));
      const taken = new Set(numbers.values());
      let next = 0;
      for (const name of this.asked.get(vpc) ?? []) {
        if (numbers.has(name)) continue;
        while (taken.has(next)) next++;
        // Name every subnet the VPC holds, not just those numbered before the block ran out.
        if (next >= this.slots) throw new Ipv6BlockFull(vpc, new Set([...numbers.keys(), ...this.asked.get(vpc)!]).size, this.slots);
        numbers.set(name, next);
        taken.add(next);
      }
      planned.set(vpc, numbers);
    }
    this.planned = planned;
    this.plannedFrom = recorded;
    return planned;
  }
}
