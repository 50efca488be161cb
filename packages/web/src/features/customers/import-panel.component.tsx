import { useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { customerDataApi } from '../../api/customer-data-api.ts';
import type { ImportReport } from '../../api/customer-data-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { buildMapping, COLUMN_TARGETS, csvHeader, guessChoices, type ColumnChoice, type ColumnTarget, type MappingProblem } from './import-mapping.ts';
import { ImportReportView } from './import-report.component.tsx';
import { useImportProgress } from './use-import-progress.hook.ts';

const COUNTRIES = ['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'US', 'GB', 'FR', 'DE', 'IT', 'PT'] as const;

type Loaded = { file: string; csv: string; choices: ColumnChoice[] };

// Choose a CSV, map its columns, import with live progress, then read the report.
export function ImportPanel({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t, lang } = useI18n();
  const ids = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [channel, setChannel] = useState('');
  const [verified, setVerified] = useState(false);
  const [country, setCountry] = useState('');
  const [running, setRunning] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  // A new key empties the file input, so the same file can be chosen again.
  const [fileKey, setFileKey] = useState(0);
  const progress = useImportProgress(running);
  const built = useMemo(() => (loaded ? buildMapping(loaded.choices, channel) : null), [loaded, channel]);
  const regions = useMemo(() => new Intl.DisplayNames([lang], { type: 'region' }), [lang]);

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setReport(null);
    setError(null);
    setTried(false);
    if (!file) return setLoaded(null);
    const csv = await file.text();
    const header = csvHeader(csv);
    if (!header.length) {
      setLoaded(null);
      setError(t('import.fileEmpty'));
      return;
    }
    setLoaded({ file: file.name, csv, choices: guessChoices(header) });
  }

  const setChoice = (i: number, patch: Partial<ColumnChoice>) =>
    setLoaded((l) => (l ? { ...l, choices: l.choices.map((c, j) => (i === j ? { ...c, ...patch } : c)) } : l));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!loaded || !built || !('mapping' in built)) return;
    const importId = crypto.randomUUID();
    setRunning(importId);
    setError(null);
    try {
      const result = await customerDataApi.import({ csv: loaded.csv, mapping: built.mapping, verified, importId, ...(country ? { defaultCountry: country } : {}) });
      setReport(result);
      onImported();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setRunning(null);
    }
  }

  const problemText = (p: MappingProblem) => {
    switch (p.kind) {
      case 'duplicate_target':
        return t('import.problem.duplicate_target', { field: t(`import.target.${p.target}`) });
      case 'missing_attribute_key':
        return t('import.problem.missing_attribute_key', { column: p.column });
      case 'duplicate_attribute_key':
        return t('import.problem.duplicate_attribute_key', { key: p.key });
      default:
        return t(`import.problem.${p.kind}`);
    }
  };
  const problems = built && 'problems' in built ? built.problems : [];
  const usesExternalId = loaded?.choices.some((c) => c.target === 'externalId') ?? false;

  return (
    <section className="card pad import-panel" aria-labelledby={`${ids}-title`} data-testid="import-panel">
      <div className="customers-head">
        <h2 id={`${ids}-title`}>{t('import.title')}</h2>
        <button type="button" className="button ghost small" onClick={onClose}>
          {t('import.close')}
        </button>
      </div>
      <p className="muted small">{t('import.intro')}</p>
      <label className="field">
        <span>{t('import.file')}</span>
        <input key={fileKey} type="file" accept=".csv,text/csv" data-testid="import-file" disabled={running !== null} onChange={(e) => void choose(e)} />
      </label>

      {loaded && !report && (
        <form onSubmit={(e) => void submit(e)} className="import-form">
          <table className="table" data-testid="import-columns">
            <caption>{t('import.columns', { file: loaded.file })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.field')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.choices.map((c, i) => (
                <tr key={c.column} data-testid="import-column" data-column={c.column}>
                  <th scope="row">{c.column}</th>
                  <td className="import-target">
                    <select
                      aria-label={t('import.targetFor', { column: c.column })}
                      data-testid="import-target"
                      value={c.target}
                      disabled={running !== null}
                      onChange={(e) => setChoice(i, { target: e.target.value as ColumnTarget })}
                    >
                      {COLUMN_TARGETS.map((target) => (
                        <option key={target} value={target}>
                          {t(`import.target.${target}`)}
                        </option>
                      ))}
                    </select>
                    {c.target === 'attribute' && (
                      <input
                        aria-label={t('import.attributeKeyFor', { column: c.column })}
                        data-testid="import-attribute-key"
                        value={c.attributeKey}
                        maxLength={100}
                        disabled={running !== null}
                        onChange={(e) => setChoice(i, { attributeKey: e.target.value })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {usesExternalId && (
            <label className="field">
              <span>{t('import.channel')}</span>
              <input data-testid="import-channel" value={channel} maxLength={32} disabled={running !== null} onChange={(e) => setChannel(e.target.value)} aria-describedby={`${ids}-channel`} />
              <span id={`${ids}-channel`} className="muted small">
                {t('import.channelHint')}
              </span>
            </label>
          )}
          <label className="check">
            <input type="checkbox" data-testid="import-verified" checked={verified} disabled={running !== null} onChange={(e) => setVerified(e.target.checked)} aria-describedby={`${ids}-verified`} />{' '}
            {t('import.verified')}
          </label>
          <p id={`${ids}-verified`} className="muted small">
            {t('import.verifiedHint')}
          </p>
          <label className="field">
            <span>{t('import.country')}</span>
            <select data-testid="import-country" value={country} disabled={running !== null} onChange={(e) => setCountry(e.target.value)}>
              <option value="">{t('import.country.none')}</option>
              {COUNTRIES.map((code) => (
                <option key={code} value={code}>
                  {regions.of(code) ?? code} ({code})
                </option>
              ))}
            </select>
          </label>
          {tried && problems.length > 0 && (
            <ul className="form-error" role="alert" data-testid="import-problems">
              {problems.map((p) => (
                <li key={JSON.stringify(p)}>{problemText(p)}</li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button type="submit" className="button" data-testid="import-submit" disabled={running !== null}>
              {running !== null ? t('import.importing') : t('import.submit')}
            </button>
          </div>
        </form>
      )}

      {(running !== null || report) && (
        <div className="import-progress" data-testid="import-progress-wrap">
          <progress
            data-testid="import-progress"
            aria-label={t('import.progress')}
            max={report ? 1 : (progress?.total ?? undefined)}
            value={report ? 1 : (progress?.processed ?? undefined)}
          />
          <span className="muted small" aria-live="polite" data-testid="import-progress-text">
            {report
              ? t('import.progressText', { processed: report.rows, total: report.rows })
              : progress
                ? t('import.progressText', { processed: progress.processed, total: progress.total })
                : t('import.waiting')}
          </span>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {report && loaded && (
        <>
          <ImportReportView report={report} file={loaded.file} />
          <button
            type="button"
            className="button ghost small"
            onClick={() => {
              setReport(null);
              setLoaded(null);
              setFileKey((k) => k + 1);
            }}
          >
            {t('import.again')}
          </button>
        </>
      )}
    </section>
  );
}
