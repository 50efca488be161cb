import { AppError } from '../../platform/http/app-error.ts';
import type { Granularity } from './kpi.schema.ts';

const DAY = 86_400_000;
export const MAX_POINTS = 400;

export type Bucket = { key: string; from: Date; to: Date };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

// Whole UTC days, both ends included; by default the 30 days up to today.
export function rangeOf(q: { from?: string; to?: string }, now = new Date()): { since: Date; until: Date; from: string; to: string } {
  const to = q.to ?? isoDay(now);
  const from = q.from ?? isoDay(new Date(new Date(`${to}T00:00:00Z`).getTime() - 29 * DAY));
  return { since: new Date(`${from}T00:00:00Z`), until: new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY), from, to };
}

// The start of the UTC day, ISO week (Monday) or month holding `d`, as Postgres's date_trunc has it.
export function truncate(d: Date, g: Granularity): Date {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  if (g === 'day') return day;
  if (g === 'week') return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

const next = (d: Date, g: Granularity) =>
  g === 'day' ? new Date(d.getTime() + DAY) : g === 'week' ? new Date(d.getTime() + 7 * DAY) : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));

// Every period of the range, clipped to it: a week that starts before `from` counts from `from`.
export function bucketsOf(range: { since: Date; until: Date }, g: Granularity): Bucket[] {
  const list: Bucket[] = [];
  for (let start = truncate(range.since, g); start < range.until; start = next(start, g)) {
    if (list.length === MAX_POINTS) {
      const message = `more than ${MAX_POINTS} points in the period: choose a shorter period or a coarser granularity`;
      throw new AppError('validation_failed', `querystring.granularity: ${message}`, [{ path: 'querystring.granularity', message }]);
    }
    const end = next(start, g);
    list.push({ key: isoDay(start), from: start < range.since ? range.since : start, to: end > range.until ? range.until : end });
  }
  return list;
}
