// plan show: the recorded ranges as a table.
import { readPlanFile } from '../model/plan-file';
import { Command, CommandError, EXIT_OK, out, PLAN_FILE_OPTION, planFileOf, table } from './args';
import { flatten } from './plan-records';

export const planShow: Command = {
  usage: `Usage: cdktf-kube-networks plan show [--plan-file FILE]

Lists every range the plan file records: network, pool, owner, role (when the key
says it) and CIDR. Adopted ranges (plan import) are listed in pool "reserved"; clusters'
address families in pool "families" (the family in the CIDR column), IPv6 subnet numbers
in pool "ipv6Subnets" (owner VPC:SUBNET, the number in the CIDR column).

Options:
  --plan-file FILE  the plan file (default: ./cidr-plan.lock.json)
  -h, --help        this text`,
  options: { ...PLAN_FILE_OPTION },
  positionals: [],
  run: (args) => {
    const file = planFileOf(args);
    const content = readPlanFile(file);
    if (!content) throw new CommandError(`plan file ${file} does not exist: run cdktf synth to write it, or pass --plan-file`);
    const records = flatten(content);
    if (records.length === 0) {
      out(`${file} records no ranges`);
      return EXIT_OK;
    }
    out(table(['NETWORK', 'POOL', 'OWNER', 'ROLE', 'CIDR'], records.map((r) => [r.network, r.pool, r.owner, r.role, r.cidr])));
    return EXIT_OK;
  },
};
