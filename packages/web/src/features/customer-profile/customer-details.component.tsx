import { useState, type FormEvent } from 'react';
import { customerProfileApi } from '../../api/customer-profile-api.ts';
import type { Customer } from '../../api/api.types.ts';
import type { CustomerPatch, CustomerProfile } from '../../api/customer-profile-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { AttributeInput } from './attribute-input.component.tsx';
import { attributePatch, attributeText, draftOf, legacyAttributes, type AttributeDraft } from './attribute-values.ts';
import { isFormWide, issuesAt } from './field-issues.ts';
import { useAttributeDefinitions } from './use-attribute-definitions.hook.ts';

type Saved = Pick<CustomerProfile, 'company' | 'attributes'>;

// Company and the workspace's own fields, each with the input its type calls for; keys no field
// defines any more are shown as stored. Only what changed is sent, and the server checks the types.
export function CustomerDetails({ customerId, profile, onSaved }: { customerId: string; profile: CustomerProfile; onSaved: (saved: Saved) => void }) {
  const { t } = useI18n();
  const { definitions, error: definitionsError } = useAttributeDefinitions();
  const [company, setCompany] = useState(profile.company ?? '');
  const [drafts, setDrafts] = useState<Record<string, AttributeDraft>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const attributes = profile.attributes ?? {};
  const fields = ['company', ...definitions.map((d) => `attributes.${d.key}`)];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const patch: CustomerPatch = {};
    const nextCompany = company.trim() || null;
    if (nextCompany !== (profile.company ?? null)) patch.company = nextCompany;
    const changed = attributePatch(definitions, attributes, drafts);
    if (Object.keys(changed).length) patch.attributes = changed;
    setError(null);
    if (!Object.keys(patch).length) {
      setDone(t('profile.details.unchanged'));
      return;
    }
    setBusy(true);
    setDone(null);
    try {
      const saved: Customer & { company?: string | null } = await customerProfileApi.update(customerId, patch);
      onSaved({ company: saved.company ?? null, attributes: saved.attributes });
      setDrafts({});
      setCompany(saved.company ?? '');
      setDone(t('profile.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const legacy = legacyAttributes(definitions, attributes);
  const fieldError = (field: string, id: string) => {
    const lines = issuesAt(error, field);
    return lines.length ? (
      <p id={id} className="form-error" role="alert" data-testid="details-field-error" data-field={field}>
        {lines.join(' · ')}
      </p>
    ) : null;
  };
  return (
    <section className="profile-card" aria-labelledby="profile-details-heading" data-testid="profile-details">
      <h2 id="profile-details-heading">{t('profile.details.title')}</h2>
      <form className="details-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="details-company">{t('profile.details.company')}</label>
        <input
          id="details-company"
          data-testid="details-company"
          maxLength={200}
          value={company}
          onChange={(e) => setCompany(e.target.value)}
          aria-invalid={issuesAt(error, 'company').length > 0 || undefined}
          aria-describedby={issuesAt(error, 'company').length ? 'details-company-error' : undefined}
        />
        {fieldError('company', 'details-company-error')}
        {definitions.map((def) => {
          const id = `details-attr-${def.key}`;
          const issues = issuesAt(error, `attributes.${def.key}`);
          const help = def.description ? `${id}-help` : null;
          return (
            <div key={def.key} className="details-row" data-testid="details-attribute" data-key={def.key} data-type={def.type}>
              <label htmlFor={id}>{def.label}</label>
              <AttributeInput
                def={def}
                id={id}
                value={drafts[def.key] ?? draftOf(def, attributes[def.key])}
                invalid={issues.length > 0}
                describedBy={[help, issues.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
                onChange={(v) => setDrafts((d) => ({ ...d, [def.key]: v }))}
              />
              {help && (
                <p id={help} className="field-help muted small">
                  {def.description}
                </p>
              )}
              {fieldError(`attributes.${def.key}`, `${id}-error`)}
            </div>
          );
        })}
        <div className="form-actions">
          <button type="submit" className="button small primary" data-testid="details-save" disabled={busy}>
            {busy ? t('profile.saving') : t('profile.details.save')}
          </button>
          {done && (
            <span className="form-ok" role="status">
              {done}
            </span>
          )}
        </div>
      </form>
      {error !== null && isFormWide(error, fields) && (
        <p className="form-error" role="alert" data-testid="details-error">
          {errorText(error, t)}
        </p>
      )}
      {definitions.length === 0 && !definitionsError && <p className="muted small">{t('profile.details.noFields')}</p>}
      {definitionsError !== null && (
        <p className="form-error" role="alert">
          {errorText(definitionsError, t)}
        </p>
      )}
      {legacy.length > 0 && (
        <>
          <h3>{t('profile.details.legacy')}</h3>
          <p className="muted small">{t('profile.details.legacyHelp')}</p>
          <dl className="fields" data-testid="details-legacy">
            {legacy.map(([k, v]) => (
              <div key={k} className="fact" data-key={k}>
                <dt>{k}</dt>
                <dd>{attributeText(v)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
