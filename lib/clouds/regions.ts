import { shown, typeOf } from '../model/errors';
import { nearest } from '../policy/checker';

// The regions of each cloud and the zones of each region: the one table the library checks
// `Cloud.gcp({ region })` and `Cloud.aws({ region, availabilityZones })` against (INPUT-003).
//
// Sources (read in December 2026; the well-known commercial and GovCloud regions only):
// - AWS: the public list of Regions and Availability Zones ("Regions and Zones", Amazon EC2 User
//   Guide; `aws ec2 describe-availability-zones --region R`), each region's zone letters as the
//   union over accounts: AWS maps letters to zones per account, and older accounts see letters
//   newer ones do not (us-west-1 a/b or b/c, ap-northeast-1 b, ca-central-1 c).
// - GCP: "Regions and zones" (Compute Engine documentation, cloud.google.com/compute/docs/regions-zones),
//   each region with its zone suffixes (`us-central1` has a, b, c and f; `europe-west1` b, c, d).
// A region newer than this table is taken with `unlistedRegion: true` on the Cloud's props:
// its name must still be well formed, and AWS zones must still be the region's name and a letter.

/** AWS region -> its availability zone letters. */
const AWS_ZONES: Readonly<Record<string, string>> = {
  'af-south-1': 'abc',
  'ap-east-1': 'abc',
  'ap-east-2': 'abc',
  'ap-northeast-1': 'abcd',
  'ap-northeast-2': 'abcd',
  'ap-northeast-3': 'abc',
  'ap-south-1': 'abc',
  'ap-south-2': 'abc',
  'ap-southeast-1': 'abc',
  'ap-southeast-2': 'abc',
  'ap-southeast-3': 'abc',
  'ap-southeast-4': 'abc',
  'ap-southeast-5': 'abc',
  'ap-southeast-7': 'abc',
  'ca-central-1': 'abcd',
  'ca-west-1': 'abc',
  'eu-central-1': 'abc',
  'eu-central-2': 'abc',
  'eu-north-1': 'abc',
  'eu-south-1': 'abc',
  'eu-south-2': 'abc',
  'eu-west-1': 'abc',
  'eu-west-2': 'abc',
  'eu-west-3': 'abc',
  'il-central-1': 'abc',
  'me-central-1': 'abc',
  'me-south-1': 'abc',
  'mx-central-1': 'abc',
  'sa-east-1': 'abc',
  'us-east-1': 'abcdef',
  'us-east-2': 'abc',
  'us-gov-east-1': 'abc',
  'us-gov-west-1': 'abc',
  'us-west-1': 'abc',
  'us-west-2': 'abcd',
};

/** GCP region -> its zone suffixes. */
const GCP_ZONES: Readonly<Record<string, string>> = {
  'africa-south1': 'abc',
  'asia-east1': 'abc',
  'asia-east2': 'abc',
  'asia-northeast1': 'abc',
  'asia-northeast2': 'abc',
  'asia-northeast3': 'abc',
  'asia-south1': 'abc',
  'asia-south2': 'abc',
  'asia-southeast1': 'abc',
  'asia-southeast2': 'abc',
  'australia-southeast1': 'abc',
  'australia-southeast2': 'abc',
  'europe-central2': 'abc',
  'europe-north1': 'abc',
  'europe-north2': 'abc',
  'europe-southwest1': 'abc',
  'europe-west1': 'bcd',
  'europe-west2': 'abc',
  'europe-west3': 'abc',
  'europe-west4': 'abc',
  'europe-west6': 'abc',
  'europe-west8': 'abc',
  'europe-west9': 'abc',
  'europe-west10': 'abc',
  'europe-west12': 'abc',
  'me-central1': 'abc',
  'me-central2': 'abc',
  'me-west1': 'abc',
  'northamerica-northeast1': 'abc',
  'northamerica-northeast2': 'abc',
  'northamerica-south1': 'abc',
  'southamerica-east1': 'abc',
  'southamerica-west1': 'abc',
  'us-central1': 'abcf',
  'us-east1': 'bcd',
  'us-east4': 'abc',
  'us-east5': 'abc',
  'us-south1': 'abc',
  'us-west1': 'abc',
  'us-west2': 'abc',
  'us-west3': 'abc',
  'us-west4': 'abc',
};

/** One cloud's regions: how a name is written, and the ones the table holds with their zones. */
export interface RegionTable {
  /** `Cloud.gcp` or `Cloud.aws`, for messages. */
  readonly factory: string;
  /** What every region name of the cloud looks like. */
  readonly pattern: RegExp;
  /** A region to show in examples. */
  readonly example: string;
  /** Region -> zone names. */
  readonly zones: ReadonlyMap<string, string[]>;
}

