// plan diff: added, removed and moved records against a git ref or another plan file.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parsePlanFile, PlanFileContent, readPlanFile } from '../model/plan-file';
import { Command, CommandError, EXIT_FINDING, EXIT_OK, out, PLAN_FILE_OPTION, planFileOf, table } from './args';
import { FlatRecord, flatten, keyOf } from './plan-records';

export const planDiff: Command = {
  usage: `Usage: cdktf-kube-networks plan diff [--plan-file FILE] [--against GIT_REF|FILE]

Compares the plan file with an earlier one: records added (+), removed (-) and MOVED (~, a
recorded range that now has another CIDR, or an IPv6 subnet another number, or a cluster
another address family: what is built on it would be replaced). Exits 1 when a
recorded range moved, so CI can stop it; 0 otherwise.

Options:
  --plan-file FILE          the plan file (default: ./cidr-plan.lock.json)
  --against GIT_REF|FILE    what to compare with: another plan file, or a git ref whose
                            version of the plan file is read with git show REF:path (default: HEAD)
  -h, --help                this text`,
  options: { ...PLAN_FILE_OPTION, against: { type: 'string' } },
  positionals: [],
  run: (args) => {
    const file = planFileOf(args);
    const current = readPlanFile(file);
    if (!current) throw new CommandError(`plan file ${file} does not exist: run cdktf synth to write it, or pass --plan-file`);
    const against = (args.values.against as string | undefined) ?? 'HEAD';
    const { content: before, label } = readAgainst(file, against);
    const { added, removed, moved } = compare(before, current);
    const rows = [
      ...added.map((r) => ['+', r.network, r.pool, r.owner, r.cidr]),
      ...removed.map((r) => ['-', r.network, r.pool, r.owner, r.cidr]),
      ...moved.map(([was, now]) => ['~', now.network, now.pool, now.owner, `${was.cidr} -> ${now.cidr} MOVED`]),
    ];
    if (rows.length > 0) out(table(['', 'NETWORK', 'POOL', 'OWNER', 'CIDR'], rows));
    out(`${added.length} added, ${removed.length} removed, ${moved.length} moved (${file} against ${label})`);
    if (moved.length > 0) {
      out('A moved range replaces every subnet built on it: restore the record (git checkout the plan file), or pin the range where it was.');
      return EXIT_FINDING;
    }
    return EXIT_OK;
  },
};

/** Records only in `after`, only in `before`, and in both with another CIDR. */
export function compare(before: PlanFileContent, after: PlanFileContent): { added: FlatRecord[]; removed: FlatRecord[]; moved: Array<[FlatRecord, FlatRecord]> } {
  const was = new Map(flatten(before).map((r) => [keyOf(r), r]));
  const now = new Map(flatten(after).map((r) => [keyOf(r), r]));
  return {
    added: [...now.values()].filter((r) => !was.has(keyOf(r))),
    removed: [...was.values()].filter((r) => !now.has(keyOf(r))),
    moved: [...now.values()].filter((r) => was.has(keyOf(r)) && was.get(keyOf(r))!.cidr !== r.cidr).map((r) => [was.get(keyOf(r))!, r]),
  };
}

/** The plan to compare with: a file when `against` names one, else the plan file at git ref `against`. */
function readAgainst(file: string, against: string): { content: PlanFileContent; label: string } {
  if (fs.existsSync(against)) {
    const content = readPlanFile(against);
    if (!content) throw new CommandError(`--against ${against} cannot be read: give a plan file or a git ref`);
    return { content, label: against };
  }
  const dir = path.dirname(path.resolve(file));
  const git = (...gitArgs: string[]) => spawnSync('git', ['-C', dir, ...gitArgs], { encoding: 'utf8' });
  const ref = git('rev-parse', '--verify', '--quiet', `${against}^{commit}`);
  if (ref.error) throw new CommandError(`--against ${against} is no file, and git cannot be run to read it as a ref (${ref.error.message}): install git, or give a plan file`);
  if (ref.status !== 0) {
    throw new CommandError(`--against ${against} is neither a file nor a git ref of the repository at ${dir}: give a plan file, or a ref such as HEAD, main or HEAD~1`);
  }
  const spec = `${against}:./${path.basename(file)}`;
  const shown = git('show', spec);
  if (shown.status !== 0) {
    // The ref exists but has no plan file there yet: everything is new.
    return { content: { version: 1, networks: {} }, label: `${against} (no plan file there)` };
  }
  return { content: parsePlanFile(shown.stdout, `${path.basename(file)} at ${against}`), label: against };
}
