// A valid request for every API route (path parameters, query, JSON body or
// file) and what its success looks like, for the rights and fuzz tests. Who may
// use each route is the rights table in route-inventory.ts.
import { z } from 'zod';
import { healthSchema, meResponseSchema, myProgressSchema, registerLearnerResponseSchema, statsSummarySchema, syncResponseSchema, wardProfileSchema } from '../../shared/api.ts';
import { createStaffResponseSchema, followUpSchema, guideMeSchema, householdListSchema, publicSessionSchema, sessionSummarySchema, staffAccountSchema, teamReportSchema } from '../../shared/guide/api.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { certificateListSchema, certificateSchema, myDataSchema, recoveryCodeResponseSchema, redeemRecoverySchema, redeemRecoveryResponseSchema } from '../../shared/resident/api.ts';
import { dashboardSchema, sectionSchemas } from '../../shared/stats/schemas.ts';
import { adminWardSchema } from '../../shared/ward-admin.ts';
import { auditPageSchema } from '../../shared/audit.ts';
import { resetPasswordResponseSchema } from '../../shared/accounts.ts';
import { planImportResponseSchema, planListSchema, planSchema, unitListSchema, unitSchema } from '../../shared/plans/schema.ts';
import { activityListSchema, trackerSchema, unitMeSchema } from '../../shared/units/api.ts';
import { narrativeSchema } from '../../shared/stats/narrative.ts';
import { selfCheckSummarySchema } from '../../shared/stats/self-check.ts';
import { displayFeedSchema, displayHoursSchema, displayListSchema, displaySchema, screensHoursSchema } from '../../shared/displays/schema.ts';
import { newsItemSchema, newsListSchema, storyListSchema, storySchema } from '../../shared/news/schema.ts';
import { MAX_STORED_FILE_BYTES, storedFileSchema } from '../../shared/files.ts';
import { jpegWithComment, PLAIN_PDF, sha256 } from './crafted-images.ts';
import { webmAudio } from './crafted-audio.ts';
import { courseAudioSchema, MAX_AUDIO_BYTES, recordingListSchema, recordingSchema, storedAudioSchema } from '../../shared/lesson-audio/schema.ts';
import { budgetListSchema, budgetSchema, difficultyListSchema, difficultySchema, misinfoListSchema, misinfoSchema } from '../../shared/registers/schema.ts';
import { planReportAnswerSchema } from '../../shared/plans/report.ts';
import { indicatorReportSchema, indicatorTargetsAnswerSchema } from '../../shared/indicators/api.ts';
import { anomaliesSchema, reviewResultSchema } from '../../shared/integrity/api.ts';
import { latestSpotCheckSchema, spotCheckSchema } from '../../shared/integrity/spot-check.ts';
import { completion, DEVICE_ID } from '../integration/helpers.ts';
import { GUIDE_DEVICE } from '../integration/guide-support.ts';
import { BULLETIN_BODY, ROLES, type Fork, type Role, type World } from './fuzz-world.ts';
import { bulletinListSchema, bulletinSchema } from '../../shared/outreach/bulletin-schedule.ts';
import { outreachLoggedSchema } from '../../shared/outreach/outreach-log.ts';
import type { Expect } from './route-inventory.ts';
import { trackerScope, type Scope } from './route-scopes.ts';

const DISPLAY_BODY = { name: 'Màn hình cổng UBND phường', slides: [{ kind: 'slogan', seconds: 10, text: 'Cả phường cùng học kỹ năng số' }, { kind: 'qr', seconds: 10 }] };

const STORY_JPEG = jpegWithComment('anh tin');
const SCREENSHOT_JPEG = jpegWithComment('anh chup man hinh');

export type Success = z.ZodType | 'csv' | 'xlsx' | 'docx' | 'file' | 'audio' | 'empty';
export interface RouteSpec {
  key: string;
  method: string;
  /** Hono's pattern, e.g. /api/v1/guide/sessions/:id */
  pattern: string;
  rights: Record<Role, Expect>;
  /** The route answers without reading its body (a body is sent only for the CSRF guard). */
  ignoresBody?: boolean;
  /** Valid values of the path parameters. */
  params?: (w: World) => Record<string, string>;
  /** A file sent as it is (application/octet-stream) instead of a JSON body. */
  raw?: () => Uint8Array<ArrayBuffer>;
  /** The route's own body limit, when not MAX_BODY_BYTES. */
  maxBody?: number;
  /** A valid JSON body for this role (may first prepare the world, e.g. make a recovery code). */
  body?: (w: World, role: Role, f: Fork) => unknown;
  ok: Success;
  /** What an allowed role's answer may hold, for an answer that depends on who asks (route-scopes.ts). */
  scope?: Scope;
}

