// The geometry of a mood sparkline: scores in [-1, 1] drawn left to right, one step per
// message (a burst of messages stays readable next to a quiet week), +1 at the top.

export type SparklineBox = { width: number; height: number; pad: number };
export type SparklineGeometry = { line: string; dots: Array<{ x: number; y: number }>; zeroY: number };

const round = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: number) => (Number.isFinite(n) ? Math.max(-1, Math.min(1, n)) : 0);

export function sparklinePath(scores: readonly number[], box: SparklineBox): SparklineGeometry {
  const { width, height, pad } = box;
  const innerW = Math.max(0, width - 2 * pad);
  const innerH = Math.max(0, height - 2 * pad);
  const yOf = (score: number) => round(pad + ((1 - clamp(score)) / 2) * innerH);
  const xOf = (i: number) => round(scores.length === 1 ? width / 2 : pad + (i / (scores.length - 1)) * innerW);
  const dots = scores.map((s, i) => ({ x: xOf(i), y: yOf(s) }));
  const line = dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.x} ${d.y}`).join(' ');
  return { line, dots, zeroY: yOf(0) };
}
