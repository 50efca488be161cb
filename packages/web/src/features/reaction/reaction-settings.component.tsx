import { useEffect, useId, useState, type FormEvent } from 'react';
import { reactionApi } from '../../api/reaction-api.ts';
import type { OfficeRange, ReactionSettings, Weekday } from '../../api/reaction-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { FormStatus } from '../admin/form-status.component.tsx';
import { useFormStatus } from '../admin/use-form-status.hook.ts';

const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// Bounds for offers, and the one process automation (off by default, labelled as automatic).
export function ReactionSettingsForm({ onSaved }: { onSaved: (s: ReactionSettings) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [s, setS] = useState<ReactionSettings | null>(null);
  const status = useFormStatus();

  useEffect(() => {
    reactionApi.settings().then(setS, () => undefined);
  }, []);
  if (!s) return null;
  const ack = s.automations.afterHoursAck;
  const setAck = (patch: Partial<typeof ack>) => setS({ ...s, automations: { afterHoursAck: { ...ack, ...patch } } });
  const setRange = (i: number, patch: Partial<OfficeRange>) => setAck({ officeHours: { ...ack.officeHours, weekly: ack.officeHours.weekly.map((r, j) => (j === i ? { ...r, ...patch } : r)) } });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!s) return;
    void status.run(async () => {
      const next = await reactionApi.updateSettings({ maxDiscountPercent: s.maxDiscountPercent, maxCompensation: s.maxCompensation, currency: s.currency, automations: s.automations });
      setS(next);
      onSaved(next);
      return t('reaction.settings.saved');
    });
  }

  return (
    <form className="reaction-settings" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('reaction.settings.title')}</h2>
      <div className="form-row">
        <span className="form-cell narrow">
          <label htmlFor={`${id}-d`}>{t('reaction.settings.maxDiscount')}</label>
          <input id={`${id}-d`} type="number" min={0} max={100} value={s.maxDiscountPercent} onChange={(e) => setS({ ...s, maxDiscountPercent: Number(e.target.value) })} />
        </span>
        <span className="form-cell narrow">
          <label htmlFor={`${id}-c`}>{t('reaction.settings.maxCompensation')}</label>
          <input id={`${id}-c`} type="number" min={0} value={s.maxCompensation} onChange={(e) => setS({ ...s, maxCompensation: Number(e.target.value) })} />
        </span>
        <span className="form-cell narrow">
          <label htmlFor={`${id}-cur`}>{t('reaction.settings.currency')}</label>
          <input id={`${id}-cur`} maxLength={3} value={s.currency} onChange={(e) => setS({ ...s, currency: e.target.value.toUpperCase() })} />
        </span>
      </div>
      <fieldset className="form-group automation">
        <legend>
          <span className="form-check">
            <input id={`${id}-ack`} type="checkbox" data-testid="after-hours-toggle" checked={ack.enabled} onChange={(e) => setAck({ enabled: e.target.checked })} aria-describedby={`${id}-ackh`} />
            <label htmlFor={`${id}-ack`}>{t('reaction.settings.afterHours')}</label>
          </span>
        </legend>
        <p id={`${id}-ackh`} className="muted small">
          {t('reaction.settings.afterHoursHint')}
        </p>
        <span className="form-cell">
          <label htmlFor={`${id}-tz`}>{t('reaction.settings.timezone')}</label>
          <input id={`${id}-tz`} value={ack.officeHours.timezone} onChange={(e) => setAck({ officeHours: { ...ack.officeHours, timezone: e.target.value } })} />
        </span>
        <p className="form-sub">{t('reaction.settings.weekly')}</p>
        <ol className="plain form-rows">
          {ack.officeHours.weekly.map((r, i) => (
            <li key={i} className="form-row">
              <span className="form-cell">
                <label htmlFor={`${id}-day${i}`}>{t('reaction.settings.day')}</label>
                <select id={`${id}-day${i}`} value={r.day} onChange={(e) => setRange(i, { day: e.target.value as Weekday })}>
                  {DAYS.map((d) => (
                    <option key={d} value={d}>
                      {t(`reaction.day.${d}`)}
                    </option>
                  ))}
                </select>
              </span>
              <span className="form-cell narrow">
                <label htmlFor={`${id}-from${i}`}>{t('reaction.settings.from')}</label>
                <input id={`${id}-from${i}`} type="time" value={r.from} onChange={(e) => setRange(i, { from: e.target.value })} />
              </span>
              <span className="form-cell narrow">
                <label htmlFor={`${id}-to${i}`}>{t('reaction.settings.to')}</label>
                <input id={`${id}-to${i}`} type="time" value={r.to} onChange={(e) => setRange(i, { to: e.target.value })} />
              </span>
              <button
                type="button"
                className="button ghost small"
                aria-label={t('reaction.form.removeRow', { n: i + 1 })}
                disabled={ack.officeHours.weekly.length <= 1}
                onClick={() => setAck({ officeHours: { ...ack.officeHours, weekly: ack.officeHours.weekly.filter((_, j) => j !== i) } })}
              >
                {t('reaction.form.remove')}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="button small" onClick={() => setAck({ officeHours: { ...ack.officeHours, weekly: [...ack.officeHours.weekly, { day: 'sat', from: '10:00', to: '14:00' }] } })}>
          {t('reaction.settings.addRange')}
        </button>
        <span className="form-cell grow">
          <label htmlFor={`${id}-tes`}>{t('reaction.settings.textEs')}</label>
          <textarea id={`${id}-tes`} rows={2} value={ack.text.es ?? ''} onChange={(e) => setAck({ text: { ...ack.text, es: e.target.value } })} />
        </span>
        <span className="form-cell grow">
          <label htmlFor={`${id}-ten`}>{t('reaction.settings.textEn')}</label>
          <textarea id={`${id}-ten`} rows={2} value={ack.text.en ?? ''} onChange={(e) => setAck({ text: { ...ack.text, en: e.target.value } })} />
        </span>
      </fieldset>
      <FormStatus error={status.error} done={status.done} />
      <button type="submit" className="button primary" disabled={status.busy}>
        {t('reaction.settings.save')}
      </button>
    </form>
  );
}
