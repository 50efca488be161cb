import type { Motivation, MotivationReason, MotivationView } from '../../api/customer-profile-types.ts';
import type { MessageKey } from '../../i18n/i18n.types.ts';

export const MOTIVATIONS: readonly Motivation[] = ['advice', 'technical', 'relationship'];

// Why the conversations point where they do: the cues of the inferred motivation, newest first.
export function inferredReasons(view: MotivationView): MotivationReason[] {
  const inferred = view.inferred.motivation;
  if (!inferred) return [];
  return view.inferred.reasons.filter((r) => r.motivation === inferred).sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
}

export const motivationKey = (m: Motivation): MessageKey => `profile.motivation.${m}`;
