// Number formats of the dashboard, in the chosen language.
import type { Count } from '../../../shared/stats/api.ts';
import { language } from '../i18n/index.ts';

const locale = () => (language() === 'vi' ? 'vi-VN' : 'en-GB');
export const num = (n: Count | null): string => (n === null ? '—' : typeof n === 'string' ? n : n.toLocaleString(locale()));
export const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toLocaleString(locale(), { maximumFractionDigits: 1 })} %`);
export const points = (x: number | null): string => (x === null ? '—' : x.toLocaleString(locale(), { maximumFractionDigits: 2 }));
export const dateTime = (iso: string | null): string => (iso === null ? '—' : new Date(iso).toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'short' }));
export const date = (iso: string): string => new Date(`${iso}T00:00:00`).toLocaleDateString(locale());
/** A number for drawing: a suppressed count is drawn as nothing. */
export const drawable = (n: Count | number | null): number => (typeof n === 'number' ? n : 0);
