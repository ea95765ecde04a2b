// Staff set-up the browser tests share, over the real server's HTTP API:
// log in and keep the session cookie, and create staff accounts with the
// admin's cookie (the generated password comes back once).
import { expect } from 'vitest';
import { adminPasswordFrom, type RunningServer } from './server-process.ts';

export async function loginCookie(server: RunningServer, username: string, password: string): Promise<string> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  return (login.headers.get('set-cookie') ?? '').split(';')[0];
}

/** The first admin's session, with the password the server wrote on first start. */
export const adminCookie = (server: RunningServer) => loginCookie(server, 'admin', adminPasswordFrom(server.output()));

export async function createStaff(server: RunningServer, cookie: string, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/staff`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, cookie }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { password: string }).password;
}
