import { createHmac, timingSafeEqual } from 'node:crypto';

const equal = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const header = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h);

// Meta (WhatsApp, Messenger, Instagram): "sha256=" + hex HMAC-SHA256 of the raw body, keyed with the
// app secret. The raw bytes, not a re-serialisation: Meta escapes non-ASCII characters.
export function metaSignatureValid(appSecret: string, rawBody: Buffer, signature: string | string[] | undefined): boolean {
  const given = header(signature);
  if (!appSecret || !given) return false;
  return equal(`sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`, given.trim().toLowerCase());
}

// Twilio: base64 HMAC-SHA1, keyed with the auth token, of the URL it called followed by every POST
// parameter sorted by name, each as name then value (blank ones too).
export function twilioSignature(authToken: string, url: string, params: Array<[string, string]>): string {
  const sorted = [...params].sort(([a, va], [b, vb]) => (a < b ? -1 : a > b ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  const data = url + sorted.map(([k, v]) => k + v).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

// Twilio's own validators accept the URL with or without the default port written out.
export function twilioSignatureValid(authToken: string, url: string, params: Array<[string, string]>, signature: string | string[] | undefined): boolean {
  const given = header(signature);
  if (!authToken || !given) return false;
  const u = new URL(url);
  const variants = new Set([url]);
  const defaultPort = u.protocol === 'https:' ? '443' : '80';
  if (u.port === '') variants.add(url.replace(u.host, `${u.hostname}:${defaultPort}`));
  else if (u.port === defaultPort) variants.add(url.replace(`:${defaultPort}`, ''));
  return [...variants].some((v) => equal(twilioSignature(authToken, v, params), given.trim()));
}

export function sharedTokenValid(expected: string, given: string | string[] | undefined): boolean {
  const g = header(given);
  return Boolean(expected && g && equal(expected, g));
}
