// The resident's lesson progress as the UI sees it. Reads and writes go
// through the progress repo; memory changes only after the write committed.
import { createRoot, createSignal } from 'solid-js';
import type { Completion, LessonRef, ProgressRow, Repos } from '../resident/db/index.ts';
import { loadRepos as defaultLoadRepos } from '../app/load-repos.ts';

export type LessonStatus = 'none' | 'started' | 'completed';

export interface ProgressStoreDeps {
  loadRepos?: () => Promise<Pick<Repos, 'identity' | 'progress'>>;
  /** Called after every committed change (the sync store listens). */
  onChange?: (kind: 'started' | 'completed') => void;
}

const key = (courseId: string, lessonId: string) => `${courseId}/${lessonId}`;

export function createProgressStore(deps: ProgressStoreDeps = {}) {
  const loadRepos = deps.loadRepos ?? defaultLoadRepos;
  const [rows, setRows] = createRoot(() => createSignal<ReadonlyMap<string, ProgressRow>>(new Map()));
  const [isReady, setReady] = createRoot(() => createSignal(false));

  const put = (row: ProgressRow) => setRows((m) => new Map(m).set(key(row.courseId, row.lessonId), row));

  const ready = (async () => {
    const repos = await loadRepos();
    const me = await repos.identity.getIdentity();
    const list = await repos.progress.listProgress(me.learnerId);
    setRows(new Map(list.map((r) => [key(r.courseId, r.lessonId), r])));
    setReady(true);
    return { repos, me };
  })();
  ready.catch(() => undefined); // surfaced by the calls that await it

  return {
    isReady,
    /** Every progress row of the active learner (home plan, certificates). */
    rows: () => [...rows().values()],
    status: (courseId: string, lessonId: string): LessonStatus => rows().get(key(courseId, lessonId))?.status ?? 'none',
    score: (courseId: string, lessonId: string) => rows().get(key(courseId, lessonId))?.score ?? null,
    doneCount: (courseId: string) => {
      let n = 0;
      for (const r of rows().values()) if (r.courseId === courseId && r.status === 'completed') n++;
      return n;
    },
    /** First opening of a lesson records `lesson.started`; later ones do nothing. */
    async startLesson(lesson: LessonRef) {
      const { repos, me } = await ready;
      if (rows().has(key(lesson.courseId, lesson.lessonId))) return;
      put(await repos.progress.recordStarted(me, lesson));
      deps.onChange?.('started');
    },
    async completeLesson(completion: Completion) {
      const { repos, me } = await ready;
      put(await repos.progress.recordCompleted(me, completion));
      deps.onChange?.('completed');
    },
  };
}

export type ProgressStore = ReturnType<typeof createProgressStore>;
