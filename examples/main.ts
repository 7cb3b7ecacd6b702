// The example estate, synthesized offline by `npx cdktf synth` (no cloud credentials needed).
import * as path from 'path';
import { App } from 'cdktf';
import { corpExample } from './corp';
import { gkeExample } from './gke';

const app = new App();
const planFile = path.join(__dirname, 'cidr-plan.lock.json'); // committed: ranges never move

corpExample(app, planFile); // every model in one GCP network (examples/corp.ts)
gkeExample(app, planFile); // a GKE cluster on a flat cluster's plan (examples/gke.ts)

app.synth();
