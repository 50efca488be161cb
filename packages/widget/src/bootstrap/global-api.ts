import type { IdentifyInput } from '../state/widget.controller.ts';

export type VinculoApi = {
  identify(input: IdentifyInput): Promise<void>;
  open(): void;
  close(): void;
};

type Method = keyof VinculoApi;
const METHODS: readonly Method[] = ['identify', 'open', 'close'];

// window.Vinculo after load: the methods, callable also as Vinculo('open') or Vinculo.q.push(['open']),
// so every snippet style a site may have used before the script arrived keeps working.
export type VinculoGlobal = VinculoApi & ((method: string, ...args: unknown[]) => void) & { q: { push(entry: ArrayLike<unknown>): number } };

function isIdentifyInput(v: unknown): v is IdentifyInput {
  const o = v as Record<string, unknown> | null;
  return !!o && typeof o.userId === 'string' && typeof o.userHash === 'string';
}

export function invoke(api: VinculoApi, entry: ArrayLike<unknown>): void {
  const [method, arg] = Array.from(entry);
  if (method === 'identify') {
    if (isIdentifyInput(arg)) api.identify(arg).catch((err: unknown) => console.warn('Vínculo: identify failed', err));
    else console.warn('Vínculo: identify needs { userId, userHash }');
  } else if (typeof method === 'string' && (METHODS as readonly string[]).includes(method)) {
    api[method as 'open' | 'close']();
  } else {
    console.warn(`Vínculo: unknown method ${String(method)}`);
  }
}

// Replays what the page queued on a stub (`{ q: [...] }` or a function with `.q`) before the widget loaded.
export function installGlobal(previous: unknown, api: VinculoApi): VinculoGlobal {
  const queue = (previous as { q?: unknown } | null | undefined)?.q;
  const global = Object.assign((method: string, ...args: unknown[]) => invoke(api, [method, ...args]), api, {
    q: { push: (entry: ArrayLike<unknown>) => (invoke(api, entry), 0) },
  });
  if (Array.isArray(queue)) for (const entry of queue) if (entry && typeof entry === 'object' && 'length' in entry) invoke(api, entry as ArrayLike<unknown>);
  return global;
}
