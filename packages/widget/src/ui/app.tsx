import { useLayoutEffect, useRef } from 'preact/hooks';
import type { WidgetApi } from '../api/widget-api.client.ts';
import { stringsFor } from '../i18n/messages.ts';
import type { WidgetController } from '../state/widget.controller.ts';
import { accentColors } from './color.ts';
import { ChatIcon, CloseIcon } from './icons.tsx';
import { Panel } from './panel.tsx';
import { useWidgetState } from './use-store.ts';

type Props = { controller: WidgetController; api: WidgetApi };

export function App({ controller, api }: Props) {
  const state = useWidgetState(controller);
  const t = stringsFor(state.locale);
  const launcher = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(state.open);
  const { accent, onAccent } = accentColors(state.config?.settings.widgetColor);

  // Focus returns to the launcher when the panel closes (Escape, the × button or Vinculo.close()).
  useLayoutEffect(() => {
    if (wasOpen.current && !state.open) launcher.current?.focus();
    wasOpen.current = state.open;
  }, [state.open]);

  return (
    <div class="v-root" lang={state.locale} style={{ '--v-accent': accent, '--v-on-accent': onAccent }}>
      {state.open && <Panel state={state} controller={controller} api={api} t={t} />}
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
