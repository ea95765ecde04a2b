import { language } from '../i18n/index.ts';

/** A calendar day in Vietnam time, "4/12/2026" (vi) or "4/12/2026" (en-GB): where a sentence says "ngày", a date, never a time. */
export const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString(language() === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'numeric', year: 'numeric' });
