import { useI18n } from '../../i18n/i18n.context.tsx';
import { Link } from '../shell/link.component.tsx';
import { useCalls } from './calls.context.tsx';

// The header's way to the missed calls, with how many are waiting.
export function CallsNavLink({ current }: { current: boolean }) {
  const { t } = useI18n();
  const { missed } = useCalls();
  return (
    <Link href="/calls" aria-current={current ? 'page' : undefined} data-testid="nav-calls">
      {t('calls.nav')}
      {missed.length > 0 && (
        <span className="badge" data-testid="missed-calls-count" aria-label={t('calls.missed.badge', { count: missed.length })}>
          {missed.length}
        </span>
      )}
    </Link>
  );
}
