// `npm run accounts -- <command>`: manage staff accounts in the server's
// database (the SQLite file in DATA_DIR, or PostgreSQL when DATABASE_URL
// says so). Passwords come from stdin (--password-stdin) or are generated
// and printed once; they never appear on the command line (shell history).
import { parseArgs } from 'node:util';
import { ROLES, TEAMS, type StaffRole } from '../../shared/api.ts';
import { generatePassword } from '../auth/passwords.ts';
import { findUserByUsername, listUsers, setPassword, type Team } from '../accounts/users.ts';
import { createStaffAccount, groupsOf, setGroups, unitOfOfficer } from '../accounts/guides.ts';
import { openDatabase } from '../db/connect.ts';
import type { Engine } from '../db/engine/engine.ts';
import { CONSOLE_ACTOR, createAuditLog } from '../audit/log.ts';
import { loadEnv } from '../env.ts';

const USAGE = `Usage:
  npm run accounts -- create --username U --role guide|reviewer|admin|unit [--team cns|da06] [--groups tdp-1,tdp-2] [--unit vh-xh] [--display-name "Name"] [--password-stdin]
  npm run accounts -- set-groups --username U --groups tdp-1,tdp-2
  npm run accounts -- list
  npm run accounts -- set-password --username U [--password-stdin]
Without --password-stdin a password is generated and printed once.
A guide needs --team and --groups (residential group ids from the ward profile).
A unit officer (role unit) needs --unit (a unit id: vh-xh, kt-ht-dt, mttq, ttsnc or one the ward added).`;

class UsageError extends Error {}

/** Changes made here are audited like an admin's, with the server console as actor. */
const audit = (engine: Engine) => createAuditLog(engine, Date.now);

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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const env = loadEnv();

  if (command === 'list') {
    const database = await openDatabase(env);
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
    const database = await openDatabase(env);
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

  const { password, generated } = await obtainPassword(values['password-stdin']);
  const database = await openDatabase(env);
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
