// Staff session of the ward page. Staff authenticate with a cookie session
// held by the server; nothing about staff is stored on the phone. Loaded only
// with the ward page.
import { createSignal } from 'solid-js';
import type { StaffUser } from '../../../shared/api.ts';
import { accountApi } from '../account/account-api.ts';
import { errorMessage, type ErrorKeys } from '../net/error-message.ts';
import { HttpError } from '../net/http.ts';

/** What the ward page says when a call fails (an i18n key; too many tries reads as a server problem). */
const WARD_ERRORS: ErrorKeys = {
  offline: 'ward.problem.offline',
  failed: 'ward.problem.server',
  byCode: { too_many_requests: 'ward.problem.locked', login_busy: 'ward.problem.busy' },
  byStatus: { 401: 'ward.problem.badLogin', 403: 'ward.problem.forbidden' },
  other: 'offline',
};
const problemOf = (err: unknown) => errorMessage(err, WARD_ERRORS).key;

export function createWardStore(api: Pick<typeof accountApi, 'login' | 'logout' | 'me'> = accountApi) {
  const [user, setUser] = createSignal<StaffUser | null>(null);
  const [isChecking, setChecking] = createSignal(true);
  const [isBusy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);

  async function guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setProblem(null);
    try {
      return await work();
    } catch (err) {
      setProblem(problemOf(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return {
    user,
    isChecking,
    isBusy,
    problem,
    /** Is there already a session? A 401 here just means "show the login form". */
    async checkSession() {
      try {
        setUser((await api.me()).user);
      } catch (err) {
        if (!(err instanceof HttpError && err.status === 401)) setProblem(problemOf(err));
      } finally {
        setChecking(false);
      }
    },
    login: (username: string, password: string) =>
      guard(async () => {
        await api.login(username, password);
        setUser((await api.me()).user);
      }),
    logout: () =>
      guard(async () => {
        await api.logout();
        setUser(null);
      }),
  };
}

export type WardStore = ReturnType<typeof createWardStore>;
