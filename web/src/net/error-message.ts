// From a failed call to the words a person can act on, by one rule for every
// screen: the server's error code if the screen has words for it, else its
// status, else "failed" with the server's message; no answer at all is
// "offline". Each screen names its own i18n keys (its namespace stays in its
// own chunk, so staff words never reach a resident's phone); the rule is here.
import { t } from '../i18n/index.ts';
import { HttpError, NetworkError } from './http.ts';

export interface ErrorKeys {
  /** No answer from the server (NetworkError), or the phone says it is offline. */
  offline: string;
  /** Any other failure; the key may use {{message}}. */
  failed: string;
  /** By the server's error code (`too_many_requests`, `recovery_code_used`…); checked first. */
  byCode?: Readonly<Record<string, string>>;
  /** By HTTP status (401 log in again, 403 not allowed, 429 busy…). */
  byStatus?: Readonly<Record<number, string>>;
  /** An error that is neither an answer nor a lost connection (local storage, a bug): 'failed' unless said. */
  other?: 'failed' | 'offline';
}

export interface ErrorMessage {
  key: string;
  params: { message: string };
}

const own = (table: Readonly<Record<string | number, string>> | undefined, key: string | number) =>
  table && Object.hasOwn(table, key) ? table[key] : undefined;

const browserOffline = () => typeof navigator !== 'undefined' && !navigator.onLine;

/** The i18n key (and its {{message}}) for a failed call. */
export function errorMessage(err: unknown, keys: ErrorKeys, isOffline: () => boolean = browserOffline): ErrorMessage {
  const params = { message: err instanceof Error ? err.message : String(err) };
  if (err instanceof HttpError) return { key: own(keys.byCode, err.code) ?? own(keys.byStatus, err.status) ?? keys.failed, params };
  if (err instanceof NetworkError || isOffline()) return { key: keys.offline, params };
  return { key: keys[keys.other ?? 'failed'], params };
}

/** errorMessage, translated; `params` adds what the screen's words need ({{name}}…). */
export function errorText(err: unknown, keys: ErrorKeys, params: Record<string, string> = {}): string {
  const m = errorMessage(err, keys);
  return t(m.key, { ...m.params, ...params });
}
