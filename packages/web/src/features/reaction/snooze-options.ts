// Snooze choices in minutes; "tomorrow" means 9:00 on the next day in the employee's time zone.
export function minutesUntilTomorrow(now: Date, hour = 9): number {
  const next = new Date(now);
  next.setDate(next.getDate() + 1);
  next.setHours(hour, 0, 0, 0);
  return Math.max(1, Math.min(10_080, Math.round((next.getTime() - now.getTime()) / 60_000)));
}

export type SnoozeChoice = 'quarter' | 'hour' | 'tomorrow';

export const snoozeMinutes = (choice: SnoozeChoice, now: Date): number => (choice === 'quarter' ? 15 : choice === 'hour' ? 60 : minutesUntilTomorrow(now));
