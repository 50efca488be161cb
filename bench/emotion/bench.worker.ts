import { performance } from 'node:perf_hooks';
import { classificationReport } from '../../packages/emotion/src/evaluation/metrics.ts';
import { POLARITIES } from '../../packages/emotion/src/index.ts';
import { loadBenchSets } from './bench.datasets.ts';
import { SYSTEMS } from './sentiment.systems.ts';

/** Runs one system in its own process, so that its load time and memory are its own. Prints one JSON line. */
const name = process.argv[2] ?? '';
const system = SYSTEMS.find((s) => s.name === name);
if (!system) throw new Error(`unknown system ${name}`);
const sets = loadBenchSets();
const rssBefore = process.memoryUsage().rss;
const loadStart = performance.now();
const predict = await system.load();
const loadMs = performance.now() - loadStart;

const results: Record<string, { macroF1: number; accuracy: number }> = {};
const latencies: number[] = [];
let messages = 0;
let busyMs = 0;
for (const set of sets) {
  const predicted: string[] = [];
  for (const row of set.rows) {
    const start = performance.now();
    predicted.push(await predict(row.text, set.language));
    const elapsed = performance.now() - start;
    latencies.push(elapsed);
    busyMs += elapsed;
    messages++;
  }
  const report = classificationReport(set.rows.map((r) => r.polarity), predicted, POLARITIES);
  results[set.name] = { macroF1: report.macroF1, accuracy: report.accuracy };
}
// A second, untimed-per-call pass measures throughput without the timer's own cost.
const texts = sets.flatMap((s) => s.rows.map((r) => [r.text, s.language] as const));
const passStart = performance.now();
for (const [text, language] of texts) await predict(text, language);
const passMs = performance.now() - passStart;
latencies.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    name,
    loadMs,
    results,
    perSecond: texts.length / (passMs / 1000),
    p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    meanMs: busyMs / messages,
    rssMb: process.memoryUsage().rss / 1048576,
    rssGrowthMb: (process.memoryUsage().rss - rssBefore) / 1048576,
    heapMb: process.memoryUsage().heapUsed / 1048576,
  }),
);
