import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/audit.service.ts';
import { DEFAULT_SETTINGS, surveySettingsSchema, type SurveySettings, type SurveySettingsPatch } from './survey.schema.ts';

// Stored as given; anything missing (a workspace that never changed them) takes the defaults.
export async function getSurveySettings(scope: TenantScope): Promise<SurveySettings> {
  const row = await scope.selectFrom('survey_settings').select('settings').executeTakeFirst();
  const merged = { ...DEFAULT_SETTINGS, ...(row?.settings ?? {}), lowScore: { ...DEFAULT_SETTINGS.lowScore, ...((row?.settings.lowScore as object | undefined) ?? {}) } };
  const parsed = surveySettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSurveySettings(scope: TenantScope, actor: AuditActor, patch: SurveySettingsPatch): Promise<SurveySettings> {
  return scope.transaction(async (trx) => {
    const current = await getSurveySettings(trx);
    const next = surveySettingsSchema.safeParse({ ...current, ...patch, lowScore: { ...current.lowScore, ...patch.lowScore } });
    if (!next.success) {
      const issues = next.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message }));
      throw new AppError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
    }
    const settings = JSON.stringify(next.data);
    await trx
      .insertInto('survey_settings', { settings, updated_at: new Date(), updated_by: actor.id })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ settings, updated_at: new Date(), updated_by: actor.id }))
      .execute();
    await recordAudit(trx, actor, { action: 'surveys.settings_changed', targetType: 'workspace', targetId: scope.workspaceId, details: patch });
    return next.data;
  });
}
