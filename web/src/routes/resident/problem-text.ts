import { t } from '../../i18n/index.ts';
import type { Problem } from '../../stores/resident-store.ts';

/** A failure in words a resident can act on. */
export function problemText(p: Problem, byCode: Record<string, string> = {}): string {
  if (p.kind === 'offline') return t('resident.offline');
  if (p.kind === 'http' && byCode[p.code]) return t(byCode[p.code]);
  return t('resident.failed', { message: p.message });
}
