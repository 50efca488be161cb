import { useCallback, useEffect, useState } from 'react';
import { plansApi } from '../../api/voice-api.ts';
import type { ActionPlan, TeamScore } from '../../api/voice-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useMe } from '../auth/session.context.tsx';
import { useDirectory } from '../shell/directory.context.tsx';
import { errorText } from '../shell/error-text.ts';
import { navigate } from '../shell/router.hook.ts';
import { canEditTeam, viewerOf } from './plan-display.ts';
import { PlanFormView } from './plan-form.component.tsx';
import { PlanItem } from './plan-item.component.tsx';
import { ScoreSettingsForm } from './score-settings.component.tsx';
import { TeamScoreCard } from './team-score-card.component.tsx';
import './action-plans.css';

// A team's action plans and score: the team from the address, else the viewer's own, else the first.
export function ActionPlansPage({ teamId: routeTeam }: { teamId: string | null }) {
  const { t } = useI18n();
  const me = useMe();
  const viewer = viewerOf(me);
  const { teams } = useDirectory();
  const teamId = routeTeam ?? viewer.teamId ?? teams[0]?.id ?? null;
  const [plans, setPlans] = useState<ActionPlan[] | null>(null);
  const [score, setScore] = useState<TeamScore | null>(null);
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!teamId) return;
    try {
      const [list, s] = await Promise.all([plansApi.list(teamId), plansApi.score(teamId)]);
      setPlans(list.items);
      setScore(s);
      setFailure(null);
    } catch (err) {
      setFailure(errorText(err, t));
    }
  }, [teamId, t]);

  useEffect(() => {
    setPlans(null);
    setScore(null);
    void load();
  }, [load]);

  const editable = !!teamId && canEditTeam(viewer, teamId);
  return (
    <main id="main" className="plans-page" data-testid="action-plans-page">
      <h1>{t('plans.title')}</h1>
      <p className="muted">{t('plans.intro')}</p>
      {teams.length === 0 ? (
        <p className="muted">{t('plans.noTeams')}</p>
      ) : (
        <label className="plans-team">
          {t('plans.team')}{' '}
          <select value={teamId ?? ''} onChange={(e) => navigate(`/action-plans/${encodeURIComponent(e.target.value)}`)} data-testid="plans-team">
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="plans-layout">
        <section className="plans-list" aria-label={t('plans.title')}>
          {!editable && <p className="muted">{t('plans.readOnly')}</p>}
          {editable && !creating && (
            <button className="button primary" type="button" onClick={() => setCreating(true)} data-testid="plan-new">
              {t('plans.new')}
            </button>
          )}
          {creating && teamId && (
            <PlanFormView
              initial={{ teamId, title: '', description: '', ownerId: viewer.employeeId ?? '', dueOn: '', link: null }}
              me={viewer}
              onCancel={() => setCreating(false)}
              onSaved={() => (setCreating(false), void load())}
            />
          )}
          {plans === null && !failure && <p className="muted">{t('plans.loading')}</p>}
          {plans?.length === 0 && <p className="muted">{t('plans.empty')}</p>}
          <ul className="plan-list">
            {plans?.map((plan) => <PlanItem key={plan.id} plan={plan} me={viewer} onChanged={() => void load()} />)}
          </ul>
        </section>
        <div className="plans-side">
          {score && <TeamScoreCard score={score} />}
          {viewer.role === 'admin' && <ScoreSettingsForm onSaved={() => void load()} />}
        </div>
      </div>
    </main>
  );
}
