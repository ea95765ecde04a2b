// What a scanned (or pasted) QR text means on each screen. QR codes made by
// the app are links: <origin>/join/<code>, <origin>/household/<id>#<label>,
// <origin>/recover#<code>. The origin is not checked — the same code works
// whichever address of the ward server the guide's phone used — only the
// path shape is. Plain codes typed or pasted are accepted too.
import { UUID_PATTERN } from '../../../shared/events/patterns.ts';
import { SESSION_CODE_PATTERN } from '../../../shared/guide/constants.ts';

const UUID = UUID_PATTERN;

function asUrl(text: string): URL | null {
  try {
    return new URL(text.trim());
  } catch {
    return null;
  }
}

/** Session code from a join link or a typed code, upper-cased, without spaces; null if it is neither. */
export function sessionCodeFrom(text: string): string | null {
  const url = asUrl(text);
  const raw = url ? (url.pathname.match(/^\/join\/([^/]+)\/?$/)?.[1] ?? '') : text;
  const code = decodeURIComponent(raw).toUpperCase().replace(/[\s-]/g, '');
  return SESSION_CODE_PATTERN.test(code) ? code : null;
}

export interface HouseholdTarget {
  householdId: string;
  /** The ward's label of the household, carried after "#" so it shows offline. */
  label: string;
}

export function householdFrom(text: string): HouseholdTarget | null {
  const url = asUrl(text);
  const id = (url ? (url.pathname.match(/^\/household\/([^/]+)\/?$/)?.[1] ?? '') : text.trim()).toLowerCase();
  if (!UUID.test(id)) return null;
  let label = '';
  try {
    label = url ? decodeURIComponent(url.hash.slice(1)).slice(0, 80) : '';
  } catch {
    label = '';
  }
  return { householdId: id, label };
}

/** The link a household QR carries. */
export const householdLink = (origin: string, h: HouseholdTarget) => `${origin}/household/${h.householdId}#${encodeURIComponent(h.label)}`;

/** Recovery code from a /recover#<code> link, or the text itself when it is not a link (the server judges the code); null for other links. */
export function recoveryCodeFrom(text: string): string | null {
  const url = asUrl(text);
  if (!url) return text.trim() || null;
  if (url.pathname.replace(/\/$/, '') !== '/recover') return null;
  try {
    return decodeURIComponent(url.hash.slice(1)).trim() || null;
  } catch {
    return null;
  }
}
