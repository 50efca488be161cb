import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SYSTEMS } from './sentiment.systems.ts';

type WorkerResult = {
  name: string;
  loadMs: number;
  results: Record<string, { macroF1: number; accuracy: number }>;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  rssMb: number;
  rssGrowthMb: number;
};

const worker = fileURLToPath(new URL('./bench.worker.ts', import.meta.url));
const runs: WorkerResult[] = [];
for (const system of SYSTEMS) {
  process.stderr.write(`running ${system.name}…\n`);
  // One process per system, one after the other: each is timed alone, on one core.
  const output = execFileSync(process.execPath, ['--import', 'tsx', worker, system.name], { encoding: 'utf8', maxBuffer: 1 << 24 });
  runs.push(JSON.parse(output.trim().split('\n').pop() ?? '{}') as WorkerResult);
}

const sets = Object.keys(runs[0]?.results ?? {});
const cell = (x: number | undefined, digits = 3): string => (x === undefined ? '–' : x.toFixed(digits));
const header = ['system', ...sets.map((s) => `${s} (polarity macro-F1)`), 'msgs/s', 'p50 ms', 'p99 ms', 'load ms', 'RSS MB (growth)'];
const lines = [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...runs.map((r) =>
    `| ${[
      r.name,
      ...sets.map((s) => cell(r.results[s]?.macroF1)),
      Math.round(r.perSecond).toLocaleString('en-US'),
      cell(r.p50Ms, 4),
      cell(r.p99Ms, 4),
      cell(r.loadMs, 0),
      `${cell(r.rssMb, 0)} (${cell(r.rssGrowthMb, 0)})`,
    ].join(' | ')} |`,
  ),
];
console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, load average ${loadavg()[0]?.toFixed(1)}; each system in its own process, one core; speed: best of 5 warm passes\n`);
console.log(lines.join('\n'));
const vinculo = runs.find((r) => r.name === 'vinculo');
if (vinculo) {
  const beaten = sets.map((s) => {
    const best = Math.max(...runs.filter((r) => r !== vinculo).map((r) => r.results[s]?.macroF1 ?? 0));
    return `${s}: ${(vinculo.results[s]?.macroF1 ?? 0) > best ? 'ahead' : 'NOT ahead'} (best other ${best.toFixed(3)})`;
  });
  console.log(`\nvinculo vs the best other system per set:\n  ${beaten.join('\n  ')}`);
  const goals = [
    `throughput ${Math.round(vinculo.perSecond)} msgs/s (goal ≥ 20000): ${vinculo.perSecond >= 20000 ? 'met' : 'NOT met'}`,
    `p99 ${vinculo.p99Ms.toFixed(3)} ms (goal < 1): ${vinculo.p99Ms < 1 ? 'met' : 'NOT met'}`,
    `model load ${vinculo.loadMs.toFixed(0)} ms (goal < 300): ${vinculo.loadMs < 300 ? 'met' : 'NOT met'}`,
    `RSS ${vinculo.rssMb.toFixed(0)} MB (goal < 150): ${vinculo.rssMb < 150 ? 'met' : 'NOT met'}`,
  ];
  console.log(`\nvinculo speed goals:\n  ${goals.join('\n  ')}`);
}
