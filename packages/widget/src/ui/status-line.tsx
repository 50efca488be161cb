import type { Strings } from '../i18n/messages.ts';
import type { ConnectionState } from '../state/widget.controller.ts';

export function StatusLine({ state, t }: { state: ConnectionState; t: Strings }) {
  return (
    <p class="v-status" role="status" data-testid="vinculo-status" data-state={state}>
      <span class="v-dot" aria-hidden="true" />
      {t.status[state]}
    </p>
  );
}
