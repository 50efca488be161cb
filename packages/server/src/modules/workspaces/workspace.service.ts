import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { WorkspacesTable } from '../../platform/db/database.types.ts';
import { notFound } from '../../platform/http/app-error.ts';
import { randomToken } from '../../platform/security/tokens.ts';

type WorkspaceRow = Selectable<WorkspacesTable>;

export type WorkspaceView = {
  id: string;
  name: string;
  slug: string;
  publicKey: string;
  settings: Record<string, unknown>;
  createdAt: string;
};

export const toWorkspaceView = (w: WorkspaceRow): WorkspaceView => ({
  id: w.id,
  name: w.name,
  slug: w.slug,
  publicKey: w.public_key,
  settings: w.settings,
  createdAt: w.created_at.toISOString(),
});

const slugify = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'workspace';

export async function createWorkspace(db: Db, input: { name: string; slug?: string }): Promise<WorkspaceRow> {
  const base = input.slug ?? slugify(input.name);
  // A taken slug gets a short random suffix rather than failing the sign-up.
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomToken(3).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
    const row = await db
      .insertInto('workspaces')
      .values({ name: input.name, slug, public_key: `pk_${randomToken(12)}`, identity_secret: randomToken(32) })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) return row;
    if (attempt > 5) throw new Error(`could not find a free slug for ${base}`);
  }
}

export async function getWorkspace(db: Db, id: string): Promise<WorkspaceRow> {
  const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Workspace');
  return row;
}

export async function findWorkspaceByPublicKey(db: Db, publicKey: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('public_key', '=', publicKey).executeTakeFirst();
}

export async function updateWorkspace(
  db: Db,
  id: string,
  patch: { name?: string; settings?: Record<string, unknown> },
): Promise<WorkspaceRow> {
  const current = await getWorkspace(db, id);
  return db
    .updateTable('workspaces')
    .set({
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.settings ? { settings: JSON.stringify({ ...current.settings, ...patch.settings }) } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function rotateIdentitySecret(db: Db, id: string): Promise<string> {
  const secret = randomToken(32);
  await db.updateTable('workspaces').set({ identity_secret: secret }).where('id', '=', id).execute();
  return secret;
}
