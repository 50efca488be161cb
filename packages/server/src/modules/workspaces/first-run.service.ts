import type { AppContext } from '../../platform/context.ts';
import { tenantScope } from '../../platform/db/tenant-scope.ts';
import { randomToken } from '../../platform/security/tokens.ts';
import { createEmployee } from '../employees/employee.service.ts';
import { createWorkspace } from './workspace.service.ts';

export type FirstRun = { workspaceId: string; adminEmail: string; generatedPassword: string | null };

// Fixed, so every fresh install shows the same demo customers as the docs and screenshots.
const DEMO_SEED = 20_240_601;
const DEMO_CUSTOMERS = 40;

// On an empty database: one workspace and its admin, so `npm start` leads straight to a login.
// One transaction: if the demo data fails, no admin is left behind whose password was never shown.
// The demo-data command calls it too, so data loaded before the first start still comes with an admin.
export async function ensureFirstWorkspace(ctx: Pick<AppContext, 'db' | 'config'> & Partial<Pick<AppContext, 'emotion'>>): Promise<FirstRun | null> {
  return ctx.db.transaction().execute(async (db) => {
    const any = await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
    if (any) return null;
    const workspace = await createWorkspace(db, { name: 'Vínculo Demo', slug: 'demo' });
    const generatedPassword = ctx.config.adminPassword ? null : randomToken(12);
    await createEmployee(tenantScope(db, workspace.id), {
      email: ctx.config.adminEmail,
      name: 'Admin',
      role: 'admin',
      password: ctx.config.adminPassword ?? generatedPassword ?? undefined,
      locale: 'es',
    });
    if (ctx.config.demo) {
      // Loaded only here: faker's locale data is large and no other start needs it.
      const { generateDemoData } = await import('../demo/demo-data.service.ts');
      await generateDemoData({ db, emotion: ctx.emotion }, workspace.id, { customers: DEMO_CUSTOMERS, seed: DEMO_SEED });
    }
    return { workspaceId: workspace.id, adminEmail: ctx.config.adminEmail, generatedPassword };
  });
}
