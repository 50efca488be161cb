import { createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/security/tokens.ts';

// The survey link's credential: the survey id and when it stops being valid, HMAC-signed with the
// instance secret (as visitor tokens are). Binary and truncated to 128 bits so the link stays short
// enough for an SMS and for a URL path segment (50 characters). "One answer per token" is kept by
// the database (one response per survey), not by the token.
export type SurveyTokenClaims = { surveyId: string; expiresAt: Date };
export type TokenProblem = 'invalid' | 'expired';

// Domain separation: no other signed token's MAC can pass for a survey's.
const mac = (secret: string, body: string) => createHmac('sha256', secret).update(`survey:${body}`).digest().subarray(0, 16).toString('base64url');

export function signSurveyToken(secret: string, c: SurveyTokenClaims): string {
  const bytes = Buffer.alloc(20);
  Buffer.from(c.surveyId.replace(/-/g, ''), 'hex').copy(bytes, 0);
  bytes.writeUInt32BE(Math.floor(c.expiresAt.getTime() / 1000), 16);
  const body = bytes.toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

export function readSurveyToken(secret: string, token: string, now = new Date()): SurveyTokenClaims | TokenProblem {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || !safeEqual(signature, mac(secret, body))) return 'invalid';
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length !== 20) return 'invalid';
  const hex = bytes.subarray(0, 16).toString('hex');
  const surveyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const expiresAt = new Date(bytes.readUInt32BE(16) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return 'expired';
  return { surveyId, expiresAt };
}
