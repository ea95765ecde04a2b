// Generators of bad (and nearly good) requests for any API route, with
// fast-check. A generated value is a recipe; fuzz-runner.ts applies it to a
// valid request for the route (from route-inventory.ts), so every field of
// every body gets wrong types, huge strings, deep nesting and the Unicode
// of Vietnamese names in every shape a phone or a spreadsheet may send.
import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../../shared/api.ts';

/** Vietnamese names and the edge cases around them. */
export const UNICODE_EDGES = [
  'Nguyễn', // NFC
  'Nguyễn'.normalize('NFD'), // decomposed: "e" + circumflex + tilde
  'Nguye\u0303\u0302n', // marks in the other order
  `a${'\u0301'.repeat(300)}`, // a pile of combining marks
  'Ng\u200duy\u200cễn', // zero-width joiner / non-joiner
  '\u202eNguyễn Thị\u202c', // right-to-left override
  '\u200f\u05d0\u05d1 Trần\u200e', // RTL mark, Hebrew letters
  '\ud800', // lone high surrogate
  'Lan\udfff', // lone low surrogate
  'x\ud83d', // half an emoji
  '👩‍👩‍👧‍👦 Đặng',
  '🇻🇳',
  '\u0000',
  'Lan\u0000Anh',
  '\ufeffHòa', // byte-order mark
  '\u00a0\u3000 ', // no-break and ideographic spaces
  '',
  '   ',
  'Đặng Thị Thu Thảo',
  'ĐƯỜNG ƠƯ Ỹ',
  '\ufffd\uffff\ufffe',
  'a\u2028b\u2029c',
  '\r\n\t\u000b\u000c',
  '<script>alert(1)</script>',
  "'; DROP TABLE learners; --",
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '%00%2e%2e%2f',
  '__proto__',
  'constructor',
  '1e309',
  '-0',
];

/** Byte sequences that are not UTF-8 (overlong, surrogate halves, stray continuation bytes). */
export const BAD_UTF8 = [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80], [0xff, 0xfe], [0xf4, 0x90, 0x80, 0x80], [0xe1, 0xbb]];

export const unicodeText = fc.oneof(
  { arbitrary: fc.constantFrom(...UNICODE_EDGES), weight: 4 },
  { arbitrary: fc.array(fc.constantFrom(...UNICODE_EDGES), { minLength: 2, maxLength: 6 }).map((a) => a.join('')), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
);

export type Replacement =
  | { t: 'json'; v: unknown }
  | { t: 'text'; v: string }
  | { t: 'huge'; len: number; ch: string }
  | { t: 'deep'; depth: number; open: '[' | '{"a":' }
  | { t: 'near'; n: number }
  | { t: 'delete' }
  | { t: 'extra'; key: string; v: unknown };

export type Recipe =
  | { kind: 'mutate'; pick: number; with: Replacement }
  | { kind: 'mutate-many'; picks: Array<{ pick: number; with: Replacement }> }
  | { kind: 'top-level'; v: unknown }
  | { kind: 'malformed'; how: 'truncate' | 'insert' | 'junk'; at: number; junk: string }
  | { kind: 'bad-utf8'; at: number; bytes: number[] }
  | { kind: 'content-type'; value: string | null }
  | { kind: 'oversized'; size: number; withLength: boolean }
  | { kind: 'path'; param: number; value: string; raw: boolean }
  | { kind: 'query'; pairs: Array<[string, string]>; raw: string }
  | { kind: 'auth'; variant: number }
  | { kind: 'method'; method: string }
  | { kind: 'valid' };

const wrongJson = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, '', '0', 'true', [], {}, [null], { '': null }),
  fc.jsonValue({ maxDepth: 3 }),
);

