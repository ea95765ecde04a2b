// @vitest-environment happy-dom
// A plan the server refused, in the editor's words: each problem names the
// part of the plan as the editor shows it (the content item's number, the
// form's sub-form row, the duty's row), never the server's zod path, in
// Vietnamese and English, and the server's code stays at the end.
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanInput } from '../../../shared/plans/schema.ts';
import type { PlanIssue } from '../../../shared/plans/refusal.ts';
import { setLanguage } from '../i18n/index.ts';
import { HttpError, NetworkError } from '../net/http.ts';
import { planRefusalText } from './plan-refusal.ts';
import './strings.ts';

afterEach(() => setLanguage('vi'));

const input = {
  contentItems: [
    { code: '1.1', title: 'a', points: [] },
    { code: '1.3', title: '', points: ['a', 'b'] },
  ],
  forms: [{ code: '2.3', title: 'Trực quan', subForms: [{ id: 'Pa nô', title: 'Pa nô' }] }],
} as unknown as PlanInput;
const refused = (issues: PlanIssue[], status = 400, code = 'invalid_request') => new HttpError(status, code, 'contentItems.1.title: Too small', undefined, { code, message: 'x', issues });

describe('a refused plan in the editor', () => {
  it('names each part the way the editor does, with the limit, and keeps the code', () => {
    const text = planRefusalText(
      refused([
        { path: ['contentItems', 1, 'title'], problem: 'required' },
        { path: ['contentItems', 1, 'points', 1], problem: 'tooLong', limit: 600 },
        { path: ['forms', 0, 'subForms', 0, 'id'], problem: 'format' },
        { path: ['title'], problem: 'tooLong', limit: 500 },
        { path: ['duties', 2, 'contentItems', 0], problem: 'noItem', value: '9.9' },
      ]),
      input,
    );
    expect(text).toBe(
      'Chưa lưu: Nội dung 1.3: tiêu đề không được để trống; Nội dung 1.3, ý thứ 2: dài quá 600 ký tự; ' +
        'Hình thức 2.3, hình thức cụ thể dòng 1: mã chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: bang-ron); ' +
        'Tên kế hoạch: dài quá 500 ký tự; Nhiệm vụ của các đơn vị, dòng 3: kế hoạch không có nội dung số 9.9. (mã lỗi của máy chủ: invalid_request)',
    );
    expect(text).not.toMatch(/contentItems|Too small/);
  });

  it('says it in English too, and counts what it does not list', async () => {
    await setLanguage('en');
    const many = Array.from({ length: 7 }, (_, i): PlanIssue => ({ path: ['tasks', i, 'atLeast'], problem: 'wholeNumber' }));
    expect(planRefusalText(refused(many), input)).toBe(
      'Not saved: Tasks and deadlines, row 1: minimum must be a whole number; Tasks and deadlines, row 2: minimum must be a whole number; ' +
        'Tasks and deadlines, row 3: minimum must be a whole number; Tasks and deadlines, row 4: minimum must be a whole number; ' +
        "Tasks and deadlines, row 5: minimum must be a whole number; and 2 more problems. (server's error code: invalid_request)",
    );
    expect(planRefusalText(refused([{ path: ['duties', 0, 'unitId'], problem: 'noUnit', value: 'doan-tn' }], 422, 'unknown_unit'), input)).toBe(
      "Not saved: Units' duties, row 1: the ward has no unit doan-tn; add it under Units first. (server's error code: unknown_unit)",
    );
  });

  it('says refusals that are not about one part in words, by code or status, and offline as offline', () => {
    expect(planRefusalText(new HttpError(404, 'not_found', 'No such plan'), input)).toBe('Chưa lưu: kế hoạch này không còn trên máy chủ; hãy tải lại trang. (mã lỗi của máy chủ: not_found)');
    expect(planRefusalText(new HttpError(403, 'csrf_refused', 'Cross-site'), input)).toBe('Chưa lưu: chỉ quản trị viên được sửa kế hoạch. (mã lỗi của máy chủ: csrf_refused)');
    expect(planRefusalText(new HttpError(400, 'invalid_json', 'The request body is not valid JSON'), input)).toBe(
      'Chưa lưu: máy chủ không nhận kế hoạch (The request body is not valid JSON). (mã lỗi của máy chủ: invalid_json)',
    );
    expect(planRefusalText(new NetworkError('down'), input)).toBe('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  });
});
