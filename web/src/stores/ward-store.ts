// Staff session of the ward page. Staff authenticate with a cookie session
// held by the server; nothing about staff is stored on the phone. Loaded only
// with the ward page.
import { createSignal } from 'solid-js';
import type { StaffUser } from '../../../shared/api.ts';
import { getApiClient, HttpError, type ApiClient } from '../net/api.ts';

export type WardProblem = 'badLogin' | 'forbidden' | 'offline' | 'server' | null;

function problemOf(err: unknown): WardProblem {
  if (err instanceof HttpError) {
    if (err.status === 401) return 'badLogin';
    if (err.status === 403) return 'forbidden';
    if (err.status === 429) return 'server';
    return 'server';
  }
  return 'offline';
}

export function createWardStore(api: Pick<ApiClient, 'login' | 'logout' | 'me'> = getApiClient()) {
  const [user, setUser] = createSignal<StaffUser | null>(null);
  const [isChecking, setChecking] = createSignal(true);
  const [isBusy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<WardProblem>(null);

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
