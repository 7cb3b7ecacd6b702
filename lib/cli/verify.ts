// `cdktf-kube-networks verify [cdktf.out]`: checks every network model's promises against the
// synthesized Terraform, writes each estate's reachability matrix beside the address plans,
// and exits 1 with the findings when a promise is broken.
import * as fs from 'fs';
import * as path from 'path';
import { verifyNetworkModel } from '../verify';

const USAGE = 'usage: cdktf-kube-networks verify [cdktf.out]';

/** Runs the verifier on the directory in `argv` (default `cdktf.out`); returns 0, or 1 on findings. */
export function verifyCommand(argv: string[]): number {
  if (argv.some((a) => a === '-h' || a === '--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.length > 1 || argv.some((a) => a.startsWith('-'))) {
    process.stderr.write(`cdktf-kube-networks verify: unexpected arguments ${argv.join(' ')} — ${USAGE}\n`);
    return 2;
  }
  const outdir = argv[0] ?? 'cdktf.out';
  const result = verifyNetworkModel({ outdir });
  for (const estate of result.estates) {
    const base = path.join(outdir, `reachability-${estate.estate.replace(/[^A-Za-z0-9_.-]/g, '-')}`);
    fs.writeFileSync(`${base}.md`, estate.markdown);
    fs.writeFileSync(`${base}.svg`, estate.svg);
  }
  const networks = new Set(result.estates.flatMap((e) => e.endpoints)).size;
  if (result.ok) {
    process.stdout.write(`verify: every promise holds in ${result.estates.length} estates (${networks} ranges); matrices written to ${outdir}/reachability-*.md and .svg\n`);
    return 0;
  }
  process.stdout.write(`verify: ${result.findings.length} broken promises\n`);
  for (const f of result.findings) process.stdout.write(`${f.message}\n  promise: ${f.promise}\n`);
  return 1;
}
