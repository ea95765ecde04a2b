// Text for the ward's loudspeaker radio (plan form 2.4), read by a person or
// by the radio's text-to-speech software: numbers, dates, legal document
// numbers, hotlines and web addresses written as they are spoken, never read
// character by character. Vietnamese only: the ward radio broadcasts in
// Vietnamese. Pure functions, so the composer, the print-out and the test over
// every lesson use the same rules.

/** Legal document symbols as spoken: who issued it (standard abbreviations). */
const ISSUERS: Array<[RegExp, string]> = [
  [/^NĐ-CP$/, 'của Chính phủ'],
  [/^QH\d+$/, 'của Quốc hội'],
  [/^QĐ-TTg$/, 'của Thủ tướng Chính phủ'],
  [/^(QĐ|TT)-NHNN$/, 'của Ngân hàng Nhà nước'],
  [/^(QĐ|TT)-BYT$/, 'của Bộ Y tế'],
  [/^(QĐ|TT)-BTTTT$|^BTTTT-/, 'của Bộ Thông tin và Truyền thông'],
  [/^(QĐ|TT)-BCA$/, 'của Bộ Công an'],
];
const issuer = (symbol: string) => ISSUERS.find(([re]) => re.test(symbol))?.[1] ?? '';

/** Web addresses the lessons give, as a radio host says them. */
const KNOWN_HOSTS: Record<string, string> = {
  'dichvucong.gov.vn': 'dịch vụ công chấm gov chấm vn, viết liền không dấu',
  'tinnhiemmang.vn': 'tín nhiệm mạng chấm vn, viết liền không dấu',
  'binhdanhocvuso.gov.vn': 'bình dân học vụ số chấm gov chấm vn, viết liền không dấu',
};
const HOST = /\b(?:https?:\/\/)?((?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|io|app))\b(?:\/[^\s,;)]*[^\s,;).])?/gi;

/** Office abbreviations a voice would spell out letter by letter. */
const ABBREVIATIONS: Record<string, string> = { UBND: 'Ủy ban nhân dân', HĐND: 'Hội đồng nhân dân', MTTQ: 'Mặt trận Tổ quốc' };

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
/** Short numbers people dial or text: read digit by digit ("năm sáu năm sáu"), never as an amount. */
const SHORT_CODES = new Set(['111', '113', '114', '115', '156', '5656']);
const digitByDigit = (n: string) => [...n].map((d) => DIGITS[Number(d)]).join(' ');
const noLeadingZero = (n: string) => String(Number(n));

