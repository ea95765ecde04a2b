// One browser's cookies, as far as the staff tests need them: kept by name and
// path from Set-Cookie answers (a later cookie of the same name and path
// replaces the earlier, an expired one is dropped), sent to every request
// whose path lies under the cookie's.
export interface JarCookie {
  name: string;
  value: string;
  path: string;
}

export function cookieJar() {
  const cookies = new Map<string, JarCookie>();
  const keyOf = (c: Pick<JarCookie, 'name' | 'path'>) => `${c.name}\n${c.path}`;
  return {
    /** Takes the answer's Set-Cookie headers in. */
    take(res: Response): void {
      for (const line of res.headers.getSetCookie()) {
        const [pair, ...attrs] = line.split(';').map((part) => part.trim());
        const at = pair!.indexOf('=');
        const cookie = { name: pair!.slice(0, at), value: pair!.slice(at + 1), path: '/' };
        let expired = false;
        for (const attr of attrs) {
          const [k, v = ''] = attr.split('=');
          if (/^path$/i.test(k!)) cookie.path = v;
          if (/^max-age$/i.test(k!) && Number(v) <= 0) expired = true;
          if (/^expires$/i.test(k!) && Date.parse(v) <= Date.now()) expired = true;
        }
        if (expired) cookies.delete(keyOf(cookie));
        else cookies.set(keyOf(cookie), cookie);
      }
    },
    /** The Cookie header a browser sends to this path. */
    header(path: string): string {
      return [...cookies.values()].filter((c) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)).map((c) => `${c.name}=${c.value}`).join('; ');
    },
    all: (): JarCookie[] => [...cookies.values()],
  };
}
