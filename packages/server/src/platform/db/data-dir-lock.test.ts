import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vinculo-lock-'));

test('a second holder gets a clear error until the first releases', () => {
  const d = dir();
  // Our parent process is alive and is not us: as if another server held the directory.
  fs.writeFileSync(path.join(d, 'vinculo.lock'), String(process.ppid));
  assert.throws(() => lockDataDir(d), (err: unknown) => err instanceof DataDirLockedError && /in use by another Vínculo process/.test(err.message));
  fs.rmSync(path.join(d, 'vinculo.lock'));
  const release = lockDataDir(d);
  assert.equal(fs.readFileSync(path.join(d, 'vinculo.lock'), 'utf8'), String(process.pid));
  assert.throws(() => lockDataDir(d), DataDirLockedError, 'the same process cannot open it twice either');
  release();
  assert.equal(fs.existsSync(path.join(d, 'vinculo.lock')), false);
});

test('a lock left by a dead process is reclaimed', () => {
  const d = dir();
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  fs.writeFileSync(path.join(d, 'vinculo.lock'), dead.stdout.toString());
  const release = lockDataDir(d);
  assert.equal(fs.readFileSync(path.join(d, 'vinculo.lock'), 'utf8'), String(process.pid));
  release();
});
