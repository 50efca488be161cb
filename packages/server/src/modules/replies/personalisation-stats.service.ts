import { sql } from 'kysely';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { listEmployees } from '../employees/employee.service.ts';

export type PersonalisationCounts = {
  replies: number;
  canned: number;
  snippetUses: number;
  unchangedSnippetUses: number;
  // Replies that were canned or an unchanged snippet (one reply that is both counts once).
  impersonal: number;
  // 1 − impersonal / replies; null without replies.
  personalisationRate: number | null;
};

export type EmployeePersonalisation = PersonalisationCounts & { employeeId: string; name: string | null };

export type PersonalisationStats = { from: string; to: string; employees: EmployeePersonalisation[]; totals: PersonalisationCounts };

const rateOf = (replies: number, impersonal: number) => (replies ? Math.round((1 - impersonal / replies) * 1000) / 1000 : null);

const withRate = (c: Omit<PersonalisationCounts, 'personalisationRate'>): PersonalisationCounts => ({ ...c, personalisationRate: rateOf(c.replies, c.impersonal) });

// Per employee over [from, to): replies sent, canned ones (judged when sent), snippet uses.
export async function personalisationStats(scope: TenantScope, opts: { from: Date; to: Date; employeeId?: string }): Promise<PersonalisationStats> {
  const rows = await scope
    .selectFrom('reply_fingerprints')
    .leftJoin('snippet_uses', 'snippet_uses.message_id', 'reply_fingerprints.message_id')
    .select([
      'reply_fingerprints.employee_id',
      sql<number>`count(*)::int`.as('replies'),
      sql<number>`(count(*) filter (where reply_fingerprints.canned))::int`.as('canned'),
      sql<number>`count(snippet_uses.message_id)::int`.as('snippet_uses'),
      sql<number>`(count(*) filter (where snippet_uses.unchanged))::int`.as('unchanged'),
      sql<number>`(count(*) filter (where reply_fingerprints.canned or snippet_uses.unchanged))::int`.as('impersonal'),
    ])
    .where('reply_fingerprints.sent_at', '>=', opts.from)
    .where('reply_fingerprints.sent_at', '<', opts.to)
    .$if(opts.employeeId !== undefined, (q) => q.where('reply_fingerprints.employee_id', '=', opts.employeeId!))
    .groupBy('reply_fingerprints.employee_id')
    .execute();
  const names = new Map((await listEmployees(scope)).map((e) => [e.id, e.name]));
  const employees = rows
    .map((r) =>
      Object.assign(
        { employeeId: r.employee_id, name: names.get(r.employee_id) ?? null },
        withRate({ replies: r.replies, canned: r.canned, snippetUses: r.snippet_uses, unchangedSnippetUses: r.unchanged, impersonal: r.impersonal }),
      ),
    )
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.employeeId.localeCompare(b.employeeId));
  const sum = (k: 'replies' | 'canned' | 'snippetUses' | 'unchangedSnippetUses' | 'impersonal') => employees.reduce((n, e) => n + e[k], 0);
  return {
    from: opts.from.toISOString(),
    to: opts.to.toISOString(),
    employees,
    totals: withRate({ replies: sum('replies'), canned: sum('canned'), snippetUses: sum('snippetUses'), unchangedSnippetUses: sum('unchangedSnippetUses'), impersonal: sum('impersonal') }),
  };
}
