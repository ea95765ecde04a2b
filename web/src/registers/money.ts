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

export const formatDong = (n: number) => `${n.toLocaleString(language() === 'vi' ? 'vi-VN' : 'en-GB')} đ`;
