// What every command shares: argument parsing, usage errors, output.
import * as fs from 'fs';
import { parseArgs, ParseArgsConfig } from 'util';

/** The plan file commands use when --plan-file is not given. */
export const DEFAULT_PLAN_FILE = 'cidr-plan.lock.json';

/** Exit codes: 0 done, 1 a finding (a moved range), 2 the command could not do what was asked. */
export const EXIT_OK = 0;
export const EXIT_FINDING = 1;
export const EXIT_ERROR = 2;

/** A mistake in how a command was called, or an input it cannot use; printed with the command's usage hint. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

/** One command: its usage text and what it does with its arguments. */
export interface Command {
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Positional argument names, for the usage check. */
  readonly positionals: readonly string[];
  readonly run: (args: ParsedArgs) => number;
}

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
}

export const PLAN_FILE_OPTION = { 'plan-file': { type: 'string' as const } };

/** Parses `argv` for `command` and runs it; prints --help, usage mistakes and errors. */
export function runCommand(name: string, command: Command, argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(command.usage);
    return EXIT_OK;
  }
  try {
    let parsed: ParsedArgs;
    try {
      const { values, positionals } = parseArgs({ args: argv, options: command.options, allowPositionals: true, strict: true });
      parsed = { values: values as ParsedArgs['values'], positionals };
    } catch (e) {
      throw new CommandError((e as Error).message.replace(/\. To specify a positional argument.*$/, ''));
    }
    if (parsed.positionals.length !== command.positionals.length) {
      const wanted = command.positionals.length === 0 ? 'no arguments' : command.positionals.join(' ');
      throw new CommandError(`${name} takes ${wanted}, got ${parsed.positionals.length === 0 ? 'none' : parsed.positionals.map((p) => JSON.stringify(p)).join(' ')}`);
    }
    return command.run(parsed);
  } catch (e) {
    const hint = e instanceof CommandError ? ` (see: cdktf-kube-networks ${name} --help)` : '';
    err(`cdktf-kube-networks ${name}: ${(e as Error).message}${hint}`);
    return EXIT_ERROR;
  }
}

/** The --plan-file value, or the default. */
export function planFileOf(args: ParsedArgs): string {
  const file = args.values['plan-file'];
  if (file === '') throw new CommandError('--plan-file is empty: give the path of the plan file, e.g. --plan-file cidr-plan.lock.json');
  return typeof file === 'string' ? file : DEFAULT_PLAN_FILE;
}

/** Writes a line (or lines) to stdout. */
export function out(text: string): void {
  fs.writeSync(1, text.endsWith('\n') ? text : text + '\n');
}

/** Writes a line to stderr. */
export function err(text: string): void {
  fs.writeSync(2, text.endsWith('\n') ? text : text + '\n');
}

/** Left-aligned columns, two spaces apart. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