const replacement: fc.Arbitrary<Replacement> = fc.oneof(
  { arbitrary: wrongJson.map((v) => ({ t: 'json' as const, v })), weight: 5 },
  { arbitrary: unicodeText.map((v) => ({ t: 'text' as const, v })), weight: 5 },
  { arbitrary: fc.record({ t: fc.constant('huge' as const), len: fc.integer({ min: 10_000, max: Math.floor(MAX_BODY_BYTES / 4) }), ch: fc.constantFrom('a', 'ễ', '\u0301', '👩‍👧', '\\', '"') }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('deep' as const), depth: fc.integer({ min: 100, max: 50_000 }), open: fc.constantFrom('[' as const, '{"a":' as const) }), weight: 1 },
  { arbitrary: fc.nat().map((n) => ({ t: 'near' as const, n })), weight: 5 },
  { arbitrary: fc.constant({ t: 'delete' as const }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('extra' as const), key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', ''), fc.string({ maxLength: 10 })), v: wrongJson }), weight: 1 },
);

const dateish = fc.oneof(
  fc.constantFrom('2025-06-01', '2025-06-20', '2025-02-29', '2024-02-29', '2025-13-01', '2025-06-31', '0000-01-01', '9999-12-31', '1900-01-01', '2025-6-1', '20250601', '2025-06-01T00:00:00Z', ''),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const queryKey = fc.oneof(fc.constantFrom('from', 'to', 'group', 'lang', 'from[]', 'constructor', '__proto__', ''), fc.string({ maxLength: 12 }));
const queryValue = fc.oneof(dateish, fc.constantFrom('tdp-1', 'tdp-2', 'TDP-1', 'vi', 'en', 'fr', '%', '%zz', '%E0%A4%A', '%00', '%C0%AF', '+', '&&'), unicodeText, fc.string({ maxLength: 20 }));
const pathValue = fc.oneof(
  fc.constantFrom('', '.', '..', '%2e%2e', '%2F', '%', '%zz', '%E0%A4%A', '%00', '%C0%AF', 'ACDE3467', 'acde3467', ' ACDE3467 ', 'tdp-1', 'TDP-1', '00000000-0000-0000-0000-000000000000', 'admin', 'ADMIN'),
  unicodeText,
  fc.string({ maxLength: 60 }),
  fc.integer({ min: 100, max: 20_000 }).map((n) => 'a'.repeat(n)),
);

const AUTH_VARIANTS = 9;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

/** Recipes for a route: body recipes only for routes that read a body. */
export function recipeArb(opts: { hasBody: boolean; paramCount: number }): fc.Arbitrary<Recipe> {
  const common: Array<fc.WeightedArbitrary<Recipe>> = [
    { arbitrary: fc.constant({ kind: 'valid' as const }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('query' as const), pairs: fc.array(fc.tuple(queryKey, queryValue), { maxLength: 5 }), raw: fc.oneof(fc.constant(''), fc.constantFrom('&', '=', '==', '%', 'from', 'from=2025-06-01&from=2025-06-02', 'a=%ff%fe')) }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('auth' as const), variant: fc.nat({ max: AUTH_VARIANTS - 1 }) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('method' as const), method: fc.constantFrom(...METHODS) }), weight: 1 },
  ];
  if (opts.paramCount > 0) {
    common.push({ arbitrary: fc.record({ kind: fc.constant('path' as const), param: fc.nat({ max: opts.paramCount - 1 }), value: pathValue, raw: fc.boolean() }), weight: 4 });
  }
  if (!opts.hasBody) return fc.oneof(...common);
  return fc.oneof(
    ...common,
    { arbitrary: fc.record({ kind: fc.constant('mutate' as const), pick: fc.nat(), with: replacement }), weight: 10 },
    { arbitrary: fc.record({ kind: fc.constant('mutate-many' as const), picks: fc.array(fc.record({ pick: fc.nat(), with: replacement }), { minLength: 2, maxLength: 5 }) }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('top-level' as const), v: wrongJson }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('malformed' as const), how: fc.constantFrom('truncate' as const, 'insert' as const, 'junk' as const), at: fc.nat(), junk: fc.oneof(fc.constantFrom('{', '}', ',', '"', '\\', '\\u12', 'NaN', 'undefined', "'", '/*', '\u0000'), fc.string({ maxLength: 8 })) }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('bad-utf8' as const), at: fc.nat(), bytes: fc.constantFrom(...BAD_UTF8) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('content-type' as const), value: fc.constantFrom(null, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'application/json-patch+json', 'json', 'application/json; charset=utf-16', 'APPLICATION/JSON', ' application/json ', 'application/json;;;', 'application/json, text/plain') }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('oversized' as const), size: fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES * 2 }), withLength: fc.boolean() }), weight: 1 },
  );
}