/** GCP: `us-central1` (a continent, a direction and a number); zones `us-central1-a`. */
export const GCP_REGIONS: RegionTable = {
  factory: 'Cloud.gcp',
  pattern: /^[a-z]+-[a-z]+\d+$/,
  example: 'us-central1',
  zones: new Map(Object.entries(GCP_ZONES).map(([region, letters]) => [region, [...letters].map((l) => `${region}-${l}`)])),
};

/** AWS: `eu-west-1`, `us-gov-west-1`; zones `eu-west-1a`. */
export const AWS_REGIONS: RegionTable = {
  factory: 'Cloud.aws',
  pattern: /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/,
  example: 'eu-west-1',
  zones: new Map(Object.entries(AWS_ZONES).map(([region, letters]) => [region, [...letters].map((l) => `${region}${l}`)])),
};

const ESCAPE = 'unlistedRegion: true';

/**
 * Checks a Cloud's region against its cloud's table (INPUT-003): a value that is no region name
 * of the cloud fails; a well-formed name the table does not hold fails too, naming the nearest
 * regions, unless `unlistedRegion` says it is newer than the table.
 */
export function checkRegion(table: RegionTable, region: unknown, unlistedRegion: unknown): void {
  const fail = (message: string) => new Error(`${table.factory}: INPUT-003: ${message}`);
  if (unlistedRegion !== undefined && typeof unlistedRegion !== 'boolean') {
    throw new Error(`${table.factory}: INPUT-002: unlistedRegion ${shown(unlistedRegion)} is ${typeOf(unlistedRegion)}, not a boolean: write ${ESCAPE} or leave it out`);
  }
  if (typeof region !== 'string') {
    throw fail(`region ${shown(region)} is ${typeOf(region)}, not a string: write a region name like "${table.example}"`);
  }
  if (!table.pattern.test(region)) {
    const lower = region.trim().toLowerCase();
    const hint = table.zones.has(lower) ? `did you mean "${lower}"?` : `nearest regions: ${nearest(region.toLowerCase(), [...table.zones.keys()]).join(', ')}`;
    throw fail(`region "${region}" is not ${table === GCP_REGIONS ? 'a' : 'an'} ${cloudName(table)} region name (like "${table.example}"): ${hint}`);
  }
  if (!table.zones.has(region) && unlistedRegion !== true) {
    throw fail(`region "${region}" is not in the library's table of ${cloudName(table)} regions: nearest regions: ${nearest(region.toLowerCase(), [...table.zones.keys()]).join(', ')}; ` +
      `if it is a region newer than the table, say so with ${ESCAPE}`);
  }
}

/**
 * Checks an AWS Cloud's zones (INPUT-003): one or more distinct names, each a zone of the
 * region (for an unlisted region: the region's name and a lower-case letter).
 */
export function checkZones(table: RegionTable, region: string, zones: unknown): void {
  const fail = (message: string) => new Error(`${table.factory}: INPUT-003: ${message}`);
  const known = table.zones.get(region);
  const example = `e.g. ${JSON.stringify((known ?? [`${region}a`, `${region}b`]).slice(0, 2))}`;
  if (!Array.isArray(zones)) {
    throw fail(`availabilityZones ${shown(zones)} is ${typeOf(zones)}, not a list of zone names: ${example}`);
  }
  if (zones.length === 0) {
    throw fail(`availabilityZones [] is empty: a VPC with no zone has no subnet to put nodes, gateways or attachments in — list one or more zones of ${region}, ${example}, or leave the prop out for zones a and b`);
  }
  const notNames = zones.filter((zone) => typeof zone !== 'string' || zone === '');
  if (notNames.length > 0) {
    throw fail(`availabilityZones ${shown(zones)} holds ${shown(notNames[0])}, which is not a zone name: ${example}`);
  }
  const repeated = zones.filter((zone, i) => zones.indexOf(zone) !== i);
  if (repeated.length > 0) {
    throw fail(`availabilityZones ${shown(zones)} lists ${shown(repeated[0])} twice: list each zone once, ${example}`);
  }
  const foreign = (zones as string[]).filter((zone) => (known ? !known.includes(zone) : !new RegExp(`^${region}[a-z]$`).test(zone)));
  if (foreign.length > 0) {
    const valid = known ? `the zones of ${region} are ${known.join(', ')}` : `a zone of ${region} is its name and a lower-case letter`;
    throw fail(`availabilityZones ${shown(foreign)} ${foreign.length === 1 ? 'is not a zone' : 'are not zones'} of region ${region}: ${valid}`);
  }
}

function cloudName(table: RegionTable): string {
  return table === GCP_REGIONS ? 'GCP' : 'AWS';
}
