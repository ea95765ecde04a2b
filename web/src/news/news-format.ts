// Dates and ages on the news screens, in the chosen language and Vietnam time.
import { language } from '../i18n/index.ts';

const locale = () => (language() === 'vi' ? 'vi-VN' : 'en-GB');

export const newsDate = (iso: string) =>
  new Intl.DateTimeFormat(locale(), { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'numeric', year: 'numeric' }).format(new Date(iso));

/** "5 minutes ago", "2 days ago": how old the saved copy is. */
export function ageOf(savedAt: number, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - savedAt) / 60_000));
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  if (minutes < 60) return format.format(-minutes, 'minute');
  if (minutes < 48 * 60) return format.format(-Math.round(minutes / 60), 'hour');
  return format.format(-Math.round(minutes / 1440), 'day');
}
