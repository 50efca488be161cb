import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, DuplicateScansTable } from '../../platform/db/database.types.ts';
import { tenantScope, type TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { scanDuplicates, type ScanResult } from './duplicate.service.ts';

export type ScanTrigger = DuplicateScansTable['trigger'];
export type ScanView = {
  id: string;
  trigger: ScanTrigger;
  startedAt: string;
  finishedAt: string | null;
  scanned: number;
  pairs: number;
  error: string | null;
};

const toView = (r: Selectable<DuplicateScansTable>): ScanView => ({
  id: r.id,
  trigger: r.trigger,
  startedAt: r.started_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
  scanned: r.scanned,
  pairs: r.pairs,
  error: r.error,
});

// One scan per workspace at a time, across every server process sharing the database: the scan's
// own transaction holds an advisory lock keyed by the workspace.
const lockKey = (workspaceId: string) => sql<number>`hashtext(${`duplicate-scan:${workspaceId}`})`;

export async function recordedScan(scope: TenantScope, trigger: ScanTrigger, opts: { minNameSimilarity?: number } = {}): Promise<ScanResult & { scanId: string }> {
  const scan = await scope.insertInto('duplicate_scans', { trigger, started_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  try {
    const result = await scanDuplicates(scope, {
      ...opts,
      before: async (trx) => {
        const got = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${lockKey(scope.workspaceId)}) as ok`.execute(trx.db);
        if (!got.rows[0]?.ok) throw new AppError('conflict', 'A duplicate scan of this workspace is already running; its proposals will appear in the queue when it ends');
      },
    });
    await scope.updateTable('duplicate_scans').set({ finished_at: new Date(), scanned: result.scanned, pairs: result.pairs }).where('id', '=', scan.id).execute();
    return { ...result, scanId: scan.id };
  } catch (err) {
    await scope.updateTable('duplicate_scans').set({ finished_at: new Date(), error: (err as Error).message.slice(0, 500) }).where('id', '=', scan.id).execute();
    throw err;
  }
}

export async function listScans(scope: TenantScope, limit: number): Promise<ScanView[]> {
  const rows = await scope.selectFrom('duplicate_scans').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
  return rows.map(toView);
}

// The scheduled pass: a workspace is scanned again once `everyHours` have passed since its last
// successful scan and only if some customer was created or changed since then, so an idle workspace
// costs one cheap query.
export type ScheduledPass = { scanned: Array<{ workspaceId: string } & ScanResult>; failed: Array<{ workspaceId: string; error: string }> };

export async function scheduledScans(db: Kysely<Database>, everyHours: number, now = new Date()): Promise<ScheduledPass | undefined> {
  const due = await sql<{ id: string }>`
    select w.id from workspaces w
    left join lateral (
      select max(s.started_at) as last from duplicate_scans s
      where s.workspace_id = w.id and s.finished_at is not null and s.error is null
    ) s on true
    where (s.last is null or s.last < ${new Date(now.getTime() - everyHours * 3_600_000)})
      and exists (
        select 1 from customers c where c.workspace_id = w.id and c.merged_into_id is null
          and (s.last is null or c.updated_at > s.last or c.created_at > s.last)
      )`.execute(db);
  const pass: ScheduledPass = { scanned: [], failed: [] };
  for (const { id } of due.rows) {
    try {
      pass.scanned.push({ workspaceId: id, ...(await recordedScan(tenantScope(db, id), 'scheduled')) });
    } catch (err) {
      // Another process is scanning it: that scan counts. Any other failure is kept on the scan's row
      // and reported; the next workspaces are still scanned.
      if (!(err instanceof AppError && err.code === 'conflict')) pass.failed.push({ workspaceId: id, error: (err as Error).message });
    }
  }
  return pass.scanned.length || pass.failed.length ? pass : undefined;
}
