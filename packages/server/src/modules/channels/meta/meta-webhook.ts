import { callNetwork, stringField } from '../channel-http.ts';
import { MalformedPayload, type ChannelConfig, type WebhookRequest } from '../channel.types.ts';
import { metaSignatureValid } from '../webhook-signature.ts';

// Graph API webhooks (WhatsApp, Messenger, Instagram) share the subscription handshake and the
// body signature.
export function metaChallenge(channel: ChannelConfig, query: Record<string, string | undefined>): string | null {
  return query['hub.mode'] === 'subscribe' && query['hub.verify_token'] === channel.verifyToken && query['hub.challenge'] ? query['hub.challenge'] : null;
}

export const metaAuthenticate = (channel: ChannelConfig, req: WebhookRequest) => metaSignatureValid(channel.secrets.appSecret ?? '', req.rawBody, req.headers['x-hub-signature-256']);

export function parseJson(req: WebhookRequest): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    throw new MalformedPayload('The body is not JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new MalformedPayload('The body is not a JSON object');
  return body as Record<string, unknown>;
}

export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

// Graph error bodies: {"error": {"message", "code", "error_subcode", "error_data": {"details"}}}.
export function describeGraphError(status: number, body: unknown): string {
  const error = asObject(asObject(body).error);
  const details = stringField(asObject(error.error_data).details);
  const message = stringField(error.message) ?? `The network answered ${status}`;
  return details ? `${message}: ${details}` : message;
}

export const graphPost = (url: string, token: string, json: unknown) => callNetwork({ url, headers: { authorization: `Bearer ${token}` }, json }, describeGraphError);
