import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { iceServersFor } from './ice-servers.ts';

test('TURN credentials follow the REST API scheme coturn checks: expiry:label and HMAC-SHA1 of it', () => {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);
  const servers = iceServersFor({ stunUrls: ['stun:stun.example.org:3478'], turnUrls: ['turn:turn.example.org:3478?transport=udp'], turnSecret: 's3cret', turnTtlSeconds: 600 }, 'call-1', now);
  assert.deepEqual(servers[0], { urls: ['stun:stun.example.org:3478'] });
  const turn = servers[1]!;
  assert.equal(turn.username, `${now / 1000 + 600}:call-1`);
  assert.equal(turn.credential, createHmac('sha1', 's3cret').update(turn.username!).digest('base64'));
});

test('no TURN without a secret, nothing at all when nothing is configured', () => {
  assert.deepEqual(iceServersFor({ stunUrls: [], turnUrls: ['turn:x'], turnSecret: undefined, turnTtlSeconds: 600 }, 'c'), []);
});
