import type { ConsentActor } from '../../api/customer-profile-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useDirectory } from '../shell/directory.context.tsx';

// "por Ana Ruiz" / "por una integración": who made a change the profile shows.
export function useActorLabel(): (actor: ConsentActor | null) => string | null {
  const { t } = useI18n();
  const { employeeName } = useDirectory();
  return (actor) => {
    if (!actor) return null;
    if (actor.type !== 'employee') return t('profile.byIntegration');
    return t('profile.by', { name: employeeName(actor.id) ?? t('profile.someone') });
  };
}
