// plan: the plan file's subcommands.
import { Command, err, EXIT_ERROR, EXIT_OK, out, runCommand } from './args';
import { planDiff } from './plan-diff';
import { planImport } from './plan-import';
import { planMv } from './plan-mv';
import { planRm } from './plan-rm';
import { planShow } from './plan-show';

export const PLAN_COMMANDS: Record<string, Command> = {
  show: planShow,
  diff: planDiff,
  mv: planMv,
  rm: planRm,
  import: planImport,
};

const USAGE = `Usage: cdktf-kube-networks plan COMMAND [options]

Reads and edits the plan file (cidr-plan.lock.json) that keeps every planned range where it is.

Commands:
  show     the recorded ranges as a table
  diff     added, removed and moved records against a git ref or another file (exit 1 when one moved)
  mv       rename a construct path (and everything under it), keeping its ranges
  rm       release the records of a construct deleted for good
  import   adopt existing ranges (terraform show -json, or CSV cidr,name) as reserved ranges

Run cdktf-kube-networks plan COMMAND --help for a command's options.`;

/** `plan SUBCOMMAND ...` */
export function plan(argv: string[]): number {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    (sub === undefined ? err : out)(USAGE);
    return sub === undefined ? EXIT_ERROR : EXIT_OK;
  }
  const command = PLAN_COMMANDS[sub];
  if (!command) {
    err(`cdktf-kube-networks plan: unknown command ${JSON.stringify(sub)}: use one of ${Object.keys(PLAN_COMMANDS).join(', ')}`);
    return EXIT_ERROR;
  }
  return runCommand(`plan ${sub}`, command, rest);
}
