import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.context.tsx';

// A value to paste at the network, shown whole, with a copy button that says when it worked.
export function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <span className="copy-field-label">{label}</span>
      <div className="copy-box">
        <code data-testid={testId}>{value}</code>
        <button
          type="button"
          className="button small"
          aria-label={`${t('channels.copy')}: ${label}`}
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            });
          }}
        >
          {copied ? t('channels.copied') : t('channels.copy')}
        </button>
        <span className="visually-hidden" role="status">
          {copied ? t('channels.copied') : ''}
        </span>
      </div>
    </div>
  );
}
