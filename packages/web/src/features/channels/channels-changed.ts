// The admin screen says when it changed a channel, so the header's health badge refreshes at once
// instead of at its next poll.
const listeners = new Set<() => void>();

export function onChannelsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyChannelsChanged(): void {
  for (const l of listeners) l();
}
