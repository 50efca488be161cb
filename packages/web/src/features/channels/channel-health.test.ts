import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Channel, ChannelHealthData } from '../../api/channels-types.ts';
import { channelHealth, workspaceHealth } from './channel-health.ts';

const NOW = Date.parse('2026-12-07T10:00:00Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const HEALTHY: ChannelHealthData = { lastInboundAt: ago(30), lastSentAt: ago(10), lastError: null, lastErrorAt: null, queued: 0, failedLast24h: 0 };
const channel = (health: Partial<ChannelHealthData> = {}, extra: Partial<Pick<Channel, 'kind' | 'active' | 'smtpPort'>> = {}) => ({
  kind: 'telegram' as const,
  active: true,
  smtpPort: null,
  ...extra,
  health: { ...HEALTHY, ...health },
});

test('a channel with traffic and no recent error is ok', () => {
  assert.deepEqual(channelHealth(channel(), NOW), { level: 'ok', reasons: [] });
  // An error followed by messages that went well is history.
  assert.equal(channelHealth(channel({ lastError: 'Bad signature', lastErrorAt: ago(60) }), NOW).level, 'ok');
  // So is an error older than a day.
  assert.equal(channelHealth(channel({ lastError: 'Bad signature', lastErrorAt: ago(25 * 60), lastInboundAt: ago(26 * 60), lastSentAt: null }), NOW).level, 'ok');
});

test('an error newer than anything that went well, or no message yet, needs attention', () => {
  assert.deepEqual(channelHealth(channel({ lastError: 'Malformed Telegram update: no update_id', lastErrorAt: ago(5) }), NOW), {
    level: 'attention',
    reasons: [{ key: 'lastError', error: 'Malformed Telegram update: no update_id', at: ago(5) }],
  });
  assert.deepEqual(channelHealth(channel({ lastInboundAt: null, lastSentAt: null }), NOW), { level: 'attention', reasons: [{ key: 'noMessageYet' }] });
});

test('failed sends, unreadable secrets and a stopped mail listener are failing, with every reason', () => {
  assert.deepEqual(channelHealth(channel({ failedLast24h: 2, lastError: 'Telegram: Bad Gateway (HTTP 502)', lastErrorAt: ago(1) }), NOW), {
    level: 'failing',
    reasons: [
      { key: 'failedSends', count: 2 },
      { key: 'lastError', error: 'Telegram: Bad Gateway (HTTP 502)', at: ago(1) },
    ],
  });
  // The server reports secrets it cannot open as an error without a time.
  assert.deepEqual(channelHealth(channel({ lastError: 'The secrets cannot be opened…', lastErrorAt: null, lastInboundAt: null }), NOW), { level: 'failing', reasons: [{ key: 'unreadableSecrets' }] });
  assert.deepEqual(channelHealth(channel({}, { kind: 'email', smtpPort: null }), NOW), { level: 'failing', reasons: [{ key: 'smtpOff' }] });
  assert.equal(channelHealth(channel({}, { kind: 'email', smtpPort: 2525 }), NOW).level, 'ok');
});

test('a paused channel is neither ok nor a problem', () => {
  assert.deepEqual(channelHealth(channel({ failedLast24h: 3 }, { active: false }), NOW), { level: 'paused', reasons: [{ key: 'paused' }] });
});

test('the workspace takes the worst level and counts each', () => {
  assert.deepEqual(workspaceHealth([], NOW), { level: 'ok', failing: 0, attention: 0 });
  assert.deepEqual(workspaceHealth([channel(), channel({ lastInboundAt: null })], NOW), { level: 'attention', failing: 0, attention: 1 });
  assert.deepEqual(workspaceHealth([channel({ failedLast24h: 1 }), channel({ lastInboundAt: null }), channel({ failedLast24h: 9 }, { active: false })], NOW), { level: 'failing', failing: 1, attention: 1 });
});
