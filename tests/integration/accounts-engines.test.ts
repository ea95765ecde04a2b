// Staff accounts, staff sessions and learner credentials on the engine, run
// the same way on a SQLite file and on a throw-away PostgreSQL cluster: an
// account is created (a users row written without `disabled` too), a session
// is found until it expires or is revoked, disabling an account drops its
// sessions, a new password ends them, and a learner's secret is checked
// against the first phone's and a moved phone's digest.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine/engine.ts';
import { authSessions, learnerKeys, learners, residentialGroups } from '../../server/db/schema/index.ts';
import { createStaffAccount, groupsOf, setGroups, unitOfOfficer } from '../../server/accounts/guides.ts';
import { findUserByUsername, hasAdmin, insertUser, listUsers, setPassword } from '../../server/accounts/users.ts';
import { createAccountStatus } from '../../server/accounts/status.ts';
import { ensureAdmin } from '../../server/accounts/bootstrap.ts';
import { createSession, deleteExpiredSessions, deleteSession, findSessionUser, SESSION_TTL_MS } from '../../server/auth/sessions.ts';
import { createSecretHashes } from '../../server/auth/learner-auth.ts';
import { sha256Hex } from '../../server/auth/digest.ts';
import { TEST_HASHER } from './helpers.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const START = Date.UTC(2026, 10, 2, 8);
const PASSWORD = 'correct horse battery';
const LEARNER = '0192f4a0-0000-7000-8000-000000000001';

describe.each(ENGINES)('accounts and sessions on %s', (kind) => {
  let engine: Engine;
  let at = START;
  const ctx = { now: () => at, get engine() {
    return engine;
  } };
  beforeAll(async () => {
    engine = await engines.fresh(kind);
    await engine.db.insert(residentialGroups).values([
      { id: 'g-1', name: 'Tổ 1', figuresAreSample: false, sortOrder: 1 },
      { id: 'g-2', name: 'Tổ 2', figuresAreSample: false, sortOrder: 2 },
    ]);
  }, 60_000);

  it('writes a users row that leaves `disabled` out: the account is on', async () => {
    await insertUser(engine, { id: 'u-old', username: 'old', displayName: 'Old', role: 'reviewer', team: null, passwordHash: 'x', createdAt: START });
    expect(await findUserByUsername(engine, 'OLD')).toMatchObject({ username: 'old', disabled: false, disabledAt: null });
  });

  it('creates the first admin once, and staff accounts with their groups or unit', async () => {
    expect(await hasAdmin(engine)).toBe(false);
    const first = await ensureAdmin(engine);
    expect(first?.username).toBe('admin');
    expect(await ensureAdmin(engine)).toBeUndefined();
    const guide = await createStaffAccount(engine, { username: 'Lan', password: PASSWORD, role: 'guide', team: 'cns', groups: ['g-2', 'g-1'] }, at, TEST_HASHER);
    expect(guide).toMatchObject({ username: 'lan', disabled: false });
    expect(await groupsOf(engine, guide.id)).toEqual(['g-1', 'g-2']);
    await setGroups(engine, guide.id, ['g-2']);
    expect(await groupsOf(engine, guide.id)).toEqual(['g-2']);
    await expect(setGroups(engine, guide.id, ['g-9'])).rejects.toThrow(/Unknown residential group/);
    const officer = await createStaffAccount(engine, { username: 'minh', password: PASSWORD, role: 'unit', team: null, unitId: 'ttsnc' }, at, TEST_HASHER);
    expect(await unitOfOfficer(engine, officer.id)).toBe('ttsnc');
    expect(await unitOfOfficer(engine, guide.id)).toBeNull();
    await expect(createStaffAccount(engine, { username: 'LAN', password: PASSWORD, role: 'reviewer' }, at, TEST_HASHER)).rejects.toThrow(/already exists/);
    expect((await listUsers(engine)).map((u) => u.username)).toEqual(['admin', 'lan', 'minh', 'old']);
  });

  it('finds a session until it expires, and not after it is revoked', async () => {
    const lan = (await findUserByUsername(engine, 'lan'))!;
    const first = await createSession(ctx, lan);
    expect(first.expiresAt).toBe(at + SESSION_TTL_MS.guide);
    expect(await findSessionUser(ctx, first.token)).toMatchObject({ username: 'lan', role: 'guide', team: 'cns' });
    expect(await findSessionUser(ctx, 'not-a-token')).toBeUndefined();
    // Only the token's digest is stored.
    expect((await engine.db.select().from(authSessions)).map((s) => s.tokenHash)).toEqual([sha256Hex(first.token)]);

    const second = await createSession(ctx, lan);
    await deleteSession(ctx, second.token);
    expect(await findSessionUser(ctx, second.token)).toBeUndefined();

    at = first.expiresAt;
    expect(await findSessionUser(ctx, first.token)).toBeUndefined();
    await deleteExpiredSessions(ctx);
    expect(await engine.db.select().from(authSessions)).toEqual([]);
  });

  it('drops every session of an account that is disabled, and lets it in again once enabled', async () => {
    const lan = (await findUserByUsername(engine, 'lan'))!;
    const { token } = await createSession(ctx, lan);
    const status = createAccountStatus(engine, ctx.now);
    await status.set(lan.id, true);
    expect(await findUserByUsername(engine, 'lan')).toMatchObject({ disabled: true, disabledAt: at });
    expect(await findSessionUser(ctx, token)).toBeUndefined();
    expect(await engine.db.select().from(authSessions)).toEqual([]);
    await status.set(lan.id, false);
    expect(await findUserByUsername(engine, 'lan')).toMatchObject({ disabled: false, disabledAt: null });
    const again = await createSession(ctx, lan);
    expect(await findSessionUser(ctx, again.token)).toMatchObject({ username: 'lan' });
  });

  it('ends every session when the password changes', async () => {
    const minh = (await findUserByUsername(engine, 'minh'))!;
    const { token } = await createSession(ctx, minh);
    await setPassword(engine, 'minh', 'another long passphrase', TEST_HASHER);
    expect(await findSessionUser(ctx, token)).toBeUndefined();
    const changed = (await findUserByUsername(engine, 'minh'))!;
    expect(await TEST_HASHER.verify('another long passphrase', changed.passwordHash)).toBe(true);
  });

  it("checks a learner's secret against the first phone's and a moved phone's digest", async () => {
    await engine.db.insert(learners).values({ id: LEARNER, secretHash: sha256Hex('first-secret'), createdAt: START });
    const hashes = createSecretHashes(engine);
    expect(await hashes(LEARNER)).toEqual([sha256Hex('first-secret')]);
    await engine.db.insert(learnerKeys).values({ learnerId: LEARNER, secretHash: sha256Hex('moved-secret'), createdAt: START + 1 });
    expect(await hashes(LEARNER)).toEqual([sha256Hex('first-secret'), sha256Hex('moved-secret')]);
    expect(await hashes('0192f4a0-0000-7000-8000-000000000002')).toEqual([]);
  });
});
