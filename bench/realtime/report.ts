import type { LoadResult } from './load.ts';

export type BackendName = 'floor' | 'pglite' | 'postgres';

export type Measured = LoadResult & {
  backend: BackendName;
  status: 'ok';
  setupS: number;
  rssAfterSetupMb: number;
  rssStartupPeakMb: number;
  /** Peak while clients are connected: connecting, warm-up, measured window and drain. */
  rssPeakMb: number;
  serverCpuPct: number;
  databaseCpuPct: number | null;
  machineCpuPct: number;
  /** Machine busy in the second before the server started: other work skews the figures. */
  machineBusyBeforePct: number;
  cores: number;
  serverProblems: string[];
  logPath: string;
};

export type NotMeasured = { backend: BackendName; status: 'skipped' | 'failed'; reason: string };
export type BackendResult = Measured | NotMeasured;

// The issue's goals, fixed here so a smaller run can never quietly pass them.
export const GOALS = { clients: 1000, messagesPerS: 500, p99Ms: 50 };

const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : '—');
const int = (v: number) => Math.round(v).toLocaleString('en-US');
const pct = (v: number | null) => (v === null || !Number.isFinite(v) ? '—' : `${v.toFixed(0)} %`);

type Row = { label: string; cell: (r: Measured) => string; ratio?: (r: Measured) => number };

const rows: Row[] = [
  { label: 'clients connected (visitors + employees)', cell: (r) => `${r.visitorsConnected + r.employeesConnected} (${r.visitorsConnected} + ${r.employeesConnected})` },
  { label: 'messages sent (in measured window)', cell: (r) => `${int(r.sent)} (${int(r.sentInWindow)})` },
  { label: 'acked / send errors', cell: (r) => `${int(r.acked)} / ${int(Object.values(r.sendErrors).reduce((a, b) => a + b, 0))}` },
  { label: 'expected deliveries (sent × employees)', cell: (r) => int(r.expectedDeliveries) },
  { label: 'delivered', cell: (r) => int(r.delivered) },
  { label: 'LOST (must be 0)', cell: (r) => int(r.lost) },
  { label: '  of them acked (committed) messages', cell: (r) => int(r.lostAfterAck) },
  { label: 'sends still unacked when drain ended', cell: (r) => int(r.unackedAtEnd) },
  { label: 'duplicates / duplicate acks', cell: (r) => `${int(r.duplicates)} / ${int(r.duplicateAcks)}` },
  { label: 'sequence gaps / backwards', cell: (r) => `${int(r.seqGaps)} / ${int(r.seqBackwards)}` },
  { label: 'unexpected disconnects', cell: (r) => int(r.disconnects.length) },
  { label: 'delivery latency p50', cell: (r) => ms(r.latency.p50), ratio: (r) => r.latency.p50 },
  { label: 'delivery latency p90', cell: (r) => ms(r.latency.p90), ratio: (r) => r.latency.p90 },
  { label: 'delivery latency p99', cell: (r) => ms(r.latency.p99), ratio: (r) => r.latency.p99 },
  { label: 'delivery latency max', cell: (r) => ms(r.latency.max), ratio: (r) => r.latency.max },
  { label: 'ack latency p50', cell: (r) => ms(r.ack.p50), ratio: (r) => r.ack.p50 },
  { label: 'ack latency p99', cell: (r) => ms(r.ack.p99), ratio: (r) => r.ack.p99 },
  { label: 'throughput (acked msgs/s)', cell: (r) => r.acksPerS.toFixed(1), ratio: (r) => r.acksPerS },
  { label: 'deliveries/s', cell: (r) => int(r.deliveriesPerS), ratio: (r) => r.deliveriesPerS },
  { label: 'server RSS peak under load', cell: (r) => `${r.rssPeakMb.toFixed(0)} MB`, ratio: (r) => r.rssPeakMb },
  { label: 'server RSS start-up peak / after setup', cell: (r) => `${r.rssStartupPeakMb.toFixed(0)} / ${r.rssAfterSetupMb.toFixed(0)} MB` },
  { label: 'server CPU (of one core)', cell: (r) => pct(r.serverCpuPct), ratio: (r) => r.serverCpuPct },
  { label: 'PostgreSQL CPU (of one core)', cell: (r) => pct(r.databaseCpuPct) },
  { label: 'generator CPU (of one core)', cell: (r) => pct(r.generatorCpuPct) },
  {
    // Machine minus the processes we account for; tick rounding can push it a little below 0.
    label: 'other CPU: kernel, other processes (of one core)',
    cell: (r) => pct(Math.max(0, r.machineCpuPct * r.cores - r.serverCpuPct - (r.databaseCpuPct ?? 0) - r.generatorCpuPct)),
  },
  { label: 'machine CPU busy (all cores) / before start', cell: (r) => `${pct(r.machineCpuPct)} / ${pct(r.machineBusyBeforePct)}` },
  { label: 'generator loop delay p99 / schedule lag', cell: (r) => `${ms(r.generatorLoopDelayP99Ms)} / ${ms(r.schedulerMaxLagMs)}` },
  { label: 'setup / connect / drain', cell: (r) => `${r.setupS.toFixed(1)} / ${r.connectS.toFixed(1)} / ${r.drainS.toFixed(1)} s` },
  { label: 'server warnings/errors logged', cell: (r) => int(r.serverProblems.length) },
];

export function resultsTable(results: BackendResult[]): string {
  const floor = results.find((r): r is Measured => r.backend === 'floor' && r.status === 'ok');
  const header = ['', ...results.map((r) => r.backend)];
  const body = rows.map((row) => [
    row.label,
    ...results.map((r) => {
      if (r.status !== 'ok') return r.status;
      const cell = row.cell(r);
      if (!row.ratio || !floor || r === floor) return cell;
      const ratio = row.ratio(r) / row.ratio(floor);
      return Number.isFinite(ratio) ? `${cell} (×${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(0)})` : cell;
    }),
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((line) => (line[c] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const notes = results.filter((r): r is NotMeasured => r.status !== 'ok').map((r) => `${r.backend}: ${r.status}: ${r.reason}`);
  return [line(header), rule, ...body.map(line), ...(floor ? ['(×n) = ratio to the floor'] : []), ...notes].join('\n');
}

export function goalVerdicts(results: BackendResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (r.status !== 'ok' || r.backend === 'floor') continue;
    const checks: [string, boolean][] = [
      [`${GOALS.clients} clients connected`, r.visitorsConnected + r.employeesConnected >= GOALS.clients],
      // Acks counted inside the window wobble by a message or two at its edges, hence 99 %.
      [`${GOALS.messagesPerS} msgs/s sustained (acked/s ≥ 99 % of it, all acked)`, r.acksPerS >= GOALS.messagesPerS * 0.99 && r.acked === r.sent],
      [`p99 delivery < ${GOALS.p99Ms} ms`, r.latency.p99 < GOALS.p99Ms],
      ['nothing lost, no gaps', r.lost === 0 && r.seqGaps === 0 && r.duplicates === 0],
    ];
    const failed = checks.filter(([, ok]) => !ok).map(([name]) => name);
    const scope = r.backend === 'postgres' ? 'goal' : 'goal (stated for PostgreSQL; shown for reference)';
    out.push(`${r.backend}: ${failed.length ? `MISSED ${scope}: ${failed.join('; ')}` : `meets every ${scope}`}`);
  }
  return out;
}
