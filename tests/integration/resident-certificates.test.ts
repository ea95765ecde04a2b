import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { CATALOG, completeCourse, consentGiven, consentWithdrawn, profileUpdated, syncEvents } from './resident-support.ts';

let t: TestApp;
let learner: Awaited<ReturnType<typeof registerLearner>>;
beforeEach(async () => {
  t = setupTestApp({ catalog: CATALOG });
  learner = await registerLearner(t);
});
afterEach(() => t.close());

const claim = (courseId: string, auth = learner.auth) => t.postJson('/api/v1/certificates', { courseId }, auth);

describe('certificate issuance', () => {
  it('is refused while one lesson of the course has not reached the server', async () => {
    await syncEvents(t, learner.auth, completeCourse(learner.id, 'public-services', ['portal']));
    const res = await claim('public-services');
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('not_earned');
    expect(await t.count('certificates')).toBe(0);
  });

  it('is issued once all lessons are in, and asking again returns the same certificate', async () => {
    await syncEvents(t, learner.auth, completeCourse(learner.id, 'public-services'));
    const first = await claim('public-services');
    expect(first.status).toBe(201);
    const cert = await first.json();
    expect(cert).toMatchObject({ courseId: 'public-services', issuedAt: new Date(t.clock.now).toISOString() });
    expect(cert.code).toMatch(/^[0-9A-Z]{10}$/);

    const again = await claim('public-services');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(cert);
    expect(await t.count('certificates')).toBe(1);

    const list = await (await t.request('/api/v1/certificates', { headers: learner.auth })).json();
    expect(list.certificates).toEqual([cert]);
  });

  it('counts only this learner’s completions', async () => {
    const other = await registerLearner(t);
    await syncEvents(t, other.auth, completeCourse(other.id, 'public-services'));
    expect((await claim('public-services')).status).toBe(422);
  });

  it('refuses an unknown course and a malformed request', async () => {
    expect((await claim('no-such-course')).status).toBe(404);
    expect((await t.postJson('/api/v1/certificates', { courseId: 'x', extra: 1 }, learner.auth)).status).toBe(400);
    expect((await t.postJson('/api/v1/certificates', { courseId: 'public-services' })).status).toBe(401);
  });

  it('issues "Công dân số" only when every course of the five basic skills is complete', async () => {
    for (const id of ['public-services', 'online-shopping', 'digital-payments', 'cyber-safety']) {
      await syncEvents(t, learner.auth, completeCourse(learner.id, id));
    }
    expect((await claim('digital-citizen')).status).toBe(422);
    await syncEvents(t, learner.auth, completeCourse(learner.id, 'local-platforms'));
    expect((await claim('digital-citizen')).status).toBe(201);
  });
});

describe('public verification page', () => {
  async function issue() {
    await syncEvents(t, learner.auth, completeCourse(learner.id, 'public-services'));
    return (await (await claim('public-services')).json()).code as string;
  }

  it('shows course, what it certifies, date, ward and "name not shared" without consent, and nothing else', async () => {
    const code = await issue();
    const res = await t.request(`/verify/${code.slice(0, 5)}-${code.slice(5).toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('Chứng nhận hợp lệ');
    expect(html).toContain('Khóa public-services');
    // The skill, named as the certificate names it (minor 21 of the walk-through).
    expect(html).toContain('<dd data-testid="skill">Dịch vụ công trực tuyến<br><span class="en">Online public services</span></dd>');
    expect(html).toContain('01/06/2025');
    expect(html).toContain('Phường Kiến An');
    expect(html).toContain('Tự học trên điện thoại, hoàn thành ngày 01/06/2025');
    expect(html).toContain('Không chia sẻ tên');
    expect(html).not.toContain(learner.id);
    expect(html).not.toMatch(/<script/i);
  });

  it('shows the chosen name but never birth year, gender, group or unit', async () => {
    await syncEvents(t, learner.auth, [consentGiven(learner.id), profileUpdated(learner.id, { displayName: 'Cô <b>Lan</b>', unit: 'UBND phường' })]);
    const code = await issue();
    const html = await (await t.request(`/verify/${code}`)).text();
    expect(html).toContain('Cô &#60;b&#62;Lan&#60;/b&#62; <span class="en">(tên tự khai');
    for (const hidden of ['1958', 'female', 'tdp-3', 'Tổ dân phố 3', 'UBND phường']) expect(html).not.toContain(hidden);
  });

  it('a name set on the phone without consent never reaches the page: it says "not shared", as the certificate does', async () => {
    // The profile event without consent is refused or kept off the server; either way the page has no name to show.
    await syncEvents(t, learner.auth, [profileUpdated(learner.id, { displayName: 'Bà Tư' })]);
    const code = await issue();
    const html = await (await t.request(`/verify/${code}`)).text();
    expect(html).toContain('Không chia sẻ tên');
    expect(html).not.toContain('Bà Tư');
  });

  it('withdrawing consent takes the name off the page', async () => {
    await syncEvents(t, learner.auth, [consentGiven(learner.id), profileUpdated(learner.id, { displayName: 'Bà Tư' })]);
    const code = await issue();
    expect(await (await t.request(`/verify/${code}`)).text()).toContain('Bà Tư');
    await syncEvents(t, learner.auth, [consentWithdrawn(learner.id)]);
    const html = await (await t.request(`/verify/${code}`)).text();
    expect(html).toContain('Không chia sẻ tên');
    expect(html).not.toContain('Bà Tư');
  });

  it('answers an unknown, forged or mistyped code with a 404 page', async () => {
    const code = await issue();
    const forged = code.slice(0, 9) + (code[9] === 'A' ? 'B' : 'A');
    for (const bad of [forged, '0000000000', 'not-a-code', '%E0%A4%A']) {
      const res = await t.request(`/verify/${bad}`);
      expect(res.status, bad).toBe(404);
      expect(await res.text()).toContain('Không tìm thấy chứng nhận');
    }
  });
});

describe('course catalog', () => {
  it('is read from the built content index, and a missing or unreadable one issues nothing', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { loadCatalog } = await import('../../server/resident/catalog.ts');
    const dir = mkdtempSync(join(tmpdir(), 'hvs-catalog-'));
    mkdirSync(join(dir, 'content'));
    expect(loadCatalog(dir).courses).toEqual([]);
    writeFileSync(join(dir, 'content', 'index.json'), '{not json');
    expect(loadCatalog(dir).courses).toEqual([]);
    const index = { version: 'x', courses: [{ id: 'c', skill: 'cyber-safety', order: 1, title: { vi: 'Khóa C', en: 'Course C' }, lessons: [{ id: 'l1' }, { id: 'l2' }] }] };
    writeFileSync(join(dir, 'content', 'index.json'), JSON.stringify(index));
    const catalog = loadCatalog(dir);
    expect(catalog.courses).toEqual([{ id: 'c', skill: 'cyber-safety', lessons: [{ id: 'l1' }, { id: 'l2' }] }]);
    expect(catalog.title('c')).toEqual({ vi: 'Khóa C', en: 'Course C' });
  });
});
