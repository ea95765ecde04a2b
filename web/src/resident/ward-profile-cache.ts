// The public ward profile (name, residential groups, channels) as the resident
// screens need it offline: the last copy fetched from GET /api/v1/ward is kept
// in localStorage, so the profile form can offer groups, a certificate can
// name its ward and the channels screen lists the ward's channels with no signal. Nothing personal is stored here.
import type { WardProfile } from '../../../shared/api.ts';
import { perLocality } from '../net/api-base.ts';

const KEY = 'hvs.wardProfile';

/** The copy kept from the last successful fetch, if any. */
export function cachedWardProfile(): WardProfile | null {
  try {
    const raw = localStorage.getItem(perLocality(KEY));
    const parsed = raw ? (JSON.parse(raw) as WardProfile) : null;
    return parsed && typeof parsed.name === 'string' && Array.isArray(parsed.groups) ? parsed : null;
  } catch {
    return null;
  }
}

/** Fetches the profile and keeps it; throws when there is no answer (the kept copy is left as it was). */
export async function fetchWardProfile(fetchProfile: () => Promise<WardProfile>): Promise<WardProfile> {
  const profile = await fetchProfile();
  try {
    localStorage.setItem(perLocality(KEY), JSON.stringify(profile));
  } catch {
    // Storage full or blocked: the fetched copy still serves this screen.
  }
  return profile;
}

/** Fetches the profile and keeps it; offline (or on any failure) answers the kept copy. */
export async function loadWardProfile(fetchProfile: () => Promise<WardProfile>): Promise<WardProfile | null> {
  try {
    return await fetchWardProfile(fetchProfile);
  } catch {
    return cachedWardProfile();
  }
}
