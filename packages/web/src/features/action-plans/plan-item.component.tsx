import { useState, type FormEvent } from 'react';
import { plansApi } from '../../api/voice-api.ts';
import { PLAN_STATUSES, type ActionPlan, type PlanDetail, type PlanStatus } from '../../api/voice-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import type { MessageKey } from '../../i18n/i18n.types.ts';
import { errorText } from '../shell/error-text.ts';
import { canEditTeam, canWriteNotes, type Viewer } from './plan-display.ts';
import { PlanFormView } from './plan-form.component.tsx';

type Props = { plan: ActionPlan; me: Viewer; onChanged: () => void };

// One plan: what, about what, who, by when, status and progress; its notes and the note form open on demand.
export function PlanItem({ plan, me, onChanged }: Props) {
  const { t, lang } = useI18n();
  const [detail, setDetail] = useState<PlanDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [progress, setProgress] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const editable = canEditTeam(me, plan.team.id);
  const linkText = plan.link.type === 'topic' ? t('plans.link.topic', { label: plan.link.label }) : t('plans.link.kpi', { kpi: t(`dashboard.kpi.${plan.link.kpi}` as MessageKey) });

  const run = async (action: () => Promise<PlanDetail | void>) => {
    setFailure(null);
    try {
      const next = await action();
      if (next) setDetail(next);
      onChanged();
    } catch (err) {
      setFailure(errorText(err, t));
    }
  };

  async function toggleNotes() {
    if (detail) return setDetail(null);
    await run(() => plansApi.get(plan.id));
  }

  async function addNote(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    const value = progress === '' ? undefined : Math.max(0, Math.min(100, Math.round(Number(progress))));
    await run(() => plansApi.addNote(plan.id, { text: text.trim(), ...(value === undefined || Number.isNaN(value) ? {} : { progress: value }) }));
    setText('');
    setProgress('');
  }

  if (editing) {
    const initial = { teamId: plan.team.id, title: plan.title, description: plan.description, ownerId: plan.owner?.id ?? '', dueOn: plan.dueOn, link: plan.link };
    return (
      <li className="plan-item">
        <PlanFormView initial={initial} planId={plan.id} me={me} onCancel={() => setEditing(false)} onSaved={() => (setEditing(false), onChanged())} />
      </li>
    );
  }

  return (
    <li className="plan-item" data-testid="plan-item" data-plan-id={plan.id}>
      <div className="plan-head">
        <h3>{plan.title}</h3>
        <span className={`plan-status status-${plan.status}`}>{t(`plans.status.${plan.status}` as MessageKey)}</span>
        {plan.overdue && <span className="plan-overdue">{t('plans.overdue')}</span>}
      </div>
      <p className="muted plan-meta">
        {linkText} · {plan.owner ? t('plans.owner', { name: plan.owner.name }) : t('plans.noOwner')} · {t('plans.due', { date: formatDate(`${plan.dueOn}T12:00:00Z`, lang) })}
      </p>
      {plan.description && <p>{plan.description}</p>}
      <div className="plan-progress">
        <progress max={100} value={plan.progress} aria-label={t('plans.progress', { percent: plan.progress })} />
        <span data-testid="plan-progress">{t('plans.progress', { percent: plan.progress })}</span>
      </div>
      {editable && (
        <div className="plan-actions">
          <label>
            {t('plans.field.status')}{' '}
            <select value={plan.status} onChange={(e) => run(() => plansApi.update(plan.id, { status: e.target.value as PlanStatus }))} data-testid="plan-status">
              {PLAN_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`plans.status.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <button className="button ghost small" type="button" onClick={() => setEditing(true)}>
            {t('plans.edit')}
          </button>
          <button className="button ghost small" type="button" onClick={() => window.confirm(t('plans.confirmDelete', { title: plan.title })) && run(() => plansApi.remove(plan.id))}>
            {t('plans.delete')}
          </button>
        </div>
      )}
      <button className="button ghost small" type="button" aria-expanded={!!detail} onClick={toggleNotes} data-testid="plan-notes-toggle">
        {t('plans.notes', { count: plan.noteCount })}
      </button>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {detail && (
        <div className="plan-notes">
          {detail.notes.length === 0 ? (
            <p className="muted">{t('plans.noNotes')}</p>
          ) : (
            <ol data-testid="plan-notes">
              {detail.notes.map((n) => (
                <li key={n.id}>
                  <span className="muted">{t('plans.note.by', { name: n.author?.name ?? t('plans.note.someone'), date: formatDateTime(n.createdAt, lang) })}</span>
                  {n.progress !== null && <span className="muted"> · {t('plans.note.set', { percent: n.progress })}</span>}
                  <p>{n.text}</p>
                </li>
              ))}
            </ol>
          )}
          {canWriteNotes(me, plan) && (
            <form className="plan-note-form" onSubmit={addNote}>
              <label>
                {t('plans.note.text')}
                <textarea value={text} rows={2} maxLength={2000} onChange={(e) => setText(e.target.value)} data-testid="note-text" />
              </label>
              <label>
                {t('plans.note.progress')}
                <input type="number" min={0} max={100} value={progress} onChange={(e) => setProgress(e.target.value)} data-testid="note-progress" />
              </label>
              <button className="button primary small" type="submit" disabled={!text.trim()} data-testid="note-add">
                {t('plans.note.add')}
              </button>
            </form>
          )}
        </div>
      )}
    </li>
  );
}
