// What a learner types into a practice screen is checked for things that look
// like real personal data, which a practice screen must never hold. Pure, so
// it is tested alone; the kind picks the explanation shown (practice.personal.*).
export type PersonalKind = 'idNumber' | 'phone' | 'otp' | 'password' | 'health';

// \b does not see Vietnamese letters as word characters, so words are fenced by hand.
const word = (alternatives: string) => new RegExp(`(?<![\\p{L}\\d])(${alternatives})(?![\\p{L}\\d])`, 'u');
const SECRET = word('otp|pin|password|passcode|mật khẩu|mat khau|mã xác nhận|mã xác thực');
const SECRET_VALUE = /(là|is|:|=)\s*\S*\d|\d{4,}/u;
// A health detail about a person: an illness, a prescription, a test result.
const HEALTH = word(
  '(tôi|mình|em|bố|mẹ|con|ông|bà|vợ|chồng|i|my \\w+) (đang )?(bị|mắc|uống thuốc|have|has|take|takes)|đơn thuốc|xét nghiệm|bệnh án|prescription|diagnosis',
);
const AMOUNT = /^\d{1,3}([.,]\d{3})+$/;

/**
 * The first kind of personal data found in `text`, or null. `allow` lists the
 * dummy values the screen itself shows (the learner may copy those);
 * `health` also looks for health details (where a question invites them).
 */
export function findPersonalData(text: string, opts: { allow?: string[]; health?: boolean } = {}): PersonalKind | null {
  let s = text.normalize('NFC').toLocaleLowerCase('vi');
  for (const a of opts.allow ?? []) s = s.split(a.normalize('NFC').toLocaleLowerCase('vi')).join(' ');
  for (const run of s.match(/\+?\d[\d .-]*\d/g) ?? []) {
    const digits = run.replace(/\D/g, '');
    if (/^(0|84)\d{8,10}$/.test(digits)) return 'phone';
    if (digits.length >= 9) return 'idNumber';
    if (digits.length === 6 && !AMOUNT.test(run.trim())) return 'otp';
  }
  if (SECRET.test(s) && SECRET_VALUE.test(s)) return 'password';
  if (opts.health && HEALTH.test(s)) return 'health';
  return null;
}
