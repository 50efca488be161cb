import type { ImportReport } from '../../api/customer-data-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorsCsv } from './import-mapping.ts';

// What the import did, and every row it could not take with its line, so it can be fixed and sent again.
export function ImportReportView({ report, file }: { report: ImportReport; file: string }) {
  const { t } = useI18n();

  function download() {
    const csv = errorsCsv(report.errors, { line: t('import.line'), column: t('import.column'), message: t('import.message') });
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${file.replace(/\.csv$/i, '')}-errors.csv`;
    a.click();
    // Revoked on the next tick: the download has started by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <section aria-labelledby="import-report-heading" className="import-report" data-testid="import-report">
      <h3 id="import-report-heading">{t('import.report')}</h3>
      <ul className="plain import-counts">
        <li data-testid="import-rows">{t('import.rows', { count: report.rows })}</li>
        <li data-testid="import-created">{t('import.created', { count: report.created })}</li>
        <li data-testid="import-updated">{t('import.updated', { count: report.updated })}</li>
        <li data-testid="import-duplicates">{t('import.duplicates', { count: report.proposedDuplicates })}</li>
        <li data-testid="import-errors">{t('import.errors', { count: report.errors.length })}</li>
      </ul>
      {report.errors.length === 0 ? (
        <p className="form-ok">{t('import.noErrors')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="import-error-table">
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.message')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.column ?? ''}-${i}`} data-testid="import-error-row" data-line={e.row}>
                    <td>{e.row}</td>
                    <td>{e.column ?? ''}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" className="button small" data-testid="import-errors-download" onClick={download}>
            {t('import.downloadErrors')}
          </button>
        </>
      )}
    </section>
  );
}
