import type { SnippetGap } from '../../api/api.types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { placeholderLabel } from './placeholder-label.ts';
import { gapContext } from './snippet-gaps.ts';

type Props = { text: string; gaps: SnippetGap[]; onGo: (gap: SnippetGap) => void };

// What the snippet could not fill, each shown in place; a click selects the gap in the reply to type over it.
export function SnippetGaps({ text, gaps, onGo }: Props) {
  const { t } = useI18n();
  return (
    <div className="snippet-gaps" data-testid="snippet-gaps" data-count={gaps.length}>
      <p>{gaps.length === 1 ? t('snippets.gaps.one') : t('snippets.gaps.other', { count: gaps.length })}</p>
      <ul className="plain">
        {gaps.map((gap) => {
          const c = gapContext(text, gap);
          const label = placeholderLabel(gap.placeholder, t);
          return (
            <li key={`${gap.placeholder}:${gap.start}`}>
              <button type="button" className="gap-button" data-placeholder={gap.placeholder} aria-label={t('snippets.gapGo', { label })} onClick={() => onGo(gap)}>
                <span className="gap-label">{label}</span>
                <span className="gap-context" aria-hidden="true">
                  {c.before}
                  <mark>{c.marker}</mark>
                  {c.after}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
