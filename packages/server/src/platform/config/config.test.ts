import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults: port 3000, ./data, embedded database, public URL from the port', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.dataDir, path.resolve('./data'));
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.publicUrl, 'http://localhost:3000');
  assert.equal(c.demo, true);
});

test('empty values count as unset', () => {
  assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }).port, 3000);
});

test('a bad setting stops start-up with a message naming it', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: must start with postgres/],
    [{ VINCULO_PUBLIC_URL: 'not a url' }, /VINCULO_PUBLIC_URL/],
    [{ VINCULO_SECRET: 'short' }, /VINCULO_SECRET: must be at least 32/],
    [{ VINCULO_ADMIN_PASSWORD: 'short' }, /VINCULO_ADMIN_PASSWORD/],
    [{ VINCULO_ADMIN_EMAIL: 'nobody' }, /VINCULO_ADMIN_EMAIL/],
    [{ VINCULO_DEMO: 'maybe' }, /VINCULO_DEMO/],
    [{ VINCULO_STUN_URLS: 'stun:stun.example.org:3478, https://x' }, /VINCULO_STUN_URLS: must be comma-separated stun: or stuns: URLs/],
    [{ VINCULO_TURN_URLS: 'turn:turn.example.org:3478' }, /VINCULO_TURN_SECRET: is required with VINCULO_TURN_URLS/],
  ];
  for (const [env, message] of cases) {
    assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && message.test(err.message), JSON.stringify(env));
  }
});

test('all problems are reported at once', () => {
  assert.throws(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' }), (err: unknown) => err instanceof ConfigError && err.problems.length === 2);
});

test('ICE servers: STUN and TURN lists, and the TURN secret that signs short-lived credentials', () => {
  const c = loadConfig({ VINCULO_STUN_URLS: 'stun:stun.example.org:3478, stuns:stun.example.org:5349', VINCULO_TURN_URLS: 'turn:turn.example.org:3478?transport=udp', VINCULO_TURN_SECRET: 'a-secret-shared-with-coturn' });
  assert.deepEqual(c.ice.stunUrls, ['stun:stun.example.org:3478', 'stuns:stun.example.org:5349']);
  assert.deepEqual(c.ice.turnUrls, ['turn:turn.example.org:3478?transport=udp']);
  assert.equal(c.ice.turnTtlSeconds, 3600);
});
