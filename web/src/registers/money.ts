// Whole đồng, as typed (digits only) and as shown (grouped the Vietnamese way).
import { MAX_AMOUNT } from '../../../shared/registers/constants.ts';
import { language } from '../i18n/index.ts';

/** The amount typed, or undefined when it is not a whole number of đồng within bounds. */
export function parseDong(text: string): number | undefined {
  const digits = text.trim();
  if (!/^\d{1,13}$/.test(digits)) return undefined;
  const n = Number(digits);
  return n <= MAX_AMOUNT ? n : undefined;
}

/** "3.000.000 đ" in Vietnamese; "3,000,000 VND" in English, which reads the currency by its code. */
export const formatDong = (n: number) => (language() === 'vi' ? `${n.toLocaleString('vi-VN')} đ` : `${n.toLocaleString('en-GB')} VND`);