/** Auth headers that are wrong in some way (the role's valid headers are mixed in where useful). */
export function badAuth(variant: number, valid: Record<string, string>): Record<string, string> {
  const fakeId = '01890a5d-ac96-774b-bcce-b302099a8057';
  switch (variant % AUTH_VARIANTS) {
    case 0: return { authorization: 'Bearer' };
    case 1: return { authorization: `Bearer ${fakeId}.${'A'.repeat(43)}` };
    case 2: return { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
    case 3: return { authorization: `Bearer ${'x'.repeat(8_000)}` };
    case 4: return { cookie: 'hvs_session=' + 'A'.repeat(43) };
    case 5: return { cookie: 'hvs_session=; hvs_session=%zz; other=1' };
    case 6: { const { origin: _o, ...rest } = valid; return rest; } // a cookie write with no Origin
    case 7: return { ...valid, origin: 'https://evil.example' };
    default: return { ...valid, authorization: `Bearer ${fakeId}.${'B'.repeat(43)}`, cookie: `${valid.cookie ?? ''}; hvs_session=forged` };
  }
}

/** Every place a value can be replaced in a JSON body: [parent, key] pairs, the root's children included. */
export function slots(body: unknown): Array<[Record<string, unknown> | unknown[], string | number]> {
  const out: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((item, i) => { out.push([v, i]); walk(item); });
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) { out.push([v as Record<string, unknown>, k]); walk((v as Record<string, unknown>)[k]); }
  };
  walk(body);
  return out;
}

const time = ['2025-02-30T09:00:00+07:00', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '9999-12-31T23:59:59.999Z', '2025-06-20T23:59:60+07:00', '2025-06-20T09:00:00+14:00', '2025-06-20T09:00:00-12:00', '2025-06-20T09:00:00', '2025-06-20', '1970-01-01T00:00:00Z', '2100-01-01T00:00:00+07:00', '2025-06-20T09:00:00.123456789+07:00'];
const ids = ['00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', '6f1c1e5e-9a4b-4c2d-8e7f-0a1b2c3d4e5f', '01890a5d-ac96-774b-bcce-b302099a8057 ', '01890a5d-ac96-774b-bcce-b302099a805'];
const groups = ['tdp-1', 'tdp-2', 'tdp-99', 'TDP-1', '-', 'a'.repeat(41), 'to-du-phong'];
const EVENT_TYPES = ['lesson.completed', 'lesson.started', 'consent.given', 'consent.withdrawn', 'profile.updated', 'learner.deletion-requested', 'session.joined', 'household.joined', 'session.created', 'assisted.registered', 'household.created', 'household.linked', 'outcome.confirmed', 'certificate.claimed', 'x'];
const passwords = ['correct horse battery', 'x', '123456', 'password', 'a'.repeat(4096), 'Ngõ 92 Trần Hưng Đạo, tầng 3!'.normalize('NFD')];

