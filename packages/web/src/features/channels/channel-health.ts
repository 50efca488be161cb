import type { Channel } from '../../api/channels-types.ts';

// How a channel is doing, in three levels (and paused), with the reasons the screen puts in words.
export type HealthLevel = 'ok' | 'attention' | 'failing' | 'paused';

export type HealthReason =
  | { key: 'paused' }
  | { key: 'unreadableSecrets' }
  | { key: 'smtpOff' }
  | { key: 'failedSends'; count: number }
  | { key: 'lastError'; error: string; at: string }
  | { key: 'noMessageYet' };

export type ChannelHealth = { level: HealthLevel; reasons: HealthReason[] };

const DAY_MS = 24 * 60 * 60 * 1000;
const time = (iso: string | null) => (iso ? Date.parse(iso) : 0);

// Failing: it cannot work now (secrets unreadable, mail listener down) or sends failed in the last day.
// Needs attention: an error newer than anything that went well, or nothing has arrived yet (the
// webhook may not be set at the network). Old errors followed by traffic are history, not a problem.
export function channelHealth(channel: Pick<Channel, 'kind' | 'active' | 'health' | 'smtpPort'>, now = Date.now()): ChannelHealth {
  if (!channel.active) return { level: 'paused', reasons: [{ key: 'paused' }] };
  const h = channel.health;
  const failing: HealthReason[] = [];
  const attention: HealthReason[] = [];
  // The server reports unreadable secrets as an error without a time.
  if (h.lastError && !h.lastErrorAt) failing.push({ key: 'unreadableSecrets' });
  if (channel.kind === 'email' && channel.smtpPort === null) failing.push({ key: 'smtpOff' });
  if (h.failedLast24h > 0) failing.push({ key: 'failedSends', count: h.failedLast24h });
  const errorAt = time(h.lastErrorAt);
  if (h.lastError && h.lastErrorAt && now - errorAt < DAY_MS && errorAt > Math.max(time(h.lastInboundAt), time(h.lastSentAt))) {
    (failing.length ? failing : attention).push({ key: 'lastError', error: h.lastError, at: h.lastErrorAt });
  }
  if (!h.lastInboundAt && !failing.some((r) => r.key === 'unreadableSecrets')) attention.push({ key: 'noMessageYet' });
  if (failing.length) return { level: 'failing', reasons: [...failing, ...attention] };
  if (attention.length) return { level: 'attention', reasons: attention };
  return { level: 'ok', reasons: [] };
}

export type WorkspaceHealth = { level: 'ok' | 'attention' | 'failing'; failing: number; attention: number };

// For the header badge: the worst level among the workspace's active channels and how many are in each.
export function workspaceHealth(channels: readonly Pick<Channel, 'kind' | 'active' | 'health' | 'smtpPort'>[], now = Date.now()): WorkspaceHealth {
  let failing = 0;
  let attention = 0;
  for (const c of channels) {
    const { level } = channelHealth(c, now);
    if (level === 'failing') failing++;
    else if (level === 'attention') attention++;
  }
  return { level: failing ? 'failing' : attention ? 'attention' : 'ok', failing, attention };
}
