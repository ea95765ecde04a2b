// What a certificate certifies, end to end (server/resident/certificate-basis.ts):
// a course whose every lesson the resident did during a guided session they
// checked in to is "confirmed in person by <team> of <ward> on <date>", in the
// phone's answer and on /verify alike; a lesson finished at home after the
// session (still credited to it for the figures) or on the phone alone keeps
// the certificate "self-study on a phone".
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { CATALOG, completeCourse, syncEvents } from './resident-support.ts';
import { createGuide, guideSyncResults, joined, sessionCreated } from './guide-support.ts';

let t: TestApp;
beforeEach(async () => {
  t = setupTestApp({ catalog: CATALOG, now: Date.parse('2025-06-03T03:00:00Z') });
  const lan = await createGuide(t, 'lan', ['tdp-1']);
  // 08:30–10:30 on 1 June at the cultural house; the resident checks in at 09:05 and learns at 09:30.
  const session = sessionCreated(lan, { code: 'HJKM3467', courses: ['public-services'] });
  expect((await guideSyncResults(t, lan, [session]))[0].status).toBe('accepted');
}, 30_000);
afterEach(() => t.close());

async function certificateOf(events: (id: string) => unknown[]) {
  const learner = await registerLearner(t);
  const results = await syncEvents(t, learner.auth, events(learner.id));
  expect(results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
  const res = await t.postJson('/api/v1/certificates', { courseId: 'public-services' }, learner.auth);
  expect(res.status).toBe(201);
  const cert = (await res.json()) as { code: string; basis: unknown };
  const listed = (await (await t.request('/api/v1/certificates', { headers: learner.auth })).json()) as { certificates: Array<{ basis: unknown }> };
  expect(listed.certificates[0].basis).toEqual(cert.basis);
  const page = await (await t.request(`/verify/${cert.code}`)).text();
  return { basis: cert.basis, certifies: /<dd data-basis="([^"]+)">([\s\S]*?)<\/dd>/.exec(page)! };
}

describe('what a certificate certifies', () => {
  it('every lesson done in a guided session: confirmed in person by the guide\'s team of the ward on the day, on the phone and on /verify', async () => {
    const { basis, certifies } = await certificateOf((id) => [joined(id, 'HJKM3467'), ...completeCourse(id, 'public-services')]);
    expect(basis).toEqual({ kind: 'in-person', team: 'cns', date: '2025-06-01' });
    expect(certifies[1]).toBe('in-person');
    expect(certifies[2]).toContain('Học trực tiếp, được Tổ CNSCĐ Phường Kiến An (mẫu) xác nhận ngày 01/06/2025');
    expect(certifies[2]).toContain('Confirmed in person by the community digital team of Phường Kiến An (mẫu) on 01/06/2025');
    // The phone's certificate (page and shared picture) says the same words from its strings, in both languages.
    for (const lang of ['vi', 'en']) {
      const words = JSON.parse(readFileSync(new URL(`../../web/src/i18n/${lang}/lazy/resident.json`, import.meta.url), 'utf8')).certificate;
      const phone = (words.basis['in-person'] as string).replace('{{team}}', words.team.cns).replace('{{ward}}', 'Phường Kiến An (mẫu)').replace('{{date}}', '01/06/2025');
      expect(certifies[2]).toContain(phone);
    }
  });

  it('one lesson finished at home after the session: self-study, though the figures credit it to the session', async () => {
    const { basis, certifies } = await certificateOf((id) => {
      const lessons = completeCourse(id, 'public-services');
      lessons[lessons.length - 1] = { ...lessons[lessons.length - 1], occurredAt: '2025-06-02T20:00:00+07:00' };
      return [joined(id, 'HJKM3467'), ...lessons];
    });
    expect(basis).toEqual({ kind: 'self-study', team: null, date: null });
    expect(certifies[1]).toBe('self-study');
    expect(certifies[2]).toContain('Tự học trên điện thoại, hoàn thành ngày 03/06/2025');
  });

  it('learning on a phone alone: self-study', async () => {
    const { basis, certifies } = await certificateOf((id) => completeCourse(id, 'public-services'));
    expect(basis).toEqual({ kind: 'self-study', team: null, date: null });
    expect(certifies[1]).toBe('self-study');
  });
});
