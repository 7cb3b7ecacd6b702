// Terraform as an oracle, offline: `terraform console` evaluates expressions without a
// configuration or providers (about 50 ms per run). Tests that use it skip when there is no
// working binary. TERRAFORM_BIN picks the binary (default `terraform` on PATH).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const TERRAFORM_BIN = process.env.TERRAFORM_BIN || 'terraform';
export const TIMEOUT_MS = 30_000;

/** An environment that ignores the user's Terraform settings (TF_CLI_ARGS, TF_LOG...) and never phones home. */
function terraformEnv(cliConfigFile: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TF_')));
  return { ...env, TF_CLI_CONFIG_FILE: cliConfigFile, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' };
}

export function terraformVersion(): string | undefined {
  const result = spawnSync(TERRAFORM_BIN, ['version', '-json'], {
    encoding: 'utf8', timeout: TIMEOUT_MS, env: terraformEnv(os.devNull),
  });
  if (result.error || result.status !== 0) return undefined;
  try {
    return JSON.parse(result.stdout).terraform_version;
  } catch {
    return undefined;
  }
}

/**
 * Evaluates every expression in one `terraform console` run, in an empty temporary
 * directory (so no configuration or provider is loaded). Returns the values in order.
 */
export function evaluateAll(expressions: readonly string[]): unknown[] {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-oracle-'));
  try {
    const cliConfigFile = path.join(workDir, 'empty.tfrc');
    fs.writeFileSync(cliConfigFile, '');
    const result = spawnSync(TERRAFORM_BIN, ['console', '-no-color'], {
      cwd: workDir,
      input: `jsonencode([${expressions.join(', ')}])\n`,
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      env: terraformEnv(cliConfigFile),
    });
    if (result.error || result.status !== 0) {
      throw new Error(`terraform console failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr}`);
    }
    // The console prints the JSON as an HCL string literal: decode the literal, then the JSON.
    const line = result.stdout.trim().split('\n').pop()!;
    return JSON.parse(JSON.parse(line));
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

export function hclString(text: string): string {
  return JSON.stringify(text);
}

