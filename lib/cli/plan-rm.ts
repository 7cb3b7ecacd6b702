// plan rm: release the records of a construct deleted for good.
import { NetworkRecords, PlanFileContent, PoolRecords, readPlanFile, updatePlanFile } from '../model/plan-file';
import { Command, CommandError, EXIT_OK, out, PLAN_FILE_OPTION, planFileOf } from './args';
import { checkPath, isUnder } from './plan-records';

export const planRm: Command = {
  usage: `Usage: cdktf-kube-networks plan rm PATH [--plan-file FILE]

Releases what the plan file records for PATH: a construct path releases everything under
it (networks, pools and owners, clusters' address families, the IPv6 subnet numbers of VPCs
under it); a key with a range name (corp/main:other, corp/x:members, an imported range
corp/main:NAME, or an IPv6 subnet corp/x:SUBNET) releases just that. The next synth may then
give the addresses to something else: run it only once the resources built on them are gone.

Options:
  --plan-file FILE  the plan file (default: ./cidr-plan.lock.json)
  -h, --help        this text`,
  options: { ...PLAN_FILE_OPTION },
  positionals: ['PATH'],
  run: (args) => {
    const file = planFileOf(args);
    const target = args.positionals[0];
    const exact = target.includes(':');
    if (exact) checkPath(target.slice(0, target.indexOf(':')), 'PATH');
    const what = exact ? target : checkPath(target, 'PATH');
    if (!readPlanFile(file)) throw new CommandError(`plan file ${file} does not exist: there is nothing to release`);
    const released: string[] = [];
    updatePlanFile(file, (content) => {
      const next = release(content, (key) => (exact ? key === what : isUnder(key, what)), released);
      if (released.length === 0) throw new CommandError(`${file} records nothing for ${what}: check the path with cdktf-kube-networks plan show`);
      return next;
    });
    out(released.join('\n'));
    out(`released ${released.length} records of ${what} from ${file}`);
    return EXIT_OK;
  },
};

/** `content` without what `matches`; lists each released record in `released`. */
function release(content: PlanFileContent, matches: (key: string) => boolean, released: string[]): PlanFileContent {
  const networks: PlanFileContent['networks'] = {};
  for (const [network, entry] of Object.entries(content.networks)) {
    if (matches(network)) {
      // Every record of the network, listed, so what was released can be read back.
      const listed = released.length;
      for (const [pool, records] of Object.entries(entry.pools)) {
        released.push(...Object.entries(records).map(([owner, cidr]) => `${owner} ${cidr} (pool ${pool})`));
      }
      released.push(...familiesOf(entry).map(([cluster, family]) => `${cluster} ${family} (family)`));
      released.push(...subnetsOf(entry).map(([key, netnum]) => `${key} netnum ${netnum} (IPv6 subnet)`));
      if (released.length === listed) released.push(`network ${network}`);
      continue;
    }
    const pools: Record<string, PoolRecords> = {};
    for (const [pool, records] of Object.entries(entry.pools)) {
      if (pool !== network && matches(pool)) {
        released.push(...Object.entries(records).map(([owner, cidr]) => `${owner} ${cidr} (pool ${pool})`));
        if (Object.keys(records).length === 0) released.push(`pool ${pool}`);
        continue;
      }
      const kept = Object.entries(records).filter(([owner, cidr]) => !(matches(owner) && released.push(`${owner} ${cidr}`)));
      if (kept.length > 0 || Object.keys(records).length === 0 || pool === network) pools[pool] = Object.fromEntries(kept);
    }
    const reserved = Object.fromEntries(Object.entries(entry.reserved ?? {})
      .filter(([name, r]) => !(matches(`${network}:${name}`) && released.push(`${network}:${name} ${r.cidr} (imported)`))));
    // A cluster path releases its family; a range key (corp/x:pods) leaves it while the cluster's other records stay.
    const families = Object.fromEntries(familiesOf(entry).filter(([cluster, family]) => !(matches(cluster) && released.push(`${cluster} ${family} (family)`))));
    const ipv6Subnets: Record<string, Record<string, number>> = {};
    for (const [key, netnum] of subnetsOf(entry)) {
      if (matches(key)) {
        released.push(`${key} netnum ${netnum} (IPv6 subnet)`);
        continue;
      }
      const cut = key.indexOf(':');
      (ipv6Subnets[key.slice(0, cut)] ??= {})[key.slice(cut + 1)] = netnum;
    }
    networks[network] = { ...entry, pools, reserved, families, ipv6Subnets };
  }
  return { ...content, networks };
}

/** A network's recorded families, cluster path -> family. */
function familiesOf(entry: NetworkRecords): Array<[string, string]> {
  return Object.entries(entry.families ?? {});
}

/** A network's recorded IPv6 subnet numbers, as `vpc:subnet` -> netnum (VPC owner paths hold no colon). */
function subnetsOf(entry: NetworkRecords): Array<[string, number]> {
  return Object.entries(entry.ipv6Subnets ?? {}).flatMap(([vpc, subnets]) => Object.entries(subnets).map(([name, netnum]): [string, number] => [`${vpc}:${name}`, netnum]));
}
