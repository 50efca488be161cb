import { h, render, type ComponentChild } from 'preact';
import { createWidgetApi } from './api/widget-api.client.ts';
import { findEmbed } from './bootstrap/embed.ts';
import { installGlobal, type VinculoGlobal } from './bootstrap/global-api.ts';
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
  const app = h(App, { controller, api });
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
