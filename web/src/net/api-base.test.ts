// Which locality the phone talks to: read from the address it was opened at,
// remembered for a later open of "/" (the home-screen icon), and nothing at
// all for a single ward, whose addresses stay exactly as they were.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  apiUrl,
  appPathOf,
  currentLocality,
  localityBase,
  localityOfPath,
  perLocality,
  rememberedLocality,
  REMEMBERED_KEY,
  settleLocality,
  setWaitingLocalities,
  waitingLocalities,
} from './api-base.ts';
import { createRequest } from './http.ts';

function memory(entries: Record<string, string> = {}) {
  const m = new Map(Object.entries(entries));
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    map: m,
  };
}

const at = (pathname: string) => vi.stubGlobal('location', { pathname });
afterEach(() => vi.unstubAllGlobals());

describe('the locality of an address', () => {
  it('is the slug after /l/, and none for a single ward or a malformed slug', () => {
    expect(localityOfPath('/l/phuong-a/')).toBe('phuong-a');
    expect(localityOfPath('/l/phuong-a')).toBe('phuong-a');
    expect(localityOfPath('/l/phuong-a/courses/x/lessons/y')).toBe('phuong-a');
    for (const p of ['/', '/courses/x', '/l/', '/l/Phuong-A/', '/l/-a/', '/lessons/x', '/l/phuong-a-extra!/']) expect(localityOfPath(p), p).toBeNull();
  });

  it("puts API calls under the page's locality, and leaves a single ward's and the shared build's addresses alone", () => {
    at('/l/phuong-a/courses/x');
    expect([currentLocality(), localityBase()]).toEqual(['phuong-a', '/l/phuong-a']);
    expect(apiUrl('/api/v1/sync')).toBe('/l/phuong-a/api/v1/sync');
    expect(apiUrl('/content/index.json')).toBe('/content/index.json');
    expect(apiUrl('/api/v1/sync', '/l/phuong-b')).toBe('/l/phuong-b/api/v1/sync');
    expect(apiUrl('/api/v1/city/localities', '')).toBe('/api/v1/city/localities');
    expect(appPathOf('/l/phuong-a/courses/x')).toBe('/courses/x');
    expect(appPathOf('/l/phuong-a')).toBe('/');
    at('/courses/x');
    expect([currentLocality(), localityBase(), apiUrl('/api/v1/sync'), appPathOf('/courses/x')]).toEqual([null, '', '/api/v1/sync', '/courses/x']);
  });

  it("sends every request of the app's one client to the locality it runs in", async () => {
    const seen: string[] = [];
    const request = createRequest(async (url) => (seen.push(url), new Response('{}')));
    at('/l/phuong-a/');
    await request('/api/v1/ward');
    at('/');
    await request('/api/v1/ward');
    await createRequest(async (url) => (seen.push(url), new Response('{}')), '/l/phuong-b')('/api/v1/sync');
    expect(seen).toEqual(['/l/phuong-a/api/v1/ward', '/api/v1/ward', '/l/phuong-b/api/v1/sync']);
  });

  it("names the phone's databases and kept details per locality, a single ward's as before", () => {
    expect(perLocality('hoc-vu-so', 'phuong-a')).toBe('hoc-vu-so@phuong-a');
    expect(perLocality('hoc-vu-so', null)).toBe('hoc-vu-so');
    at('/l/phuong-b/');
    expect(perLocality('hvs.wardProfile')).toBe('hvs.wardProfile@phuong-b');
    at('/');
    expect(perLocality('hvs.wardProfile')).toBe('hvs.wardProfile');
  });
});

describe('remembering the locality', () => {
  it("remembers a locality's link, and sends a later open of '/' there, the screen and query kept", () => {
    const store = memory();
    expect(settleLocality('/l/phuong-a/courses/x', store)).toBeNull();
    expect(store.map.get(REMEMBERED_KEY)).toBe('phuong-a');
    expect(settleLocality('/', store)).toBe('/l/phuong-a/');
    expect(settleLocality('/courses/x/lessons/y', store)).toBe('/l/phuong-a/courses/x/lessons/y');
    // A newer link wins: the resident scanned another locality's poster.
    expect(settleLocality('/l/phuong-b/', store)).toBeNull();
    expect(settleLocality('/', store)).toBe('/l/phuong-b/');
  });

  it('changes nothing for a single ward: no prefix, nothing remembered', () => {
    const store = memory();
    for (const p of ['/', '/courses/x', '/ward', '/me']) expect(settleLocality(p, store), p).toBeNull();
    expect(store.map.size).toBe(0);
  });

  it("leaves the city's own staff screens where they are", () => {
    const store = memory({ [REMEMBERED_KEY]: 'phuong-a' });
    for (const p of ['/ward', '/ward/tracker', '/admin/ward', '/guide', '/unit', '/account/password']) expect(settleLocality(p, store), p).toBeNull();
    expect(settleLocality('/wardrobe', store)).toBe('/l/phuong-a/wardrobe');
  });

  it('ignores a remembered value that is not a slug, and storage that throws', () => {
    expect(rememberedLocality(memory({ [REMEMBERED_KEY]: '../evil' }))).toBeNull();
    expect(settleLocality('/', memory({ [REMEMBERED_KEY]: '../evil' }))).toBeNull();
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => undefined };
    expect(settleLocality('/', broken)).toBeNull();
    expect(settleLocality('/l/phuong-a/', broken)).toBeNull();
  });

  it('keeps the localities left with records to send, each once, and forgets them when none is left', () => {
    const store = memory();
    expect(waitingLocalities(store)).toEqual([]);
    setWaitingLocalities(['phuong-a', 'phuong-a', 'xa-b'], store);
    expect(waitingLocalities(store)).toEqual(['phuong-a', 'xa-b']);
    setWaitingLocalities([], store);
    expect(store.map.size).toBe(0);
    expect(waitingLocalities(memory({ 'hvs-locality-waiting': '["ok-1", "Bad!", 3]' }))).toEqual(['ok-1']);
  });
});
