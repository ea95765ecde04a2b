// Vietnam calendar days as integers (days since 1970-01-01 in UTC+7, which
// has no daylight saving). The dashboard counts by these; pure, so the
// server's rollups and the web page agree on what "a day" and "a week" are.
export const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

export const dayOf = (ms: number): number => Math.floor((ms + VN_OFFSET_MS) / DAY_MS);

/** 'YYYY-MM-DD' → day number (the date is read as a Vietnam date). */
export const dayFromIso = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

export const isoFromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Monday of the day's week (1970-01-01 was a Thursday). */
export const weekStart = (day: number): number => day - ((day + 3) % 7);

/** First day of the day's calendar month. */
export function monthStart(day: number): number {
  const d = new Date(day * DAY_MS);
  // setUTCDate, not Date.UTC(year, …): Date.UTC reads years 0–99 as 1900–1999.
  d.setUTCDate(1);
  return Math.floor(d.getTime() / DAY_MS);
}

export const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
