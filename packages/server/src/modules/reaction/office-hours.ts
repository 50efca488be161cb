export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export type OfficeHours = { timezone: string; weekly: Array<{ day: Day; from: string; to: string }> };

export type OfficeStatus = { open: true } | { open: false; periodKey: string };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function localParts(at: Date, timeZone: string) {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  const day = DAYS.indexOf(String(parts.weekday).toLowerCase().slice(0, 3) as Day);
  return { day, year: Number(parts.year), month: Number(parts.month), date: Number(parts.day), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

// Open or closed at `at`, in the office's own time zone. A closed period is named by the local
// moment it began (the end of the last opening range), so "one message per closed period" is a
// unique key, whatever the time zone or daylight-saving change.
export function officeStatus(hours: OfficeHours, at: Date): OfficeStatus {
  const now = localParts(at, hours.timezone);
  const open = hours.weekly.some((r) => DAYS.indexOf(r.day) === now.day && minutesOf(r.from) <= now.minutes && now.minutes < minutesOf(r.to));
  if (open) return { open: true };
  for (let back = 0; back <= 7; back++) {
    const day = (now.day - back + 7) % 7;
    const limit = back === 0 ? now.minutes : 24 * 60;
    const ends = hours.weekly.filter((r) => DAYS.indexOf(r.day) === day && minutesOf(r.to) <= limit).map((r) => r.to);
    if (ends.length) {
      const last = ends.sort().at(-1)!;
      const date = new Date(Date.UTC(now.year, now.month - 1, now.date - back)).toISOString().slice(0, 10);
      return { open: false, periodKey: `${date}T${last}@${hours.timezone}` };
    }
  }
  return { open: false, periodKey: `closed@${hours.timezone}` };
}
