// Which locality this phone talks to. In a city deployment a locality's app
// lives at /l/<slug>/ (its API at /l/<slug>/api/v1/…): the poster's link or QR
// code carries the slug, the phone remembers it, and a later open of "/" (the
// home-screen icon, offline too) goes back there. A single ward has no prefix
// and nothing remembered: every address stays exactly as it was.
// The address is the one truth while a page runs: the base is read from it at
// each call, so nothing here has to be set up before other modules load.

const LOCALITY_PATH = /^\/l\/([a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?)(?=\/|$)/;
/** The locality this phone last opened (localStorage: read before the first render). */
export const REMEMBERED_KEY = 'hvs-locality';
/** Localities left with records still waiting to be sent there (a move while offline). */
export const WAITING_KEY = 'hvs-locality-waiting';

/**
 * Staff screens of the home app (the city's own, or a single ward's): a phone
 * that once opened a locality's link is not sent away from these. Every other
 * address is a resident's and follows the remembered locality.
 */
const HOME_STAFF = /^\/(ward|admin|guide|unit|registers|account|display|city)(\/|$)/;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const storage = (): Store | undefined => globalThis.localStorage;
const here = (): string => globalThis.location?.pathname ?? '/';

/** The locality named by an address, or null (a single ward, or the city's own screens). */
export function localityOfPath(pathname: string): string | null {
  return LOCALITY_PATH.exec(pathname)?.[1] ?? null;
}

/** '/l/<slug>' for a locality, '' otherwise: what the router and every API address start with. */
export function baseOf(slug: string | null): string {
  return slug ? `/l/${slug}` : '';
}

/** The base of the page as it runs now. */
export function localityBase(): string {
  return baseOf(localityOfPath(here()));
}

/** The locality the page runs in now, or null. */
export function currentLocality(): string | null {
  return localityOfPath(here());
}

/**
 * The name of something the phone keeps for one locality: its databases (its
 * learners' identities, progress and the records waiting to go there, so a
 * record is only ever sent to the locality it was made in) and the ward's
 * details it keeps (groups, news). A single ward's keep their old names, so
 * nothing on an existing phone moves.
 */
export function perLocality(name: string, slug: string | null = currentLocality()): string {
  return slug ? `${name}@${slug}` : name;
}

/** An API address ('/api/…') under the given base; any other address (content, assets) is the same build everywhere. */
export function apiUrl(path: string, base: string = localityBase()): string {
  return base && path.startsWith('/api/') ? base + path : path;
}

/** The address inside the app, without the locality's prefix (what routes and screens match). */
export function appPathOf(pathname: string): string {
  const slug = localityOfPath(pathname);
  return slug ? pathname.slice(baseOf(slug).length) || '/' : pathname;
}

export function rememberedLocality(store: Store | undefined = storage()): string | null {
  try {
    const slug = store?.getItem(REMEMBERED_KEY) ?? null;
    return slug && localityOfPath(`/l/${slug}`) === slug ? slug : null;
  } catch {
    return null;
  }
}

export function rememberLocality(slug: string, store: Store | undefined = storage()): void {
  try {
    store?.setItem(REMEMBERED_KEY, slug);
  } catch {
    /* private mode: the link still works, it is just not remembered */
  }
}

/**
 * Before anything reads the address: a locality's address is remembered; an
 * address without one, on a phone that remembers one, is the same screen in
 * that locality. Returns the address to show instead, or null to stay.
 */
export function settleLocality(pathname: string, store: Store | undefined = storage()): string | null {
  const slug = localityOfPath(pathname);
  if (slug) {
    if (rememberedLocality(store) !== slug) rememberLocality(slug, store);
    return null;
  }
  const remembered = rememberedLocality(store);
  if (!remembered || HOME_STAFF.test(pathname)) return null;
  return baseOf(remembered) + (pathname === '/' ? '/' : pathname);
}

/** Localities whose phone database still holds records to send there. */
export function waitingLocalities(store: Store | undefined = storage()): string[] {
  try {
    const list: unknown = JSON.parse(store?.getItem(WAITING_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string' && localityOfPath(`/l/${s}`) === s) : [];
  } catch {
    return [];
  }
}

export function setWaitingLocalities(slugs: readonly string[], store: Store | undefined = storage()): void {
  try {
    if (slugs.length) store?.setItem(WAITING_KEY, JSON.stringify([...new Set(slugs)]));
    else store?.removeItem(WAITING_KEY);
  } catch {
    /* nothing to keep */
  }
}
