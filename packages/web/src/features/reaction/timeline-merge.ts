import type { TimelineItem } from '../../api/reaction-types.ts';

// Newest first, each item once (REST and realtime overlap).
export function mergeTimeline(a: readonly TimelineItem[], b: readonly TimelineItem[]): TimelineItem[] {
  const byId = new Map<string, TimelineItem>();
  for (const item of [...a, ...b]) byId.set(item.id, item);
  return [...byId.values()].sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : x.id < y.id ? 1 : -1));
}
