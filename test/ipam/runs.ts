/**
 * Run count of a property test: `base` times IPAM_PROPERTY_RUNS_SCALE (default 1), at least 1.
 * The default keeps `npm test` fast; a soak run raises it, e.g.
 *   IPAM_PROPERTY_RUNS_SCALE=50 npx jest test/ipam
 */
export function runs(base: number): number {
  const scale = Number(process.env.IPAM_PROPERTY_RUNS_SCALE ?? '1');
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new Error(`IPAM_PROPERTY_RUNS_SCALE must be a positive number, not ${JSON.stringify(process.env.IPAM_PROPERTY_RUNS_SCALE)}`);
  }
  return Math.max(1, Math.round(base * scale));
}
