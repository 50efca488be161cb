import type { Customer } from './api.types.ts';

// Shapes of the duplicates and merge API (packages/server/src/modules/customers/customer-merge.routes.ts).

export type MergeSide = 'survivor' | 'absorbed';
export type ProfileField = 'name' | 'email' | 'phone' | 'locale';
export const PROFILE_FIELDS: readonly ProfileField[] = ['name', 'email', 'phone', 'locale'];

export type DuplicateStatus = 'open' | 'dismissed' | 'merged';

export type DuplicateReason = (
  | { kind: 'same_email' | 'same_phone' | 'same_company_domain'; value: string }
  | { kind: 'same_identity'; channel: string; value: string }
  | { kind: 'similar_name'; similarity: number }
) & { text: { es: string; en: string } };

export type Duplicate = {
  id: string;
  status: DuplicateStatus;
  score: number;
  reasons: DuplicateReason[];
  customers: Customer[];
  mergeId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ScanResult = { scanned: number; batches: number; pairs: number; ms: number };

export type MergeChoices = { fields?: Partial<Record<ProfileField, MergeSide>>; attributes?: Record<string, MergeSide> };

export type MergeBody = MergeChoices & { absorbedId: string; proposalId?: string };

export type Merge = {
  id: string;
  kind: 'manual' | 'verified_identity';
  survivorId: string;
  absorbedId: string;
  choices: MergeChoices;
  moved: { identities: number; conversations: number; timeline: number; reminders: number; suggestions: number };
  proposalId: string | null;
  mergedAt: string;
  mergedBy: { type: string; id: string | null };
  unmergedAt: string | null;
  unmergedBy: { type: string; id: string | null } | null;
};

export type MergeResult = { merge: Merge; customer: Customer };
export type UnmergeResult = { merge: Merge; survivor: Customer; restored: Customer };
