// The first screen of an office page the Culture-Social Office and admins
// share (/ward/activities, /ward/audio): loading, "log in" with the way to
// /ward, "not allowed" for other roles, or the page itself.
import { createResource, Show, type JSX } from 'solid-js';
import type { StaffUser } from '../../../shared/api.ts';
import { t } from '../i18n/index.ts';
import { HttpError } from '../net/http.ts';
import { accountApi } from './account-api.ts';

/** The logged-in staff user, or null when nobody is (a 401). */
async function whoIsIn(): Promise<StaffUser | null> {
  try {
    return (await accountApi.me()).user;
  } catch (err) {
    if (err instanceof HttpError && err.status === 401) return null;
    throw err;
  }
}

/** `strings` names the page's namespace: its `loading`, `needLogin`, `toWard` and `notAllowed` keys. */
export function StaffGate(props: { roles: ReadonlyArray<StaffUser['role']>; strings: string; children: JSX.Element }) {
  const [user] = createResource(whoIsIn);
  const say = (key: string) => t(`${props.strings}.${key}`);
  return (
    <Show when={!user.loading} fallback={<p role="status">{say('loading')}</p>}>
      <Show
        when={user()}
        fallback={
          <p>
            {say('needLogin')} <a href="/ward">{say('toWard')}</a>
          </p>
        }
      >
        {(u) => (
          <Show when={props.roles.includes(u().role)} fallback={<p class="notice">{say('notAllowed')}</p>}>
            {props.children}
          </Show>
        )}
      </Show>
    </Show>
  );
}
