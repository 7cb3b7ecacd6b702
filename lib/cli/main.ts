// The cdktf-kube-networks command: a dispatcher over its commands.
import { err, EXIT_ERROR, EXIT_OK, out } from './args';
import { plan } from './plan';
import { verifyCommand } from './verify';

/** Every command, by name: each takes the arguments after its name and returns the exit code. */
export const COMMANDS: Record<string, (argv: string[]) => number> = {
  plan,
  verify: verifyCommand,
};

const USAGE = `Usage: cdktf-kube-networks COMMAND [options]

Commands:
${Object.keys(COMMANDS).sort().map((c) => `  ${c}`).join('\n')}

Run cdktf-kube-networks COMMAND --help for a command's options.`;

/** Runs the command `argv` names (argv without node and the script); returns the exit code. */
export function main(argv: string[]): number {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    out(USAGE);
    return EXIT_OK;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    err(name === undefined ? USAGE : `cdktf-kube-networks: unknown command ${JSON.stringify(name)}: use one of ${Object.keys(COMMANDS).sort().join(', ')}`);
    return EXIT_ERROR;
  }
  try {
    return command(rest);
  } catch (e) {
    err(`cdktf-kube-networks ${name}: ${(e as Error).message}`);
    return EXIT_ERROR;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
