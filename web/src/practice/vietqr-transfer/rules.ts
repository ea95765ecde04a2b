// The mock bank app's rules, from Decision 2345/QĐ-NHNN (in force 1/7/2024):
// a single transfer over 10 million VND needs face authentication; smaller
// ones use an OTP. (The same decision also asks for it once a day's total
// passes 20 million VND and on a new device; the practice shows the first rule.)
export const FACE_AUTH_OVER_VND = 10_000_000;

export type AuthMethod = 'otp' | 'face';

export const authFor = (amountVnd: number): AuthMethod => (amountVnd > FACE_AUTH_OVER_VND ? 'face' : 'otp');

/** "12.000.000", "12 000 000 đ" and "12000000" all mean 12 million; anything else is null. */
export function parseAmount(input: string): number | null {
  const digits = input.replace(/[\s.,]|đ|vnd/gi, '');
  if (!/^\d{1,12}$/.test(digits)) return null;
  const n = Number(digits);
  return n > 0 ? n : null;
}

export const formatVnd = (n: number) => `${n.toLocaleString('vi-VN')} đ`;

/** A dummy six-digit code the mock app shows itself: never a real OTP. */
export const dummyOtp = (random: () => number = Math.random) => String(Math.floor(random() * 900_000) + 100_000);
