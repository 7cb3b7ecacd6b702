// plan mv: rename a construct path in the plan file, so the next synth keeps its ranges.
import { PlanFileContent, PoolRecords, readPlanFile, updatePlanFile } from '../model/plan-file';
import { Command, CommandError, EXIT_OK, out, PLAN_FILE_OPTION, planFileOf } from './args';
import { checkPath, isUnder, moveKey } from './plan-records';

export const planMv: Command = {
  usage: `Usage: cdktf-kube-networks plan mv OLD_PATH NEW_PATH [--plan-file FILE]

Renames a construct path, and everything under it, in the plan file: networks, pools and
owners (keys such as corp/main:pods and pools such as corp/x:members), clusters' address
families and the VPCs whose IPv6 subnets are numbered. Run it when you rename
or move a construct, before the next synth: that synth then finds the ranges under the new
path and keeps them. Refused when NEW_PATH already has records.

Options:
  --plan-file FILE  the plan file (default: ./cidr-plan.lock.json)
  -h, --help        this text`,
  options: { ...PLAN_FILE_OPTION },
  positionals: ['OLD_PATH', 'NEW_PATH'],
  run: (args) => {
    const file = planFileOf(args);
    const from = checkPath(args.positionals[0], 'OLD_PATH');
    const to = checkPath(args.positionals[1], 'NEW_PATH');
    if (from === to) throw new CommandError(`OLD_PATH and NEW_PATH are both ${from}: nothing to rename`);
    if (!readPlanFile(file)) throw new CommandError(`plan file ${file} does not exist: run cdktf synth to write it, or pass --plan-file`);
    const renamed: string[] = [];
    updatePlanFile(file, (content) => {
      if (keysUnder(content, from).length === 0) {
        throw new CommandError(`${file} records nothing under ${from}: check the path with cdktf-kube-networks plan show`);
      }
      const taken = keysUnder(content, to);
      if (taken.length > 0) {
        throw new CommandError(`${file} already records ${taken.slice(0, 3).join(', ')}${taken.length > 3 ? ` and ${taken.length - 3} more` : ''} under ${to}: release them first (cdktf-kube-networks plan rm ${to}) or choose another path`);
      }
      const moved = rename(content, from, to);
      renamed.push(...keysUnder(content, from).map((k) => `${k} -> ${moveKey(k, from, to)}`));
      return moved;
    });
    out(renamed.join('\n'));
    out(`renamed ${from} to ${to} in ${file} (${renamed.length} keys)`);
    return EXIT_OK;
  },
};

/** Every network, pool, owner, family (cluster path) and IPv6 subnet VPC key under `path`, each once. */
export function keysUnder(content: PlanFileContent, path: string): string[] {
  const keys = new Set<string>();
  for (const [network, entry] of Object.entries(content.networks)) {
    if (isUnder(network, path)) keys.add(network);
    for (const [pool, records] of Object.entries(entry.pools)) {
      if (isUnder(pool, path)) keys.add(pool);
      for (const owner of Object.keys(records)) if (isUnder(owner, path)) keys.add(owner);
    }
    for (const key of [...Object.keys(entry.families ?? {}), ...Object.keys(entry.ipv6Subnets ?? {})]) if (isUnder(key, path)) keys.add(key);
  }
  return [...keys].sort();
}

function moveKeys<T>(record: Record<string, T> | undefined, from: string, to: string): Record<string, T> | undefined {
  return record && Object.fromEntries(Object.entries(record).map(([key, value]) => [moveKey(key, from, to), value]));
}

function rename(content: PlanFileContent, from: string, to: string): PlanFileContent {
  const networks: PlanFileContent['networks'] = {};
  for (const [network, entry] of Object.entries(content.networks)) {
    const pools: Record<string, PoolRecords> = {};
    for (const [pool, records] of Object.entries(entry.pools)) {
      pools[moveKey(pool, from, to)] = Object.fromEntries(Object.entries(records).map(([owner, cidr]) => [moveKey(owner, from, to), cidr]));
    }
    const { families, ipv6Subnets } = entry;
    networks[moveKey(network, from, to)] = {
      ...entry, pools,
      ...(families ? { families: moveKeys(families, from, to) } : {}),
      ...(ipv6Subnets ? { ipv6Subnets: moveKeys(ipv6Subnets, from, to) } : {}),
    };
  }
  return { ...content, networks };
}
