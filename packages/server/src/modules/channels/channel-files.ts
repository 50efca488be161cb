import type { AppContext } from '../../platform/context.ts';
import { signToken, verifyToken } from '../../platform/security/tokens.ts';

// Some networks (Twilio MMS) fetch a reply's files from a URL: a signed link that opens one
// attachment of one workspace for a day, and nothing else.
const FILE_LINK_DAYS = 1;
const keyOf = (ctx: AppContext) => `channel-files:${ctx.config.channels.secretsKey ?? ctx.secret}`;

export function signedFileUrl(ctx: AppContext, workspaceId: string, attachmentId: string): string {
  const exp = Math.floor(Date.now() / 1000) + FILE_LINK_DAYS * 86_400;
  return `${ctx.config.publicUrl}/api/channels/files?token=${signToken(keyOf(ctx), { w: workspaceId, a: attachmentId, exp })}`;
}

export function readFileLink(ctx: AppContext, token: string): { workspaceId: string; attachmentId: string } | null {
  const p = verifyToken(keyOf(ctx), token);
  if (!p || typeof p.w !== 'string' || typeof p.a !== 'string' || typeof p.exp !== 'number' || p.exp * 1000 < Date.now()) return null;
  return { workspaceId: p.w, attachmentId: p.a };
}
