import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import {
  CANNED_THRESHOLD,
  estimateJaccard,
  fingerprintReply,
  signatureFromBytes,
  signatureToBytes,
  type ReplyFingerprint,
} from './reply-fingerprint.ts';

// A reply reused thousands of times matches thousands of rows; beyond this many candidates (those
// sharing most bands first) counts are a lower bound, which is still plainly "canned".
export const MAX_CANDIDATES = 1000;
const EXCERPT_CHARS = 280;

export type NearDuplicate = { messageId: string; customerId: string; sentAt: Date; similarity: number };

type Candidate = { messageId: string; customerId: string; sentAt: Date; signature: Uint32Array };

// One index query: replies sharing at least one LSH band with any of the signatures; only the 512-byte
// signatures travel, excerpts are read for the few examples shown.
async function candidatesFor(scope: TenantScope, fingerprints: readonly ReplyFingerprint[], exceptCustomerId?: string): Promise<Candidate[]> {
  const keys = [...new Set(fingerprints.flatMap((f) => f.bands))].map(String);
  if (!keys.length) return [];
  const rows = await scope
    .selectFrom('reply_fingerprints')
    .select(['message_id', 'customer_id', 'sent_at', 'signature'])
    .where(
      'message_id',
      'in',
      // Aggregated first (most shared bands first), then joined by primary key: the planner never
      // walks the fingerprints table.
      scope
        .selectFrom('reply_bands')
        .select('reply_bands.message_id')
        .where('reply_bands.band_key', 'in', keys)
        .groupBy('reply_bands.message_id')
        .orderBy((eb) => eb.fn.countAll(), 'desc')
        .limit(MAX_CANDIDATES),
    )
    .$if(exceptCustomerId !== undefined, (q) => q.where('customer_id', '<>', exceptCustomerId!))
    .execute();
  return rows.flatMap((r) => (r.signature ? [{ messageId: r.message_id, customerId: r.customer_id, sentAt: r.sent_at, signature: signatureFromBytes(r.signature) }] : []));
}

export async function excerptsOf(scope: TenantScope, messageIds: string[]): Promise<Map<string, string>> {
  if (!messageIds.length) return new Map();
  const rows = await scope.selectFrom('reply_fingerprints').select(['message_id', 'excerpt']).where('message_id', 'in', messageIds).execute();
  return new Map(rows.map((r) => [r.message_id, r.excerpt]));
}

const judge = (signature: Uint32Array, customerId: string, candidates: readonly Candidate[]) => {
  let best = 0;
  const matches: NearDuplicate[] = [];
  for (const c of candidates) {
    // Saying the same thing again to the same customer is not a canned reply.
    if (c.customerId === customerId) continue;
    const similarity = estimateJaccard(signature, c.signature);
    if (similarity > best) best = similarity;
    if (similarity >= CANNED_THRESHOLD) matches.push({ messageId: c.messageId, customerId: c.customerId, sentAt: c.sentAt, similarity });
  }
  return { best, matches };
};

export type ReplyJudgement = { judged: boolean; similarity: number; matches: NearDuplicate[] };

// Earlier replies of this workspace to other customers that are near-duplicates of `text`.
export async function findNearDuplicates(scope: TenantScope, text: string, customer: { id: string; name: string | null }): Promise<ReplyJudgement> {
  const fp = fingerprintReply(text, [customer.name]);
  if (!fp.signature) return { judged: false, similarity: 0, matches: [] };
  const { best, matches } = judge(fp.signature, customer.id, await candidatesFor(scope, [fp], customer.id));
  return { judged: true, similarity: best, matches };
}

export type SentReply = {
  messageId: string;
  employeeId: string;
  customerId: string;
  customerName: string | null;
  conversationId: string;
  text: string;
  sentAt: Date;
};

// Fingerprints a batch of sent replies (oldest first), judges each against the replies before it,
// and stores fingerprints and bands in two statements. Indexing a message twice is a no-op.
export async function indexReplies(scope: TenantScope, replies: readonly SentReply[]): Promise<void> {
  if (!replies.length) return;
  const sorted = [...replies].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  const fps = sorted.map((r) => fingerprintReply(r.text, [r.customerName]));
  const stored = await candidatesFor(scope, fps);
  const earlierInBatch: Candidate[] = [];
  const rows = sorted.map((r, i) => {
    const fp = fps[i] as ReplyFingerprint;
    const excerpt = r.text.length > EXCERPT_CHARS ? `${r.text.slice(0, EXCERPT_CHARS - 1)}…` : r.text;
    let judged = { best: 0, matches: [] as NearDuplicate[] };
    if (fp.signature) {
      judged = judge(fp.signature, r.customerId, [...stored.filter((c) => c.messageId !== r.messageId), ...earlierInBatch]);
      earlierInBatch.push({ messageId: r.messageId, customerId: r.customerId, sentAt: r.sentAt, signature: fp.signature });
    }
    return {
      message_id: r.messageId,
      employee_id: r.employeeId,
      customer_id: r.customerId,
      conversation_id: r.conversationId,
      sent_at: r.sentAt,
      language: fp.language,
      signature: fp.signature ? Buffer.from(signatureToBytes(fp.signature)) : null,
      excerpt,
      near_duplicates: judged.matches.length,
      similarity: judged.best,
      canned: judged.matches.length > 0,
    };
  });
  await scope.transaction(async (trx) => {
    const inserted = await trx.insertInto('reply_fingerprints', rows).onConflict((oc) => oc.column('message_id').doNothing()).returning('message_id').execute();
    const fresh = new Set(inserted.map((r) => r.message_id));
    const bands = sorted.flatMap((r, i) => (fresh.has(r.messageId) ? (fps[i] as ReplyFingerprint).bands.map((k) => ({ band_key: k, message_id: r.messageId })) : []));
    // Kept under PostgreSQL's 65,535 bind parameters per statement.
    for (let i = 0; i < bands.length; i += 20_000) await trx.insertInto('reply_bands', bands.slice(i, i + 20_000)).execute();
  });
}
