import { t } from '../i18n/index.ts';
import { HttpError } from '../net/api.ts';

/** A message a person can act on, from any failed admin call. */
export function problemText(err: unknown): string {
  if (err instanceof HttpError) return t('wardAdmin.error', { message: err.message });
  return t('wardAdmin.offline');
}
