import { SendError } from './channel.types.ts';

export type HttpCall = { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; json?: unknown; form?: Record<string, string> | Array<[string, string]>; multipart?: FormData; timeoutMs?: number };

// Calls a network's API. A refused connection, a timeout, 429 or 5xx is transient (retried); any
// other 4xx is the network saying no, and `describe` turns its error body into the reason shown.
export async function callNetwork(call: HttpCall, describe: (status: number, body: unknown) => string): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  let body: string | FormData | undefined;
  if (call.multipart) {
    body = call.multipart;
  } else if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(call.form).toString();
  }
  let res: Response;
  try {
    res = await fetch(call.url, { method: call.method ?? 'POST', headers, body, signal: AbortSignal.timeout(call.timeoutMs ?? 30_000) });
  } catch (err) {
    throw new SendError(`Could not reach ${new URL(call.url).host}: ${err instanceof Error ? err.message : String(err)}`, true);
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: the text is the body
  }
  if (res.ok) return parsed;
  const transient = res.status === 429 || res.status >= 500;
  throw new SendError(`${describe(res.status, parsed)} (HTTP ${res.status})`, transient);
}

export const trimSlash = (url: string) => url.replace(/\/+$/, '');

export const stringField = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export const fileBlob = (f: { content: Buffer; contentType: string }) => new Blob([new Uint8Array(f.content)], { type: f.contentType });

// A reply with files goes out as several messages. Once one has left, a failure is not retried
// (the customer would get the first part twice): the reply fails saying what arrived.
export const PARTLY_SENT = /^Only \d+ of \d+ parts were sent/;

export async function sendParts(parts: Array<() => Promise<string>>): Promise<{ externalId: string }> {
  const ids: string[] = [];
  for (const [i, part] of parts.entries()) {
    try {
      ids.push(await part());
    } catch (err) {
      if (i === 0) throw err;
      throw new SendError(`Only ${i} of ${parts.length} parts were sent; then: ${err instanceof Error ? err.message : String(err)}`, false);
    }
  }
  return { externalId: ids[0]! };
}
