// The plan-file lock when the file system refuses a step of breaking a stale lock: an error
// naming the lock and the fix, not an attempt repeated for good.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lockPath, tryLock } from '../../lib/model/plan-file-lock';
import { tempPlanFile } from '../support';

// fs's own functions cannot be spied on (their properties are not configurable): a module whose
// renameSync fails as it does on another user's file in a sticky directory such as /tmp.
jest.mock('fs', () => {
  const real = jest.requireActual('fs');
  return { ...real, renameSync: jest.fn(real.renameSync) };
});

const renameSync = fs.renameSync as jest.MockedFunction<typeof fs.renameSync>;
afterEach(() => renameSync.mockImplementation(jest.requireActual('fs').renameSync));

test('a stale lock that may not be moved (another user\'s, in a sticky directory) is an error naming it and the fix', () => {
  const file = tempPlanFile();
  const lock = lockPath(file);
  fs.writeFileSync(lock, JSON.stringify({ pid: 4_300_000, host: os.hostname(), at: new Date().toISOString(), token: 'stale' }));
  renameSync.mockImplementation(() => {
    throw Object.assign(new Error(`EPERM: operation not permitted, rename '${lock}'`), { code: 'EPERM', syscall: 'rename' });
  });
  expect(() => tryLock(file, { pid: 1, token: 'b' }, { isAlive: (pid) => pid !== 4_300_000 })).toThrow(
    `plan file ${file} cannot be locked: breaking the stale ${lock} failed (EPERM: operation not permitted, rename '${lock}'); let the user running synth write to ${path.dirname(lock)}, or delete ${lock} if no synth is running`,
  );
  expect(JSON.parse(fs.readFileSync(lock, 'utf8')).token).toBe('stale');
});
