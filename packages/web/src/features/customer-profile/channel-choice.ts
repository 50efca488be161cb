import type { ChannelStats } from '../../api/customer-profile-types.ts';
import { KNOWN_CHANNELS } from '../inbox/inbox-filters.ts';

// The channels an employee can choose: the usual ones, those the customer wrote on, and the one chosen.
export function channelChoices(stats: readonly ChannelStats[], chosen: string | null): string[] {
  return [...new Set([...KNOWN_CHANNELS, ...stats.map((s) => s.channel), ...(chosen ? [chosen] : [])])];
}

// The channel the statistics would pick: the server's order is the preference (most messages, then faster answers).
export const learnedChannel = (stats: readonly ChannelStats[]): string | null => (stats[0] && stats[0].messages > 0 ? stats[0].channel : null);
