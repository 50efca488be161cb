import type { Role } from '../../api/api.types.ts';
import type { AdminSection } from '../shell/route.ts';

// Administrators see every section; managers look after the snippets their teams use and see how the channels are doing.
export function adminSectionsFor(role: Role): readonly AdminSection[] {
  if (role === 'admin') return ['employees', 'teams', 'widget', 'snippets', 'playbooks', 'attributes', 'channels'];
  if (role === 'manager') return ['snippets', 'channels'];
  return [];
}
