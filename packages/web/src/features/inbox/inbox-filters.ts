import type { Conversation, ConversationStatus } from '../../api/api.types.ts';
import { query } from '../../api/http-client.ts';

export type AssigneeFilter = 'mine' | 'unassigned' | 'all';
// "active" is open + pending, the default working view.
export type StatusFilter = 'active' | ConversationStatus | 'all';

export type InboxFilters = {
  assignee: AssigneeFilter;
  status: StatusFilter;
  channel: string;
  teamId: string;
};

export const DEFAULT_FILTERS: InboxFilters = { assignee: 'all', status: 'active', channel: '', teamId: '' };

export const KNOWN_CHANNELS = ['web', 'email', 'whatsapp', 'telegram', 'messenger', 'instagram', 'sms'] as const;

export function statusesOf(filter: StatusFilter): ConversationStatus[] {
  if (filter === 'all') return [];
  if (filter === 'active') return ['open', 'pending'];
  return [filter];
}

export function matchesFilters(c: Conversation, f: InboxFilters, me: string | null): boolean {
  if (f.assignee === 'mine' && (me === null || c.assigneeId !== me)) return false;
  if (f.assignee === 'unassigned' && c.assigneeId !== null) return false;
  const statuses = statusesOf(f.status);
  if (statuses.length > 0 && !statuses.includes(c.status)) return false;
  if (f.channel && c.channel !== f.channel) return false;
  if (f.teamId && c.teamId !== f.teamId) return false;
  return true;
}

export function inboxQuery(f: InboxFilters, cursor: string | null, limit = 50): string {
  return query({
    assignee: f.assignee === 'all' ? null : f.assignee === 'mine' ? 'me' : 'unassigned',
    status: statusesOf(f.status).join(','),
    channel: f.channel,
    teamId: f.teamId,
    limit,
    cursor,
  });
}