/** Rewrites text so it reads aloud as written. Idempotent on its own output. */
export function toSpoken(input: string): string {
  let s = input.normalize('NFC');
  // Legal documents: 42/2022/NĐ-CP → số 42 năm 2022 của Chính phủ; 06/QĐ-TTg → số 6 của Thủ tướng Chính phủ.
  s = s.replace(/\b(\d+)\/(\d{4})\/([A-ZĐ][A-ZĐa-z0-9-]*)/g, (_, n, y, sym) => `số ${noLeadingZero(n)} năm ${y} ${issuer(sym)}`.trimEnd());
  s = s.replace(/\b(\d+)\/((?:QĐ|TT|CV)-[A-ZĐa-z]+|[A-ZĐ]+-[A-ZĐ]+)/g, (_, n, sym) => `số ${noLeadingZero(n)} ${issuer(sym)}`.trimEnd());
  s = s.replace(/\b(\d+)-NQ\/TW\b/g, (_, n) => `số ${n}`);
  // Round the clock before dates, or it would read as the 24th of July.
  s = s.replace(/\b24\/7\b/g, 'suốt 24 giờ, cả 7 ngày trong tuần');
  s = s.replace(/(?:\bngày\s+)?\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (_, d, m, y) => `ngày ${noLeadingZero(d)} tháng ${noLeadingZero(m)} năm ${y}`);
  s = s.replace(/(?:\btháng\s+)?\b(\d{1,2})\/(\d{4})\b/g, (_, m, y) => `tháng ${noLeadingZero(m)} năm ${y}`);
  s = s.replace(/(?:\bngày\s+)?\b(\d{1,2})\/(\d{1,2})\b/g, (whole, d, m) => (Number(d) <= 31 && Number(m) <= 12 ? `ngày ${noLeadingZero(d)} tháng ${noLeadingZero(m)}` : whole));
  s = s.replace(/\b(\d{1,2})[h:](\d{2})\b/g, (_, h, m) => `${noLeadingZero(h)} giờ ${m === '00' ? '' : noLeadingZero(m)}`.trimEnd());
  s = s.replace(/(\d+(?:[.,]\d+)?)\s?%/g, '$1 phần trăm');
  s = s.replace(HOST, (_, host: string) => KNOWN_HOSTS[host.toLowerCase()] ?? host.toLowerCase().split('.').join(' chấm '));
  // An e-mail address as it is said: hop thu a còng phuong chấm vn.
  s = s.replace(/(\S)@(\S)/g, '$1 a còng $2');
  s = s.replace(/\b\d{3,4}\b/g, (n) => (SHORT_CODES.has(n) ? digitByDigit(n) : n));
  s = s.replace(/(\d)\s?[–-]\s?(\d)/g, '$1 đến $2');
  s = s.replace(/\b(UBND|HĐND|MTTQ)\b/g, (a) => ABBREVIATIONS[a]);
  // Leftover signs a voice would read out or stumble on.
  s = s.replace(/(\p{L})\s?\/\s?(\p{L})/gu, '$1 hoặc $2');
  s = s.replace(/[→•*#_`|]/g, ' ');
  s = s.replace(/[“”"]/g, '');
  s = s.replace(/([?!])\./g, '$1');
  return s.replace(/[ \t]+/g, ' ').replace(/ ([,.;:!?])/g, '$1').replace(/\n{3,}/g, '\n\n').trim();
}

/** Sentences about the app's own screen: meaningless on the radio. */
export const SCREEN_WORDS = /(luyện tập|thực hành|bên dưới|dưới đây|bên trên|màn hình này|nút “?Tiếp|trong Học vụ số|hình bên|ảnh bên|(?:chạm|bấm|nhấn|nhấp)(?: vào)? đây|(?:đường link|đường dẫn|liên kết) (?:này|sau)|xem hình)/i;

/** What would read badly aloud; empty when the text is ready for the radio. */
export function speechProblems(text: string): string[] {
  const problems: string[] = [];
  const find = (re: RegExp, what: string) => {
    const m = text.match(re);
    if (m) problems.push(`${what}: “${m[0]}”`);
  };
  find(/https?:\/\/\S+|www\.\S+/i, 'web address');
  find(/\b(?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov)\b/i, 'web address');
  find(/\d+\s?\/\s?\d+/, 'number with a slash');
  find(/%/, 'percent sign');
  find(/\S@\S/, 'e-mail address');
  find(/\b(UBND|HĐND|MTTQ)\b/, 'abbreviation');
  find(/[<>*#_`[\]{}|]/, 'markup');
  find(/\p{Extended_Pictographic}/u, 'emoji');
  for (const sentence of text.split(/(?<=[.!?])\s+/)) if (SCREEN_WORDS.test(sentence)) problems.push(`screen words: “${sentence.slice(0, 80)}”`);
  return problems;
}

/** Syllables, counted as Vietnamese writes them: one per space-separated word. */
export const syllables = (text: string) => text.normalize('NFC').split(/\s+/).filter((w) => /\p{L}|\d/u.test(w)).length;

/** The default speaking rate, in syllables a minute. Hosts of Vietnamese talk
 * programmes were measured at about 264 a minute; a loudspeaker bulletin is
 * read slower so that it carries outdoors: 200 (range 180–240). */
export const DEFAULT_SYLLABLES_PER_MINUTE = 200;
export const SPEAKING_RATE = { min: 120, max: 300 } as const;

/** Seconds to read `text` aloud at `rate` syllables a minute. */
export const readingSeconds = (text: string, rate = DEFAULT_SYLLABLES_PER_MINUTE) => Math.round((syllables(text) / rate) * 60);
