import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { SnippetForm } from './snippet-form.component.tsx';
import { SnippetRow } from './snippet-row.component.tsx';
import { useSnippets } from './use-snippets.hook.ts';

// Administrators and managers keep the workspace's snippets: starting points, filled per customer.
export function SnippetsAdmin() {
  const { t } = useI18n();
  const { items, error, reload } = useSnippets();
  return (
    <section aria-labelledby="snippets-heading" data-testid="admin-snippets">
      <h1 id="snippets-heading">{t('admin.snippets')}</h1>
      <p className="muted">{t('snippetsAdmin.intro')}</p>
      <SnippetForm onSaved={reload} />
      <div className="card">
        <h2>{t('snippetsAdmin.list')}</h2>
        {error !== null && (
          <p className="form-error" role="alert">
            {errorText(error, t)}
          </p>
        )}
        {items === null && error === null && <p className="muted">{t('app.loading')}</p>}
        {items?.length === 0 && <p className="muted">{t('snippetsAdmin.empty')}</p>}
        <ul className="plain snippet-rows">
          {items?.map((s) => (
            <SnippetRow key={`${s.id}:${s.updatedAt}`} snippet={s} onChanged={reload} />
          ))}
        </ul>
      </div>
    </section>
  );
}
