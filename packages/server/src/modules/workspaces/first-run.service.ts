import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { randomToken } from '../../platform/security/tokens.ts';
import { createEmployee } from '../employees/employee.service.ts';
import { createWorkspace } from './workspace.service.ts';

export type FirstRun = { workspaceId: string; adminEmail: string; generatedPassword: string | null };

// On an empty database: one workspace and its admin, so `npm start` leads straight to a login.
export async function ensureFirstWorkspace(ctx: AppContext): Promise<FirstRun | null> {
  const any = await ctx.db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const workspace = await createWorkspace(ctx.db, { name: 'Vínculo Demo', slug: 'demo' });
  const generatedPassword = ctx.config.adminPassword ? null : randomToken(12);
  await createEmployee(tenantScope(ctx.db, workspace.id), {
    email: ctx.config.adminEmail,
    name: 'Admin',
    role: 'admin',
    password: ctx.config.adminPassword ?? generatedPassword ?? undefined,
    locale: 'es',
  });
  return { workspaceId: workspace.id, adminEmail: ctx.config.adminEmail, generatedPassword };
}
