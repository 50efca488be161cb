import { useState } from 'react';
import { customerMergeApi } from '../../api/customer-merge-api.ts';
import type { ScanResult } from '../../api/customer-merge-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { FormStatus } from '../admin/form-status.component.tsx';
import { errorText } from '../shell/error-text.ts';

// Scans the whole workspace (it can take a while on a large one) and says what it found.
export function ScanButton({ onScanned }: { onScanned: () => void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ScanResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const n = (v: number) => new Intl.NumberFormat(lang).format(v);

  async function scan() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await customerMergeApi.scan());
      onScanned();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="duplicates-scan" data-testid="duplicates-scan">
      <button type="button" className="button" data-testid="duplicates-scan-button" disabled={busy} onClick={() => void scan()}>
        {busy ? t('duplicates.scanning') : t('duplicates.scan')}
      </button>
      <div data-testid="duplicates-scan-result">
        <FormStatus
          error={error}
          done={result && t('duplicates.scanned', { scanned: n(result.scanned), batches: n(result.batches), pairs: n(result.pairs), seconds: (result.ms / 1000).toFixed(1) })}
        />
      </div>
    </div>
  );
}
