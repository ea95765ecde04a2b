// `npm run accounts -- <command>`: manage staff accounts in the server's
// database (the SQLite file in DATA_DIR, or PostgreSQL when DATABASE_URL
// says so). Passwords come from stdin (--password-stdin) or are generated
// and printed once; they never appear on the command line (shell history).
// With --locality <slug> (a city deployment), every command acts on that
// locality's own store instead: e.g. a new admin for a locality whose first
// admin's one-time password was lost.
import { parseArgs } from 'node:util';
import { ROLES, TEAMS, type StaffRole } from '../../shared/api.ts';
import { generatePassword } from '../auth/passwords.ts';
import { findUserByUsername, listUsers, setPassword, type Team } from '../accounts/users.ts';
import { createStaffAccount, groupsOf, setGroups, unitOfOfficer } from '../accounts/guides.ts';
import { openDatabase } from '../db/connect.ts';
import { createLocalityRegistry } from '../localities/registry.ts';
import { localityStores } from '../localities/stores.ts';
import { localitySlugSchema } from '../../shared/localities/locality.ts';
import type { Engine } from '../db/engine/engine.ts';
import { CONSOLE_ACTOR, createAuditLog } from '../audit/log.ts';
import { loadEnv, type Env } from '../env.ts';

const USAGE = `Usage:
  npm run accounts -- create --username U --role guide|reviewer|admin|unit [--team cns|da06] [--groups tdp-1,tdp-2] [--unit vh-xh] [--display-name "Name"] [--password-stdin]
  npm run accounts -- set-groups --username U --groups tdp-1,tdp-2
  npm run accounts -- list
  npm run accounts -- set-password --username U [--password-stdin]
Add --locality <slug> to any command to act on that locality's accounts (a city deployment).
Without --password-stdin a password is generated and printed once.
A guide needs --team and --groups (residential group ids from the ward profile).
A unit officer (role unit) needs --unit (a unit id: vh-xh, kt-ht-dt, mttq, ttsnc or one the ward added).`;

class UsageError extends Error {}

/** Changes made here are audited like an admin's, with the server console as actor. */
const audit = (engine: Engine) => createAuditLog(engine, Date.now);

/** The store the commands act on: the deployment's own, or one locality's (checked against the city's list). */
async function openStore(env: Env, locality: string | undefined): Promise<{ engine: Engine; close(): Promise<void> }> {
  if (locality !== undefined && !localitySlugSchema.safeParse(locality).success) throw new UsageError(`--locality "${locality}" is not a locality's short name (lower-case letters, digits and hyphens)`);
  const database = await openDatabase(env);
  if (locality === undefined) return database;
  try {
    const registry = createLocalityRegistry(database.engine);
    if (!(await registry.find(locality))) {
      const known = (await registry.list()).map((l) => l.slug);
      throw new Error(`No locality "${locality}" in this deployment (${known.length ? `localities: ${known.join(', ')}` : 'it has no localities'})`);
    }
    const stores = localityStores(database.pool ? { kind: 'postgres', pool: database.pool } : { kind: 'sqlite', dataDir: env.DATA_DIR });
    const engine = await stores.engineOf(locality);
    return {
      engine,
      async close() {
        await stores.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // Only the first line counts: "echo secret | …" adds a newline.
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

async function obtainPassword(fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  return fromStdin ? { password: await readPasswordFromStdin(), generated: false } : { password: generatePassword(), generated: true };
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      team: { type: 'string' },
      groups: { type: 'string' },
      unit: { type: 'string' },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      locality: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const env = loadEnv();
  const open = () => openStore(env, values.locality);

  if (command === 'list') {
    const database = await open();
    const { engine } = database;
    for (const user of await listUsers(engine)) {
      // A unit officer's unit stands where a guide's groups do.
      const groups = user.role === 'guide' ? (await groupsOf(engine, user.id)).join(',') || '-' : user.role === 'unit' ? ((await unitOfOfficer(engine, user.id)) ?? '-') : '-';
      console.log([user.username, user.role, user.team ?? '-', groups, user.disabled ? 'disabled' : 'active', user.displayName].join('\t'));
    }
    await database.close();
    return;
  }

  if (command !== 'create' && command !== 'set-password' && command !== 'set-groups') throw new UsageError(`Unknown command "${command}"`);
  if (!values.username) throw new UsageError('--username is required');
  const groups = values.groups?.split(',').map((g) => g.trim()).filter(Boolean);
  if (command === 'set-groups') {
    if (!groups?.length) throw new UsageError('--groups is required');
    const database = await open();
    const { engine } = database;
    try {
      const user = await findUserByUsername(engine, values.username);
      if (user?.role !== 'guide') throw new Error(`No guide "${values.username.trim().toLowerCase()}"`);
      await setGroups(engine, user.id, groups);
      await audit(engine).record(CONSOLE_ACTOR, 'staff.groups_changed', { type: 'user', id: user.username }, { groups: groups.join(',') });
      console.log(`Groups of "${user.username}": ${groups.join(', ')}.`);
    } finally {
      await database.close();
    }
    return;
  }
  let role: StaffRole | undefined;
  let team: Team | undefined;
  if (command === 'create') {
    if (!(ROLES as readonly string[]).includes(values.role ?? '')) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`);
    role = values.role as StaffRole;
    if (values.team !== undefined && !(TEAMS as readonly string[]).includes(values.team)) throw new UsageError(`--team must be one of: ${TEAMS.join(', ')}`);
    team = values.team as Team | undefined;
  }

  const database = await open(); // before the password: a wrong --locality is told before any prompt
  const { password, generated } = await obtainPassword(values['password-stdin']).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const { engine } = database;
  try {
    if (command === 'create') {
      const user = await createStaffAccount(engine, { username: values.username, password, role: role!, team, groups, unitId: values.unit, displayName: values['display-name'] });
      await audit(engine).record(CONSOLE_ACTOR, 'staff.created', { type: 'user', id: user.username }, { role: user.role, team: user.team, groups: (groups ?? []).join(','), ...(values.unit ? { unitId: values.unit } : {}) });
      console.log(`Created ${user.role} "${user.username}"${user.team ? ` (team ${user.team})` : ''}${values.unit ? ` (unit ${values.unit})` : ''}.`);
    } else {
      await setPassword(engine, values.username, password);
      await audit(engine).record(CONSOLE_ACTOR, 'staff.password_set', { type: 'user', id: values.username.trim().toLowerCase() });
      console.log(`Password changed for "${values.username.trim().toLowerCase()}".`);
    }
    if (generated) console.log(`Password: ${password}  (shown only now; write it down)`);
  } finally {
    await database.close();
  }
}

try {
  await run(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Error: ${message}\n`);
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) process.stderr.write(`\n${USAGE}\n`);
  process.exit(1);
}
