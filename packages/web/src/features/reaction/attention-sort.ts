import type { AttentionItem } from '../../api/reaction-types.ts';

// Most urgent first; on a tie, whoever has waited longest, then by name so the order is stable.
export function byUrgency(items: readonly AttentionItem[]): AttentionItem[] {
  return [...items].sort(
    (a, b) => b.urgency - a.urgency || b.waitingMinutes - a.waitingMinutes || (a.customer.name ?? '').localeCompare(b.customer.name ?? '') || (a.customer.id < b.customer.id ? -1 : 1),
  );
}

// Refetches at most once per `wait` ms however many events arrive (a burst of messages → one request).
export function debounce(fn: () => void, wait: number): { call: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    call: () => {
      clearTimeout(timer);
      timer = setTimeout(fn, wait);
    },
    cancel: () => clearTimeout(timer),
  };
}
