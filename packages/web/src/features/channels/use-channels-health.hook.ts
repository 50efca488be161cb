import { useEffect, useState } from 'react';
import { channelsApi } from '../../api/channels-api.ts';
import { workspaceHealth, type WorkspaceHealth } from './channel-health.ts';
import { onChannelsChanged } from './channels-changed.ts';

// Health changes slowly (a failed send, a refused webhook): a poll each minute is enough, plus a
// refresh when the window regains focus or the admin screen changes a channel.
const POLL_MS = 60_000;

export function useChannelsHealth(enabled: boolean): WorkspaceHealth | null {
  const [health, setHealth] = useState<WorkspaceHealth | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = () => {
      channelsApi.list().then(
        (r) => live && setHealth(workspaceHealth(r.items)),
        // A failed poll keeps the last answer; the next one tries again.
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, POLL_MS);
    const onFocus = () => load();
    window.addEventListener('focus', onFocus);
    const off = onChannelsChanged(load);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      off();
    };
  }, [enabled]);
  return enabled ? health : null;
}