/** Values near the edge of what each field accepts, by field name: reached when a mutation lands on that field. */
export const NEAR: Record<string, unknown[]> = {
  occurredAt: time, startsAt: time, consentAt: time, givenAt: time,
  score: [-1, 101, 0, 100, 1e308, -0, 50.5, Number.MAX_SAFE_INTEGER],
  durationSec: [0, -1, 1e9, 31_536_000, 0.5],
  durationMin: [0, 1, 100_000, -5, 1440, 1441],
  birthYear: [1899, 1900, 2025, 2026, 3000, 0, -1950, 1950.5],
  contentBase64: [Buffer.from('PK\u0003\u0004garbage').toString('base64'), '====', 'A', '\n\n', 'QUJD'.repeat(200_000), Buffer.from('Mã tổ;Tên\r\ntdp-1;Tổ 1').toString('base64'), Buffer.from('\ufeffid,name\n,\n,,,,\n').toString('base64')],
  fileName: ['a.xlsx', 'a.XLSX', 'a.xls', 'a', '.csv', 'a.csv.exe', 'Tổ dân phố.csv', '../../etc/passwd', 'con.csv'],
  code: ['ACDE3467', 'acde-3467', 'ACDE 3467', 'AAAAAAAA', 'ACDE346', 'ACDE34670', 'ABCD-EFGH-JKMN', '0000-0000-0000', 'FGHJ4679'],
  courseId: ['cyber-safety', 'digital-citizen', 'unknown-course', 'Cyber-Safety', 'a'.repeat(81), 'staff-skills'],
  lessonId: ['strong-passwords', 'phishing', 'unknown', 'a'.repeat(81)],
  groupId: groups, residentialGroupId: groups,
  id: ids, learnerId: ids, recordedBy: ids, householdId: ids, sessionId: ids,
  deviceId: ['device-test-0001', 'a'.repeat(64), 'a'.repeat(65), 'short', 'dev ice', 'guide-phone-0001'],
  username: ['admin', 'ADMIN', ' admin ', 'guide-to-1', 'a'.repeat(64), 'a'.repeat(65), 'reviewer'],
  password: passwords, currentPassword: passwords, newPassword: passwords,
  displayName: ['Nguyễn', 'a'.repeat(40), 'a'.repeat(41), ' ', null],
  name: ['Tổ dân phố 1', 'a'.repeat(120), 'a'.repeat(121), ' '],
  label: ['Số 1', 'a'.repeat(80), 'a'.repeat(81)],
  dryRun: [true, false, 'true', 0],
  groups: [['tdp-1'], [], ['tdp-99'], Array(51).fill('tdp-1'), ['tdp-1', 'tdp-1']],
  role: ['admin', 'guide', 'reviewer', 'root', 'ADMIN'],
  team: ['cns', 'da06', null, 'x'],
  kind: ['portal', 'social', 'feedback', 'hotline', 'other', 'x'],
  url: ['https://dichvucong.gov.vn', 'javascript:alert(1)', 'a'.repeat(301)],
  outcome: ['vneid-level2-activated', 'first-online-dossier', 'x'],
  method: ['qr', 'code', 'sms'],
  gender: ['female', 'male', 'other', 'x', null],
  type: EVENT_TYPES,
  noticeVersion: [0, 1, 2, -1, 1.5],
  purpose: ['ward-participation', 'x'],
  events: [[], Array.from({ length: 501 }, () => ({}))],
  disabled: [true, false, 'yes', null],
  adultPopulation: [0, -1, 1_000_000, 1_000_001, 1.5, null], households: [0, -1, 1_000_000, 1_000_001, 1.5, null],
  courses: [[], ['cyber-safety', 'cyber-safety'], Array(100).fill('cyber-safety'), ['x']],
};

const DEEP_MARK = '\u0001deep\u0001';

/** Applies field replacements to a copy of a valid body and serializes it. */
export function mutatedBody(valid: unknown, picks: Array<{ pick: number; with: Replacement }>): string {
  const body = structuredClone(valid);
  const deep: string[] = [];
  for (const { pick, with: r } of picks) {
    const all = slots(body);
    if (!all.length) break;
    const [parent, key] = all[pick % all.length];
    // Copies: the recipe is applied again for the second request and must stay as generated.
    const set = (v: unknown) => ((parent as Record<string | number, unknown>)[key] = structuredClone(v));
    if (r.t === 'json') set(r.v);
    else if (r.t === 'near') {
      const near = typeof key === 'string' ? NEAR[key] : undefined;
      set(near ? near[r.n % near.length] : UNICODE_EDGES[r.n % UNICODE_EDGES.length]);
    }
    else if (r.t === 'text') set(r.v);
    else if (r.t === 'huge') set(r.ch.repeat(Math.ceil(r.len / r.ch.length)));
    else if (r.t === 'deep') {
      deep.push(r.open === '[' ? `${'['.repeat(r.depth)}${']'.repeat(r.depth)}` : `${'{"a":'.repeat(r.depth)}1${'}'.repeat(r.depth)}`);
      set(`${DEEP_MARK}${deep.length - 1}`);
    } else if (r.t === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, unknown>)[key];
    } else {
      const target = (parent as Record<string | number, unknown>)[key];
      if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, r.key, { value: structuredClone(r.v), enumerable: true, configurable: true, writable: true });
      else set(r.v);
    }
  }
  let text = JSON.stringify(body) ?? 'null';
  deep.forEach((nested, i) => (text = text.replace(JSON.stringify(`${DEEP_MARK}${i}`), nested)));
  return text;
}

/** A few characters of a recipe, for failure reports. */
export function describeRecipe(r: Recipe): string {
  return JSON.stringify(r, (_k, v) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v)).slice(0, 300);
}