const importSchema = z.object({ dryRun: z.boolean(), groups: z.array(z.object({ id: z.string(), action: z.string() })), ward: adminWardSchema });
const sessionList = z.object({ sessions: z.array(sessionSummarySchema) });
const posterSchema = z.object({ publicOrigin: z.string().nullable(), wardName: z.string() });

const guideEvent = (w: World, role: Role) => {
  const me = role === 'otherGuide' ? w.otherGuide : w.guide;
  const groupId = role === 'otherGuide' ? 'tdp-2' : 'tdp-1';
  return { id: uuidv7(), type: 'household.created', recordedBy: me.id, deviceId: GUIDE_DEVICE, occurredAt: '2025-06-20T10:00:00+07:00', householdId: uuidv7(), groupId, label: 'Số 3 ngõ 1' };
};

/** The shipped sample plan (migration 0007), which the world's unit officers record against. */
export const SAMPLE_PLAN = 'sample-nq57';
const planBody = () => ({
  numberSymbol: '15/KH-UBND',
  issuedOn: '2025-03-10',
  issuingBody: 'Ủy ban nhân dân phường',
  title: 'Kế hoạch tuyên truyền chuyển đổi số năm 2025',
  contentItems: [{ code: '1.1', title: 'Chủ trương, chính sách' }],
  forms: [{ code: '2.1', title: 'Trên các nền tảng số', subForms: [{ id: 'portal-article', title: 'Tin, bài trên cổng' }] }],
  duties: [{ unitId: 'vh-xh', role: 'lead', contentItems: ['1.1'], forms: ['2.1'], text: 'Chủ trì' }],
});
/** A story a unit officer, a reviewer or an admin may save (names nobody private). */
const storyBody = () => ({ kind: 'support-policy', title: 'Hỗ trợ hộ kinh doanh mở tài khoản thanh toán', summary: '', body: 'Liên hệ **bộ phận một cửa** của phường.', namesPrivate: false });
const REPORT_TEXT = { strengths: 'Các đơn vị đã phối hợp tốt.', shortcomings: '', directions: '', proposals: '', recipients: '- Lưu: VT, VHXH.', signer: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH' };
const planYaml = 'numberSymbol: "16/KH-UBND"\nissuingBody: "UBND phường"\ntitle: "Kế hoạch"\ncontentItems:\n  - { code: "1.1", title: "Nội dung" }\nforms:\n  - { code: "2.1", title: "Hình thức" }\n';
/** An activity of the role's own unit (TTSNC for the unit officer, KT-HT-ĐT for the other). */
const unitActivity = (w: World, role: Role) => {
  const me = role === 'otherUnit' ? w.otherUnit : w.unit;
  const unitId = role === 'otherUnit' ? 'kt-ht-dt' : 'ttsnc';
  return {
    id: uuidv7(),
    type: 'activity.recorded',
    recordedBy: me.id,
    deviceId: GUIDE_DEVICE,
    occurredAt: '2025-06-20T10:00:00+07:00',
    unitId,
    planId: SAMPLE_PLAN,
    activityId: uuidv7(),
    startsOn: '2025-06-20',
    formCode: '2.4',
    subFormId: 'radio-news',
    contentItems: ['1.2'],
    title: 'Tin về Nghị quyết 57 trên loa phường',
    reach: { minutesAired: 5 },
  };
};

const misinfoBody = () => ({
  planId: SAMPLE_PLAN,
  itemCode: '1.2',
  platform: 'tiktok',
  link: 'https://video.example/@kenh/video/1',
  seenOn: '2025-06-20',
  description: 'Video nói ứng dụng giả là của phường',
  assessment: 'Gây hiểu lầm',
  action: 'corrected',
  correctionLink: 'https://phuong.example/tin/dinh-chinh',
  actionOn: '2025-06-20',
  status: 'closed',
  closedOn: '2025-06-20',
});

async function freshRecoveryCode(w: World, f: Fork): Promise<string> {
  const res = await f.request('/api/v1/recovery-codes', { method: 'POST', headers: w.learner.auth });
  if (res.status !== 201) throw new Error(`recovery code: ${res.status}`);
  return ((await res.json()) as { code: string }).code;
}

async function restoreScreen(w: World, f: Fork): Promise<undefined> {
  const res = await f.request('/api/v1/displays/cong-phuong', { method: 'PUT', headers: { ...w.admin.headers, 'content-type': 'application/json' }, body: JSON.stringify(DISPLAY_BODY) });
  if (res.status !== 200) throw new Error(`LED screen: ${res.status}`);
  return undefined;
}

const csvFile = Buffer.from('Mã tổ,Tên tổ dân phố,Số hộ\ntdp-1,Tổ dân phố 1,120\n').toString('base64');

export const REQUESTS: Record<string, Omit<RouteSpec, 'key' | 'method' | 'pattern' | 'rights'>> = {
  'GET /api/v1/health': { ok: healthSchema },
  'GET /api/openapi.json': { ok: z.object({ openapi: z.literal('3.1.0'), paths: z.record(z.string(), z.unknown()) }) },
  'POST /api/v1/learners': { body: () => ({ id: uuidv7(), secret: newSecret() }), ok: registerLearnerResponseSchema },
  'POST /api/v1/sync': { body: (w, role) => ({ deviceId: DEVICE_ID, events: [completion(w.own[role] ?? w.learner.id)] }), ok: syncResponseSchema },
  'GET /api/v1/me/progress': { ok: myProgressSchema },
  'GET /api/v1/me': { ok: myDataSchema },
  'DELETE /api/v1/me': { ok: 'empty' },
  'GET /api/v1/certificates': { ok: certificateListSchema },
  'POST /api/v1/certificates': { body: () => ({ courseId: 'cyber-safety' }), ok: certificateSchema },
  'POST /api/v1/recovery-codes': { ok: recoveryCodeResponseSchema },
  'POST /api/v1/recovery': {
    body: async (w, _role, f) => redeemRecoverySchema.parse({ code: await freshRecoveryCode(w, f), secret: newSecret() }),
    ok: redeemRecoveryResponseSchema,
  },
  'POST /api/v1/auth/login': { body: (w) => ({ username: w.reviewer.username, password: w.reviewer.password }), ok: meResponseSchema },
  'POST /api/v1/auth/logout': { body: () => ({}), ignoresBody: true, ok: 'empty' },
  'GET /api/v1/auth/me': { ok: meResponseSchema },
  'POST /api/v1/auth/password': {
    body: (w, role) => ({ currentPassword: role === 'anonymous' || role.endsWith('earner') ? 'x' : w[role as 'guide'].password, newPassword: 'Ngõ 92 Trần Hưng Đạo, tầng 3!' }),
    ok: meResponseSchema,
  },
  'GET /api/v1/stats/summary': { ok: statsSummarySchema },
  'GET /api/v1/stats/dashboard': { ok: dashboardSchema },
  'GET /api/v1/stats/headline': { ok: sectionSchemas.headline },
  'GET /api/v1/stats/coverage': { ok: sectionSchemas.coverage },
  'GET /api/v1/stats/ranking': { ok: sectionSchemas.ranking },
  'GET /api/v1/stats/courses': { ok: sectionSchemas.courses },
  'GET /api/v1/stats/demographics': { ok: sectionSchemas.demographics },
  'GET /api/v1/stats/trend': { ok: sectionSchemas.trend },
  'GET /api/v1/stats/freshness': { ok: sectionSchemas.freshness },
  'GET /api/v1/stats/self-check': { ok: selfCheckSummarySchema },
  'GET /api/v1/stats/report': { ok: dashboardSchema },
  'GET /api/v1/stats/report/narrative': { ok: narrativeSchema },
  'PUT /api/v1/stats/report/narrative': {
    body: () => ({ from: '2026-11-01', to: '2026-11-30', situation: 'Phường tổ chức 12 buổi hướng dẫn.', results: '', shortcomings: '', proposals: '' }),
    ok: narrativeSchema,
  },
  'GET /api/v1/stats/report.docx': { ok: 'docx' },
  'GET /api/v1/integrity/anomalies': { ok: anomaliesSchema },
  'GET /api/v1/integrity/spot-checks/latest': { ok: latestSpotCheckSchema },
  'POST /api/v1/integrity/spot-checks': { body: () => ({ from: '2025-05-01', to: '2025-06-20', size: 5 }), ok: spotCheckSchema },
  'PUT /api/v1/integrity/spot-checks/:id/items/:itemNo': { params: (w) => ({ id: String(w.spotCheckId), itemNo: '1' }), body: () => ({ result: 'confirmed' }), ok: spotCheckSchema },
  'PUT /api/v1/stats/official-kinds': { body: () => ({ kinds: ['verified', 'outcomes'] }), ok: z.object({ kinds: z.array(z.string()) }) },
  'POST /api/v1/integrity/learners/:learnerId/review': { params: (w) => ({ learnerId: w.learner.id }), body: () => ({ decision: 'accepted' }), ok: reviewResultSchema },
  'GET /api/v1/stats/export.csv': { ok: 'csv' },
  'GET /api/v1/stats/export.xlsx': { ok: 'xlsx' },
  'GET /api/v1/ward': { ok: wardProfileSchema },
  'GET /api/v1/ward/admin': { ok: adminWardSchema },
  'GET /api/v1/ward/admin/poster': { ok: posterSchema },
  'PUT /api/v1/ward': { body: () => ({ name: 'Phường Hòa Bình', channels: [{ kind: 'hotline', label: 'Đường dây nóng' }] }), ok: adminWardSchema },
  'POST /api/v1/ward/import': { body: () => ({ fileName: 'to-dan-pho.csv', contentBase64: csvFile, dryRun: true }), ok: importSchema },
  'PUT /api/v1/ward/groups/:id': { params: () => ({ id: 'tdp-9' }), body: () => ({ name: 'Tổ dân phố 9', adultPopulation: 300, households: 90 }), ok: adminWardSchema },
  'DELETE /api/v1/ward/groups/:id': { params: (w) => ({ id: w.spareGroup }), ok: adminWardSchema },
  'GET /api/v1/guide/me': { ok: guideMeSchema },
  'POST /api/v1/guide/sync': { body: (w, role) => ({ deviceId: GUIDE_DEVICE, events: [guideEvent(w, role)] }), ok: syncResponseSchema },
  'GET /api/v1/guide/sessions': { ok: sessionList },
  'GET /api/v1/guide/sessions/:id': { params: (w) => ({ id: w.session.id }), ok: sessionSummarySchema },
  'GET /api/v1/guide/groups/:groupId/follow-up': { params: () => ({ groupId: 'tdp-1' }), ok: followUpSchema },
  'GET /api/v1/guide/groups/:groupId/households': { params: () => ({ groupId: 'tdp-1' }), ok: householdListSchema },
  'GET /api/v1/guide/report': { ok: teamReportSchema },
  'GET /api/v1/guide/report.csv': { ok: 'csv' },
  'GET /api/v1/sessions/:code': { params: (w) => ({ code: w.session.code }), ok: publicSessionSchema },
  'GET /api/v1/staff': { ok: z.object({ accounts: z.array(staffAccountSchema) }) },
  'POST /api/v1/staff': { body: () => ({ username: `can-bo-${uuidv7().slice(-6)}`, displayName: 'Trần Văn Mới', role: 'reviewer' }), ok: createStaffResponseSchema },
  'GET /api/v1/staff/audit': { ok: auditPageSchema },
  'POST /api/v1/staff/:username/password': { params: (w) => ({ username: w.otherGuide.username }), ok: resetPasswordResponseSchema },
  'PUT /api/v1/staff/:username/disabled': { params: (w) => ({ username: w.otherGuide.username }), body: () => ({ disabled: true }), ok: staffAccountSchema },
  'PUT /api/v1/staff/:username/groups': { params: (w) => ({ username: w.otherGuide.username }), body: () => ({ groups: ['tdp-2'] }), ok: staffAccountSchema },
  'GET /api/v1/plans': { ok: planListSchema },
  'POST /api/v1/plans': { body: () => planBody(), ok: planSchema },
  'POST /api/v1/plans/import': { body: () => ({ fileName: 'ke-hoach.yaml', text: planYaml, dryRun: true }), ok: planImportResponseSchema },
  'GET /api/v1/plans/:id': { params: () => ({ id: SAMPLE_PLAN }), ok: planSchema },
  'PUT /api/v1/plans/:id': { params: () => ({ id: SAMPLE_PLAN }), body: () => planBody(), ok: planSchema },
  'GET /api/v1/plans/:id/tracker': { params: () => ({ id: SAMPLE_PLAN }), ok: trackerSchema, scope: trackerScope },
  'GET /api/v1/plans/:id/report': { params: () => ({ id: SAMPLE_PLAN }), ok: planReportAnswerSchema },
  'PUT /api/v1/plans/:id/report/text': { params: () => ({ id: SAMPLE_PLAN }), body: () => ({ period: '2025-06', ...REPORT_TEXT }), ok: planReportAnswerSchema },
  // Each role issues the report of a year of its own, so the second allowed role's request is not a 409.
  'POST /api/v1/plans/:id/report/issue': { params: () => ({ id: SAMPLE_PLAN }), body: (_w, role) => ({ period: String(2030 + ROLES.indexOf(role)), number: '12/BC-UBND', issuedOn: '2026-01-05' }), ok: planReportAnswerSchema },
  'GET /api/v1/plans/:id/report.docx': { params: () => ({ id: SAMPLE_PLAN }), ok: 'docx' },
  'GET /api/v1/plans/:id/report/annex.xlsx': { params: () => ({ id: SAMPLE_PLAN }), ok: 'xlsx' },
  'GET /api/v1/plans/:id/indicators': { params: () => ({ id: SAMPLE_PLAN }), ok: indicatorReportSchema },
  'PUT /api/v1/plans/:id/indicators/targets': {
    params: () => ({ id: SAMPLE_PLAN }),
    body: () => ({ basicSkillsRule: 'five-skills', ward: { 'platform-confirmed': { unit: 'percent', value: 50 }, sessions: { unit: 'count', value: 24 } }, groups: { 'tdp-1': { 'basic-skills': { unit: 'percent', value: 80 } } } }),
    ok: indicatorTargetsAnswerSchema,
  },
  'GET /api/v1/units': { ok: unitListSchema },
  'POST /api/v1/units': { body: () => ({ name: 'Đoàn Thanh niên phường', shortName: `DTN-${uuidv7().slice(-4)}` }), ok: unitSchema },
  'GET /api/v1/units/me': { ok: unitMeSchema },
  'POST /api/v1/units/sync': { body: (w, role) => ({ deviceId: GUIDE_DEVICE, events: [unitActivity(w, role)] }), ok: syncResponseSchema },
  'PUT /api/v1/units/:id': { params: () => ({ id: 'ttsnc' }), body: () => ({ name: 'Trung tâm sự nghiệp công phường', shortName: 'TTSNC' }), ok: unitSchema },
  'GET /api/v1/units/:id/activities': { params: () => ({ id: 'ttsnc' }), ok: activityListSchema },
  'GET /api/v1/displays': { ok: displayListSchema },
  'PUT /api/v1/displays/:id': { params: () => ({ id: 'nha-van-hoa' }), body: () => DISPLAY_BODY, ok: displaySchema },
  // The screen is put back first, so each role meets one to remove (a refusal is never "already gone").
  'DELETE /api/v1/displays/:id': { params: () => ({ id: 'cong-phuong' }), body: (w, _role, f) => restoreScreen(w, f), ignoresBody: true, ok: z.object({ ok: z.literal(true) }) },
  'GET /api/v1/displays/:id/feed': { params: () => ({ id: 'cong-phuong' }), ok: displayFeedSchema },
  'GET /api/v1/displays/:id/hours': { params: () => ({ id: 'cong-phuong' }), ok: displayHoursSchema },
  'GET /api/v1/displays/hours': { ok: screensHoursSchema },
  'GET /api/v1/stories': { ok: storyListSchema },
  'POST /api/v1/stories': { body: () => storyBody(), ok: storySchema },
  'GET /api/v1/stories/:id': { params: (w) => ({ id: w.stories.draft }), ok: storySchema },
  'PUT /api/v1/stories/:id': { params: (w) => ({ id: w.stories.draft }), body: () => storyBody(), ok: storySchema },
  'POST /api/v1/stories/:id/submit': { params: (w) => ({ id: w.stories.draft }), body: () => ({}), ignoresBody: true, ok: storySchema },
  'POST /api/v1/stories/:id/approve': { params: (w) => ({ id: w.stories.submitted }), body: () => ({}), ignoresBody: true, ok: storySchema },
  'POST /api/v1/stories/:id/publish': { params: (w) => ({ id: w.stories.approved }), body: () => ({}), ignoresBody: true, ok: storySchema },
  'POST /api/v1/stories/:id/unpublish': { params: (w) => ({ id: w.stories.published }), body: () => ({}), ignoresBody: true, ok: storySchema },
  'GET /api/v1/news': { ok: newsListSchema },
  'GET /api/v1/news/:id': { params: (w) => ({ id: w.stories.published }), ok: newsItemSchema },
  'GET /api/v1/news/photos/:sha256': { params: (w) => ({ sha256: w.storyPhotos.published }), ok: 'file' },
  'PUT /api/v1/story-photos/:sha256': { params: () => ({ sha256: sha256(STORY_JPEG) }), raw: () => new Uint8Array(STORY_JPEG), maxBody: MAX_STORED_FILE_BYTES, ok: storedFileSchema },
  'GET /api/v1/story-photos/:sha256': { params: (w) => ({ sha256: w.storyPhotos.draft }), ok: 'file' },
  'PUT /api/v1/unit-files/:sha256': { params: () => ({ sha256: sha256(PLAIN_PDF) }), raw: () => new Uint8Array(PLAIN_PDF), maxBody: MAX_STORED_FILE_BYTES, ok: storedFileSchema },
  'GET /api/v1/unit-files/:sha256': { params: (w) => ({ sha256: w.evidence }), ok: 'file' },
  'GET /api/v1/bulletins': { ok: bulletinListSchema },
  'POST /api/v1/bulletins': { body: () => ({ ...BULLETIN_BODY, unitId: 'ttsnc' }), ok: bulletinSchema },
  'PUT /api/v1/bulletins/:id': { params: (w) => ({ id: w.bulletin }), body: () => ({ ...BULLETIN_BODY, unitId: 'ttsnc' }), ok: bulletinSchema },
  'POST /api/v1/bulletins/:id/aired': { params: (w) => ({ id: w.bulletin }), body: () => ({ day: '2025-05-05' }), ok: bulletinSchema },
  'POST /api/v1/outreach-log': { body: () => ({ channel: 'poster', source: 'poster:app', title: 'Cả phường cùng học kỹ năng số', link: 'https://hocvuso.example.vn/', startsOn: '2025-05-05', copies: 40 }), ok: outreachLoggedSchema },
  'PUT /api/v1/lesson-audio/files/:sha256': { params: () => ({ sha256: sha256(webmAudio(11)) }), raw: () => webmAudio(11), maxBody: MAX_AUDIO_BYTES, ok: storedAudioSchema },
  'GET /api/v1/lesson-audio/files/:sha256': { params: (w) => ({ sha256: w.lessonAudio.sha256 }), ok: 'audio' },
  'GET /api/v1/lesson-audio/courses/:courseId': { params: () => ({ courseId: 'cyber-safety' }), ok: courseAudioSchema },
  'GET /api/v1/lesson-audio/recordings': { ok: recordingListSchema },
  'GET /api/v1/lesson-audio/recordings/:id/audio': { params: (w) => ({ id: w.lessonAudio.id }), ok: 'audio' },
  'POST /api/v1/lesson-audio/recordings/:id/approve': { params: (w) => ({ id: w.lessonAudio.id }), body: () => ({}), ignoresBody: true, ok: recordingSchema },
  'POST /api/v1/lesson-audio/recordings/:id/reject': { params: (w) => ({ id: w.lessonAudio.id }), body: () => ({}), ignoresBody: true, ok: recordingSchema },
  'GET /api/v1/registers/difficulties': { ok: difficultyListSchema },
  'POST /api/v1/registers/difficulties': { body: () => ({ planId: SAMPLE_PLAN, itemCode: '1.1', summary: 'Chưa có kinh phí in pa nô', details: 'Tổ 3 đề nghị hỗ trợ.', raisedOn: '2025-06-20' }), ok: difficultySchema },
  'GET /api/v1/registers/difficulties/:id': { params: (w) => ({ id: w.registers.difficulty }), ok: difficultySchema },
  'PUT /api/v1/registers/difficulties/:id': {
    params: (w) => ({ id: w.registers.difficulty }),
    body: () => ({ planId: SAMPLE_PLAN, itemCode: '1.2', summary: 'Thiếu hai loa ở tổ 5', raisedOn: '2025-06-18' }),
    ok: difficultySchema,
  },
  'PUT /api/v1/registers/difficulties/:id/handling': {
    params: (w) => ({ id: w.registers.difficulty }),
    body: () => ({ status: 'proposed', handling: 'Đề xuất UBND phường bố trí loa.', handledOn: '2025-06-20' }),
    ok: difficultySchema,
  },
  'GET /api/v1/registers/misinformation': { ok: misinfoListSchema },
  'POST /api/v1/registers/misinformation': { body: () => misinfoBody(), ok: misinfoSchema },
  'GET /api/v1/registers/misinformation/:id': { params: (w) => ({ id: w.registers.misinformation }), ok: misinfoSchema },
  'PUT /api/v1/registers/misinformation/:id': { params: (w) => ({ id: w.registers.misinformation }), body: () => misinfoBody(), ok: misinfoSchema },
  'PUT /api/v1/registers/screenshots/:sha256': { params: () => ({ sha256: sha256(SCREENSHOT_JPEG) }), raw: () => new Uint8Array(SCREENSHOT_JPEG), maxBody: MAX_STORED_FILE_BYTES, ok: storedFileSchema },
  'GET /api/v1/registers/screenshots/:sha256': { params: (w) => ({ sha256: w.registers.screenshot }), ok: 'file' },
  'GET /api/v1/registers/budget': { ok: budgetListSchema },
  'POST /api/v1/registers/budget': { body: () => ({ planId: SAMPLE_PLAN, title: 'Pa nô tuyên truyền', proposedOn: '2025-06-20', lines: [{ description: 'Pa nô 2 x 4 m', quantity: 2, proposedAmount: 3_000_000 }] }), ok: budgetSchema },
  'GET /api/v1/registers/budget/:id': { params: (w) => ({ id: w.registers.budget }), ok: budgetSchema },
  'PUT /api/v1/registers/budget/:id/decision': { params: (w) => ({ id: w.registers.budget }), body: () => ({ status: 'approved', approvedAmounts: [500_000], decidedOn: '2025-06-20' }), ok: budgetSchema },
};

/** Checks a 2xx answer against the route's success shape; returns a problem or null. */
export async function successProblem(spec: RouteSpec, res: Response): Promise<string | null> {
  const type = res.headers.get('content-type') ?? '';
  if (spec.ok === 'empty') return res.status === 204 ? null : `expected 204, got ${res.status}`;
  if (spec.ok === 'csv') return /^text\/csv/.test(type) && (await res.text()).length > 0 ? null : `expected a CSV file, got ${type}`;
  if (spec.ok === 'xlsx') {
    const bytes = new Uint8Array(await res.arrayBuffer());
    return type.includes('spreadsheetml') && bytes[0] === 0x50 && bytes[1] === 0x4b ? null : `expected an XLSX file, got ${type}`;
  }
  if (spec.ok === 'docx') {
    const bytes = new Uint8Array(await res.arrayBuffer());
    return type.includes('wordprocessingml') && bytes[0] === 0x50 && bytes[1] === 0x4b ? null : `expected a Word file, got ${type}`;
  }
  if (spec.ok === 'file') {
    const bytes = new Uint8Array(await res.arrayBuffer());
    return /^(image\/(jpeg|png|webp)|application\/pdf)$/.test(type) && bytes.length > 0 && res.headers.get('x-content-type-options') === 'nosniff' ? null : `expected a stored file, got ${type}`;
  }
  if (spec.ok === 'audio') {
    const bytes = new Uint8Array(await res.arrayBuffer());
    return /^audio\/(webm|ogg|mp4)$/.test(type) && bytes.length > 0 && res.headers.get('x-content-type-options') === 'nosniff' ? null : `expected a recording, got ${type}`;
  }
  if (!/^application\/json/.test(type)) return `expected JSON, got ${type}`;
  const parsed = spec.ok.safeParse(await res.json());
  return parsed.success ? null : `answer does not match the success schema: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
}
