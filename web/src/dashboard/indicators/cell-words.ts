// How a cell of target against actual reads on the screen, in the page's
// language: "80%", "1.200" / "1,200", "<5", "62.5%".
import type { IndicatorCell, Target } from '../../../../shared/indicators/api.ts';

const locale = (lang: string) => (lang === 'vi' ? 'vi-VN' : 'en-GB');
export const num = (lang: string, n: number) => n.toLocaleString(locale(lang), { maximumFractionDigits: 1 });
export const targetText = (lang: string, t: Target | null) => (t === null ? '—' : t.unit === 'percent' ? `${num(lang, t.value)}%` : num(lang, t.value));
export const actualText = (lang: string, c: IndicatorCell['actual']) => (typeof c === 'number' ? num(lang, c) : c);
export const shareText = (lang: string, s: number | null) => (s === null ? '—' : `${num(lang, s * 100)}%`);
