import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';

export type TeamView = { id: string; name: string; createdAt: string };

const toTeamView = (t: { id: string; name: string; created_at: Date }): TeamView => ({
  id: t.id,
  name: t.name,
  createdAt: t.created_at.toISOString(),
});

export async function createTeam(scope: TenantScope, name: string): Promise<TeamView> {
  const row = await scope
    .insertInto('teams', { name })
    .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', `A team called "${name}" already exists`);
  return toTeamView(row);
}

export async function listTeams(scope: TenantScope): Promise<TeamView[]> {
  return (await scope.selectFrom('teams').selectAll().orderBy('name').execute()).map(toTeamView);
}

export async function renameTeam(scope: TenantScope, id: string, name: string): Promise<TeamView> {
  const clash = await scope.selectFrom('teams').select('id').where('name', '=', name).where('id', '!=', id).executeTakeFirst();
  if (clash) throw new AppError('conflict', `A team called "${name}" already exists`);
  const row = await scope.updateTable('teams').set({ name }).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw notFound('Team');
  return toTeamView(row);
}

export async function deleteTeam(scope: TenantScope, id: string): Promise<void> {
  const result = await scope.deleteFrom('teams').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Team');
}
