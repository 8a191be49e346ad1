/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), the only date form the resolve stages hand around. */

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO date, or null for an impossible one (month 13, 30 February). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (!(year >= 1000 && year <= 2999) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= lastDayOfMonth(year, month))) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function monthStart(year: number, month: number): string | null {
  return isoDay(year, month, 1);
}

export function monthEnd(year: number, month: number): string | null {
  return month >= 1 && month <= 12 ? isoDay(year, month, lastDayOfMonth(year, month)) : null;
}

/** Year of an ISO date or month (`2017-03-12`, `2017-03`). */
export function yearOf(iso: string | null): number | null {
  if (!iso) return null;
  const m = /^(\d{4})/.exec(iso);
  return m ? +m[1] : null;
}

/** A full day from `YYYY-MM-DD…` or `YYYY-MM` (the month's last day: the latest the page can have been written). */
export function asDay(iso: string | null): string | null {
  if (!iso) return null;
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (d) return isoDay(+d[1], +d[2], +d[3]);
  const m = /^(\d{4})-(\d{2})$/.exec(iso);
  return m ? monthEnd(+m[1], +m[2]) : null;
}
