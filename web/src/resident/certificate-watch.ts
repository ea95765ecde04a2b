// Confirms certificates in the background: whenever a sync run ends with
// nothing left to send, the certificates earned on the phone (a course, or
// "Công dân số" once the five basic skills are done) are recorded and the
// waiting ones are asked of the server — without the resident having to open
// the certificates page. The certificate code is loaded only at that moment,
// so it never weighs on the first screen.
import { createEffect, on } from 'solid-js';
import type { AppStores } from '../app/app-stores.tsx';

export function watchCertificates({ content, progress, sync }: AppStores, isOnline = () => navigator.onLine) {
  let running = false;
  let again = false;
  const canClaim = () => sync.state() === 'idle' && sync.pendingLessons() === 0 && isOnline();

  async function settle() {
    if (running) return void (again = true);
    running = true;
    try {
      do {
        again = false;
        const { settleCertificates } = await import('./resident-store.ts');
        await settleCertificates(content.courses(), progress.rows(), canClaim());
      } while (again);
    } catch {
      // Offline or the server said no: the next sync run tries again.
    } finally {
      running = false;
    }
  }

  // A run that just finished, with the catalog and the learner's progress in
  // memory; the completed-lesson count re-arms it after each new completion.
  createEffect(
    on(
      () => [sync.state(), sync.pendingLessons(), Boolean(content.index()), progress.isReady(), progress.rows().filter((r) => r.status === 'completed').length] as const,
      ([state, pending, hasIndex, isReady, done], prev) => {
        if (!hasIndex || !isReady || done === 0 || state !== 'idle' || pending !== 0) return;
        if (prev && prev[0] === 'idle' && prev[1] === 0 && prev[2] && prev[3] && prev[4] === done) return;
        void settle();
      },
    ),
  );
}
