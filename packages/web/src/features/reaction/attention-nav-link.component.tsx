import { useI18n } from '../../i18n/i18n.context.tsx';
import { Link } from '../shell/link.component.tsx';
import { useReaction } from './reaction.context.tsx';

// "Needs attention now" in the main nav, with the number of open suggestions for me.
export function AttentionNavLink({ current }: { current: boolean }) {
  const { t } = useI18n();
  const { mineCount } = useReaction();
  return (
    <Link href="/attention" aria-current={current ? 'page' : undefined} data-testid="nav-attention">
      {t('reaction.nav.attention')}
      {mineCount > 0 && (
        <span className="badge nav-count" data-testid="suggestions-count" aria-label={t('reaction.openForMe', { count: mineCount })}>
          {mineCount}
        </span>
      )}
    </Link>
  );
}
