// How an audit entry reads: who, on what, with which details, in words. The
// server sends ids and, beside them, the names it knows now (entry.names);
// codes with a label of their own (roles, outcomes, lock scopes…) are
// translated here. An id without a name (deleted since) is shown as it is.
import type { AuditEntry } from '../../../shared/audit.ts';
import { language, t } from '../i18n/index.ts';
import '../guide/strings.ts'; // outcome names

export const when = (iso: string) =>
  new Date(iso).toLocaleString(language() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });

/** Translated name of a key under audit.<group>, or the raw value when the app does not know it (a newer server). */
export const label = (group: string, value: string) => t(`audit.${group}.${value}`, { defaultValue: value });

const sessionText = (s: NonNullable<AuditEntry['names']>['session']) => (s ? t('audit.session', { title: s.title, time: when(s.startsAt), code: s.code }) : undefined);

/** A detail's value in words, when it is a code or an id with a name. */
function valueText(entry: AuditEntry, key: string, value: string): string {
  const names = entry.names ?? {};
  switch (key) {
    case 'role':
      return label('roles', value);
    case 'reason':
      return label('reasons', value);
    case 'scope':
      return label('scopes', value);
    case 'outcome':
      return t(`guide.outcome.names.${value}`, { defaultValue: value });
    case 'sessionId':
      return sessionText(names.session) ?? value;
    case 'groupId':
      return names.group ?? value;
    case 'courseId':
      return names.course?.[language()] ?? value;
    case 'status':
    case 'platform':
    case 'action':
      // The registers' codes, read by the register the action belongs to (difficulty.handled → difficulty).
      return t(`audit.registerValues.${entry.action.split('.')[0]}.${key}.${value}`, { defaultValue: value });
    default:
      return value;
  }
}

/** "role: admin" read as "vai trò: quản trị"; a true flag is shown by its name alone. */
export function details(entry: AuditEntry): string {
  const { occurredAt: _shownApart, ...rest } = entry.details;
  // The target line already names the session.
  if (entry.target?.type === 'session') delete rest.sessionId;
  return Object.entries(rest)
    .filter(([, v]) => v !== null && v !== '' && v !== false)
    .map(([k, v]) => (v === true ? label('detailKeys', k) : `${label('detailKeys', k)}: ${valueText(entry, k, String(v))}`))
    .join(' · ');
}

/** What the entry acted on: a session by title, time and code, a group by name, else its type and id. */
export function targetText(entry: AuditEntry): string | undefined {
  const target = entry.target;
  if (!target) return undefined;
  const named = target.type === 'session' ? sessionText(entry.names?.session) : target.type === 'group' ? entry.names?.group : undefined;
  return t('audit.target', { type: label('targets', target.type), id: named ?? target.id ?? '' });
}

/** The server console has no person behind it, and a failed login may name no account: say so instead of a made-up username. */
export const actorText = (actor: AuditEntry['actor']) =>
  actor.role === 'operator'
    ? t('audit.byConsole')
    : actor.role === 'none'
      ? t('audit.byUnknown')
      : t('audit.by', { username: actor.username, role: label('roles', actor.role) });
