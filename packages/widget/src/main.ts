import { acquireMedia, canCall, createPeerSession, stopMedia } from '@vinculo/call-peer';
import { h, render, type ComponentChild } from 'preact';
import { createRequest, createWidgetApi } from './api/widget-api.client.ts';
import { findEmbed } from './bootstrap/embed.ts';
import { installGlobal, type VinculoGlobal } from './bootstrap/global-api.ts';
import { createCallApi } from './calls/call-api.ts';
import { createCallController } from './calls/call.controller.ts';
import { stringsFor } from './i18n/messages.ts';
import { createWidgetController } from './state/widget.controller.ts';
import { App } from './ui/app.tsx';
import { widgetCss } from './ui/widget.css.ts';

declare global {
  interface Window {
    Vinculo?: VinculoGlobal;
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const newKey = () =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

function mount(app: ComponentChild) {
  const host = document.createElement('div');
  host.setAttribute('data-vinculo-widget', '');
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = widgetCss;
  root.appendChild(style);
  render(app, root);
}

function boot() {
  const embed = findEmbed(document);
  if (!embed) return console.error('Vínculo: add data-workspace="<widget key>" to the widget <script> tag');
  if (document.querySelector('[data-vinculo-widget]')) return;
  const api = createWidgetApi(embed.origin, () => controller.token());
  const controller = createWidgetController({
    api,
    workspace: embed.workspace,
    browserLanguage: navigator.language,
    storage: safeStorage(),
    newKey,
    isOnline: () => navigator.onLine !== false,
    events: window,
  });
  const calls = createCallController({
    api: createCallApi(createRequest(embed.origin, () => controller.token()), embed.workspace, () => controller.token() !== null),
    send: (frame) => controller.sendFrame(frame),
    conversationFor: (media) => {
      const t = stringsFor(controller.getState().locale).call;
      return controller.conversationFor(media === 'video' ? t.firstMessageVideo : t.firstMessageVoice);
    },
    openPanel: () => controller.open(),
    canCall,
    acquireMedia,
    stopMedia,
    createPeerSession,
  });
  controller.tap((frame) => calls.onFrame(frame));
  window.addEventListener('pagehide', () => calls.leave());
  const app = h(App, { controller, api, calls });
  if (document.body) mount(app);
  else document.addEventListener('DOMContentLoaded', () => mount(app), { once: true });
  window.Vinculo = installGlobal(window.Vinculo, {
    identify: (input) => controller.identify(input),
    open: () => controller.open(),
    close: () => controller.close(),
  });
  void controller.start();
}

boot();
