import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { WidgetApi } from '../api/widget-api.client.ts';
import type { CallController } from '../calls/call.controller.ts';
import { stringsFor } from '../i18n/messages.ts';
import type { WidgetController } from '../state/widget.controller.ts';
import { accentColors } from './color.ts';
import { ChatIcon, CloseIcon } from './icons.tsx';
import { CallPanel } from './call-panel.tsx';
import { Panel } from './panel.tsx';
import { useCallState } from './use-call-state.ts';
import { useWidgetState } from './use-store.ts';

type Props = { controller: WidgetController; api: WidgetApi; calls: CallController };

export function App({ controller, api, calls }: Props) {
  const state = useWidgetState(controller);
  const call = useCallState(calls);
  const t = stringsFor(state.locale);
  const launcher = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(state.open);
  const { accent, onAccent } = accentColors(state.config?.settings.widgetColor);

  // Focus returns to the launcher when the panel closes (Escape, the × button or Vinculo.close()).
  useLayoutEffect(() => {
    if (wasOpen.current && !state.open) launcher.current?.focus();
    wasOpen.current = state.open;
  }, [state.open]);
  // Whether someone can answer a call is asked while the panel is open.
  useEffect(() => calls.setPanelOpen(state.open), [calls, state.open]);

  return (
    <div class="v-root" lang={state.locale} style={{ '--v-accent': accent, '--v-on-accent': onAccent }}>
      {state.open && <Panel state={state} controller={controller} api={api} t={t} call={call} calls={calls} />}
      {/* A call outlives the closed panel: it stays on screen (and audible) above the launcher. */}
      {!state.open && call.phase !== 'idle' && (
        <div class="v-call-float">
          <CallPanel state={call} calls={calls} t={t} />
        </div>
      )}
      <button
        ref={launcher}
        type="button"
        class="v-launcher"
        data-testid="vinculo-launcher"
        aria-label={t.openChat}
        aria-expanded={state.open}
        aria-controls="vinculo-panel"
        onClick={() => (state.open ? controller.close() : controller.open())}
      >
        {state.open ? <CloseIcon /> : <ChatIcon />}
        {state.unread > 0 && !state.open && <span class="v-badge">{state.unread}</span>}
      </button>
    </div>
  );
}
