import { useState, type FormEvent } from 'react';
import { KPI_NAMES, type KpiName } from '../../api/kpi-types.ts';
import { plansApi } from '../../api/voice-api.ts';
import type { PlanDetail } from '../../api/voice-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/i18n.types.ts';
import { useDirectory } from '../shell/directory.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { TeamSelect } from '../shell/team-select.component.tsx';
import { canEditTeam, checkPlanForm, type PlanForm, type PlanFormErrors, type Viewer } from './plan-display.ts';

type Props = { initial: PlanForm; planId?: string; me: Viewer; onSaved: (plan: PlanDetail) => void; onCancel: () => void };

const today = () => new Date().toISOString().slice(0, 10);

// Create a plan (from a topic, or about a KPI) or change one; the team can be chosen only when creating.
export function PlanFormView({ initial, planId, me, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const { teams, employees } = useDirectory();
  const [form, setForm] = useState<PlanForm>(initial);
  const [errors, setErrors] = useState<PlanFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof PlanForm>(key: K, value: PlanForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const idFor = (field: string) => `plan-${planId ?? 'new'}-${field}`;
  const error = (field: keyof PlanFormErrors) =>
    errors[field] ? (
      <span className="form-error" id={`${idFor(field)}-error`}>
        {t(`plans.error.${errors[field]}` as MessageKey)}
      </span>
    ) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = checkPlanForm(form, planId ? '0000-00-00' : today());
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setFailure(null);
    try {
      const body = { title: form.title.trim(), description: form.description.trim(), ownerId: form.ownerId, dueOn: form.dueOn, link: form.link! };
      onSaved(planId ? await plansApi.update(planId, body) : await plansApi.create({ ...body, teamId: form.teamId }));
    } catch (err) {
      setFailure(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  const editableTeams = teams.filter((team) => canEditTeam(me, team.id));
  return (
    <form className="plan-form" onSubmit={submit} noValidate data-testid="plan-form">
      {!planId && (
        <label>
          {t('plans.field.team')}
          <TeamSelect
            testId="plan-team"
            teams={editableTeams}
            emptyLabel={t('plans.chooseTeam')}
            value={form.teamId}
            onChange={(e) => set('teamId', e.target.value)}
            aria-invalid={!!errors.teamId}
          />
          {error('teamId')}
        </label>
      )}
      <label>
        {t('plans.field.title')}
        <input value={form.title} maxLength={220} onChange={(e) => set('title', e.target.value)} aria-invalid={!!errors.title} data-testid="plan-title" />
        {error('title')}
      </label>
      <label>
        {t('plans.field.description')}
        <textarea value={form.description} rows={2} maxLength={4000} onChange={(e) => set('description', e.target.value)} />
      </label>
      {form.link?.type === 'topic' ? (
        <p className="muted" data-testid="plan-topic">
          {t('plans.link.topic', { label: form.link.label })}
        </p>
      ) : (
        <label>
          {t('plans.field.kpi')}
          <select value={form.link?.kpi ?? ''} onChange={(e) => set('link', e.target.value ? { type: 'kpi', kpi: e.target.value as KpiName } : null)} aria-invalid={!!errors.link}>
            <option value="">–</option>
            {KPI_NAMES.map((k) => (
              <option key={k} value={k}>
                {t(`dashboard.kpi.${k}` as MessageKey)}
              </option>
            ))}
          </select>
          {error('link')}
        </label>
      )}
      <label>
        {t('plans.field.owner')}
        <select value={form.ownerId} onChange={(e) => set('ownerId', e.target.value)} aria-invalid={!!errors.ownerId} data-testid="plan-owner">
          <option value="">–</option>
          {employees
            .filter((emp) => emp.active)
            .map((emp) => (
              <option key={emp.id} value={emp.id}>
                {emp.name}
              </option>
            ))}
        </select>
        {error('ownerId')}
      </label>
      <label>
        {t('plans.field.dueOn')}
        <input type="date" value={form.dueOn} onChange={(e) => set('dueOn', e.target.value)} aria-invalid={!!errors.dueOn} data-testid="plan-due" />
        {error('dueOn')}
      </label>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="plan-form-actions">
        <button className="button primary" type="submit" disabled={busy} data-testid="plan-save">
          {planId ? t('plans.save') : t('plans.create')}
        </button>
        <button className="button ghost" type="button" onClick={onCancel}>
          {t('plans.cancel')}
        </button>
      </div>
    </form>
  );
}
