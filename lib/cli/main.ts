// The `cdktf-kube-networks` command: one function per subcommand, each returning an exit code.
import { verifyCommand } from './verify';

/** Subcommands by name: each takes its arguments and returns the process exit code. */
export const COMMANDS: Record<string, (argv: string[]) => number> = {
  verify: verifyCommand,
};

/** Runs the subcommand named by `argv[0]`; returns the exit code (2 for usage errors). */
export function main(argv: string[]): number {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    const known = Object.keys(COMMANDS).sort().join(', ');
    process.stderr.write(`cdktf-kube-networks: ${name === undefined ? 'no command given' : `unknown command ${JSON.stringify(name)}`} — use one of: ${known}\n`);
    return 2;
  }
  try {
    return command(rest);
  } catch (e) {
    process.stderr.write(`cdktf-kube-networks ${name}: ${(e as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
