// The example estate, synthesized offline by `npx cdktf synth` (no cloud credentials needed).
// Every example records its ranges in the committed plan file beside this one.
import * as path from 'path';
import { App } from 'cdktf';
import { awsIpv6Example } from './aws-ipv6';
import { corpExample } from './corp';
import { eksExample } from './eks';
import { gcpDualStackExample } from './gcp-dualstack';
import { gkeExample } from './gke';
import { archipelagoExample, flatExample, islandExample, isolatedExample } from './models';
import { multiCloudExample } from './multicloud';
import { CLOUDS } from './stack';
import { talkExamples } from './talk';

/** Builds every example into `app`. */
export function allExamples(app: App, planFile: string): void {
  corpExample(app, planFile); // the DESIGN contract: every model in one GCP network
  gkeExample(app, planFile); // a GKE cluster on a flat cluster's plan
  eksExample(app, planFile); // an EKS cluster on a flat cluster's plan
  for (const [name, cloud] of Object.entries(CLOUDS)) {
    flatExample(app, `${name}-flat`, cloud, planFile);
    isolatedExample(app, `${name}-isolated`, cloud, planFile);
    islandExample(app, `${name}-island`, cloud, planFile);
    archipelagoExample(app, `${name}-archipelago`, cloud, planFile);
  }
  talkExamples(app, planFile); // one stack per picture of the talk
  multiCloudExample(app, planFile); // one enterprise range over GCP and AWS
  awsIpv6Example(app, planFile); // an IPv6 flat cluster and a dual-stack island on AWS
  gcpDualStackExample(app, planFile); // dual-stack flat and island clusters on GCP, a GKE cluster on the flat one
}

if (require.main === module) {
  const app = new App();
  allExamples(app, path.join(__dirname, 'cidr-plan.lock.json')); // committed: ranges never move
  app.synth();
}
