// The plan-file lock where the file system has no hard links (FAT, some network shares): the
// lock and the claims to break one are made with O_EXCL and a write instead, and still exclude.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lockPath, releaseLock, tryLock } from '../../lib/model/plan-file-lock';
import { tempPlanFile } from '../support';

// fs's own functions cannot be spied on (their properties are not configurable): a module whose
// linkSync fails as on a file system without hard links.
jest.mock('fs', () => {
  const real = jest.requireActual('fs');
  return { ...real, linkSync: jest.fn(real.linkSync) };
});

const linkSync = fs.linkSync as jest.MockedFunction<typeof fs.linkSync>;
const noHardLinks = () => {
  throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM', syscall: 'link' });
};
beforeEach(() => linkSync.mockImplementation(noHardLinks));
afterEach(() => linkSync.mockImplementation(jest.requireActual('fs').linkSync));

const dead = 4_200_000;
const live = (pid: number) => pid !== dead;
const besideLock = (lock: string) => fs.readdirSync(path.dirname(lock)).filter((name) => name !== path.basename(lock));

test('one locker takes the lock, another finds it busy; releasing removes it', () => {
  const file = tempPlanFile();
  const lock = lockPath(file);
  const b = tryLock(file, { pid: 1, token: 'b' }, { isAlive: live });
  expect(b).toHaveProperty('held');
  const held = (b as { held: string }).held;
  expect(tryLock(file, { pid: 2, token: 'c' }, { isAlive: live })).toEqual({ busy: held });
  expect(fs.readFileSync(lock, 'utf8')).toBe(held);
  expect(besideLock(lock)).toEqual([]);
  expect(linkSync).toHaveBeenCalled();
  releaseLock(lock, held);
  expect(fs.existsSync(lock)).toBe(false);
});

test('a stale lock is broken under a claim and taken', () => {
  const file = tempPlanFile();
  const lock = lockPath(file);
  fs.writeFileSync(lock, JSON.stringify({ pid: dead, host: os.hostname(), at: new Date().toISOString(), token: 'stale' }));
  const claims: string[] = [];
  const c = tryLock(file, { pid: 3, token: 'c' }, {
    isAlive: live,
    step: (at) => {
      if (at === 'claimed') claims.push(...besideLock(lock));
    },
  });
  expect(c).toHaveProperty('held');
  expect(claims).toEqual([expect.stringMatching(/\.lock\.break-[0-9a-f]{16}\.1$/)]);
  expect(JSON.parse(fs.readFileSync(lock, 'utf8')).pid).toBe(3);
  expect(besideLock(lock)).toEqual([]);
});
