// Plan files a user (or an editor, or a crash) left wrong, on both clouds: refused with PLAN-004
// naming the file and the field, the file left as it was, nothing synthesized.
import * as fs from 'fs';
import { FlatCluster, Network } from '../../lib';
import { tempDir, tempPlanFile } from '../support';

// fs's own functions cannot be spied on (their properties are not configurable): a module whose
// readFileSync can be told to fail as it does for a user without read permission (EACCES).
jest.mock('fs', () => {
  const real = jest.requireActual('fs');
  return { ...real, readFileSync: jest.fn(real.readFileSync) };
});
import { bareStack, cloudOf, CLOUDS, expectNothingWritten, expectRefusal, refusedMessage, Refusal } from './support';

const GOOD = { version: 2, networks: {} };
const network = (body: unknown) => JSON.stringify({ version: 2, networks: { 'corp/main': body } });

const cases: Array<[title: string, text: string, refusal: Refusal]> = [
  ['a UTF-8 byte-order mark', `\ufeff${JSON.stringify(GOOD)}`, { id: 'PLAN-004', says: ['[corp/main]', 'starts with a byte-order mark', 'UTF-8 without BOM'] }],
  ['"pools": null', network({ cidr: '10.0.0.0/8', pools: null }), { id: 'PLAN-004', says: ['[corp/main]', 'networks["corp/main"].pools is null', 'not an object of pools'] }],
  ['"pools": a list', network({ cidr: '10.0.0.0/8', pools: [] }), { id: 'PLAN-004', says: ['[corp/main]', 'networks["corp/main"].pools', 'an array'] }],
  ['"networks": null', JSON.stringify({ version: 2, networks: null }), { id: 'PLAN-004', says: ['[corp/main]', 'networks', 'null'] }],
  ['no "version"', JSON.stringify({ networks: {} }), { id: 'PLAN-004', says: ['[corp/main]', '"version" is missing'] }],
  ['"version": 99', JSON.stringify({ version: 99, networks: {} }), { id: 'PLAN-004', says: ['[corp/main]', 'version', '99'] }],
  ['not JSON', '{ "version": 2, ', { id: 'PLAN-004', says: ['[corp/main]', 'is not valid JSON'] }],
  ['empty', '', { id: 'PLAN-004', says: ['[corp/main]', 'is empty', 'git checkout --'] }],
];

describe('plan files that are not what the library wrote', () => {
  const rows = CLOUDS.flatMap((cloud) => cases.map(([title, text, refusal]) => [cloud, title, text, refusal] as const));
  test.each(rows)('%s: %s', (cloud, _title, text, refusal) => {
    expectRefusal(refusedMessage(cloud, ({ stack, network: main }) => new FlatCluster(stack, 'x', { network: main }), { planText: text }), refusal);
  });
});

describe('a plan file the user may not read (EACCES)', () => {
  const readFileSync = fs.readFileSync as jest.MockedFunction<typeof fs.readFileSync>;
  const real = jest.requireActual('fs').readFileSync as typeof fs.readFileSync;
  afterEach(() => readFileSync.mockImplementation(real));

  test.each(CLOUDS)('%s: a sentence with the path and the fix, not the errno text', (cloud) => {
    const outdir = tempDir();
    const planFile = tempPlanFile();
    const text = JSON.stringify(GOOD);
    fs.writeFileSync(planFile, text);
    readFileSync.mockImplementation(((file: fs.PathOrFileDescriptor, options?: unknown) => {
      if (String(file).endsWith('cidr-plan.lock.json')) {
        throw Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), { code: 'EACCES', errno: -13, syscall: 'open' });
      }
      return real(file, options as BufferEncoding);
    }) as typeof fs.readFileSync);
    const { app, stack } = bareStack(cloud, outdir);
    let message = '';
    try {
      const main = new Network(stack, 'main', { cidr: '10.0.0.0/8', cloud: cloudOf(cloud), planFile, frozen: false });
      new FlatCluster(stack, 'x', { network: main });
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    readFileSync.mockImplementation(real);
    expectNothingWritten(outdir, planFile, text);
    expectRefusal(message, { id: 'PLAN-004', says: ['[corp/main]', 'cidr-plan.lock.json cannot be read (permission denied)', 'chmod u+rw'] });
    expect(message).not.toContain('EACCES');
  });
});
