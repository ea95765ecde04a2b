// Certificates are confirmed in the background after a sync run, without the
// certificates page being opened: the phone records what it earned and asks
// the server only once nothing is left to send.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import type { ContentIndexCourse } from '../../../shared/content/schema.ts';
import { BASIC_SKILLS } from '../../../shared/skills.ts';
import type { ProgressRow } from './db/index.ts';
import type { AppStores } from '../app/app-stores.tsx';
import { watchCertificates } from './certificate-watch.ts';
import { loadRepos } from '../app/load-repos.ts';

const course = (id: string, skill: string, lessons: string[]) => ({ id, skill, lessons: lessons.map((l) => ({ id: l })) }) as unknown as ContentIndexCourse;
const COURSES = BASIC_SKILLS.map((skill, i) => course(`c${i}`, skill, i === 0 ? ['a', 'b'] : ['a']));
const row = (courseId: string, lessonId: string): ProgressRow => ({ learnerId: 'x', courseId, lessonId, status: 'completed', score: 100, completedAt: '2025-06-01T02:00:00Z', startedAt: '2025-06-01T01:00:00Z' });

function fakeServer() {
  const claims: string[] = [];
  let n = 0;
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    if (url.endsWith('/learners')) return Response.json({ id: body.id }, { status: 201 });
    if (url.endsWith('/certificates')) {
      claims.push(body.courseId);
      return Response.json({ code: `CODE${++n}`.padEnd(10, '0'), courseId: body.courseId, issuedAt: '2025-06-01T03:00:00.000Z' }, { status: 201 });
    }
    return Response.json({ error: { code: 'not_found', message: url } }, { status: 404 });
  });
  return claims;
}

function setup() {
  const [state, setState] = createSignal<'idle' | 'syncing' | 'offline' | 'error'>('syncing');
  const [pending, setPending] = createSignal(1);
  const [rows, setRows] = createSignal<ProgressRow[]>([]);
  const stores = {
    content: { index: () => ({ courses: COURSES }), courses: () => COURSES },
    progress: { isReady: () => true, rows },
    sync: { state, pendingLessons: pending },
  } as unknown as AppStores;
  const dispose = createRoot((d) => (watchCertificates(stores, () => true), d));
  return { setState, setPending, setRows, dispose };
}

const codes = async () => {
  const repos = await loadRepos();
  const me = await repos.identity.getIdentity();
  return Object.fromEntries((await repos.certificates.list(me.learnerId)).map((c) => [c.courseId, c.code]));
};

afterEach(() => vi.unstubAllGlobals());

describe('background certificate confirmation', () => {
  it('waits for the sync run to end, then asks for each earned certificate once — "Công dân số" included', async () => {
    const claims = fakeServer();
    const w = setup();
    // A finished course while its completion is still being sent: nothing is asked yet.
    w.setRows([row('c1', 'a')]);
    await new Promise((r) => setTimeout(r, 50));
    expect(claims).toEqual([]);

    w.setState('idle');
    w.setPending(0);
    await vi.waitFor(async () => expect((await codes()).c1).toMatch(/^CODE/), { timeout: 10_000 });
    expect(claims).toEqual(['c1']);

    // Every basic-skill course done (c0 has two lessons): the rest and "Công dân số" follow the next run.
    w.setState('syncing');
    w.setPending(3);
    w.setRows(COURSES.flatMap((c) => c.lessons.map((l) => row(c.id, l.id))));
    w.setPending(0);
    w.setState('idle');
    await vi.waitFor(async () => expect((await codes())['digital-citizen']).toMatch(/^CODE/), { timeout: 10_000 });
    expect([...claims].sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'digital-citizen']);

    // Later runs with nothing new ask for nothing.
    w.setState('syncing');
    w.setState('idle');
    await new Promise((r) => setTimeout(r, 100));
    expect(claims).toHaveLength(6);
    w.dispose();
  });
});
