// Runs one bench job (bench/jobs.ts) in this process and prints its figures as one JSON line,
// with the process's peak RSS: `ts-node bench/child.ts JOB ARG...` (bench/main.ts runs it
// compiled to JavaScript, with plain node).
import { JOBS, plainStackTraces } from './jobs';

const [name, ...args] = process.argv.slice(2);
const job = JOBS[name];
if (!job) throw new Error(`unknown job ${name}: one of ${Object.keys(JOBS).join(', ')}`);
plainStackTraces();
const result = job(...args);
console.log(JSON.stringify({ ...result, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
