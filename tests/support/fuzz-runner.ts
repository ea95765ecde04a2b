// Runs generated requests (fuzz-inputs.ts) against every route of a copy of
// the fixture world, in-process, and checks each answer: never a 5xx, never
// a hang, a 4xx is a JSON {error:{code,message}}, a 2xx matches the route's
// success shape, and a refused request leaves the database untouched.
// Shared by tests/integration/fuzz-routes.test.ts (small) and the "fuzz"
// bench section (full size).
import fc from 'fast-check';
import { errorSchema } from '../../shared/api.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { completion, DEVICE_ID, started } from '../integration/helpers.ts';
import { assistedRegistered, GUIDE_DEVICE, joined, sessionCreated } from '../integration/guide-support.ts';
import { sessionCodeCheck } from '../../shared/guide/constants.ts';
import { consentGiven, profileUpdated } from '../integration/resident-support.ts';
import { badAuth, describeRecipe, mutatedBody, recipeArb, type Recipe } from './fuzz-inputs.ts';
import { asGuide, forkWorld, ROLES, type Fork, type Role, type World } from './fuzz-world.ts';
import { allowedRole, fillPath, ROUTES, successProblem, type RouteSpec } from './route-inventory.ts';

export interface FuzzFailure {
  route: string;
  recipe: string;
  credentials: 'role' | 'none';
  status: number | 'hang';
  problem: string;
}

export interface FuzzStats {
  inputs: number;
  requests: number;
  status2xx: number;
  status4xx: number;
  status5xx: number;
  otherStatus: number;
  hangs: number;
  writesOnRefusal: number;
  failures: FuzzFailure[];
  seconds: number;
  /** Seconds spent per route, to see where a run's time goes. */
  secondsByRoute: Record<string, number>;
  /** How often each error code came back: shows which checks the inputs reached. */
  errorCodes: Record<string, number>;
}

export const emptyStats = (): FuzzStats => ({ inputs: 0, requests: 0, status2xx: 0, status4xx: 0, status5xx: 0, otherStatus: 0, hangs: 0, writesOnRefusal: 0, failures: [], seconds: 0, secondsByRoute: {}, errorCodes: {} });

/** Richer valid bodies than the rights table's, so mutations reach every event type's fields. */
function fuzzTemplate(spec: RouteSpec, w: World, role: Role, f: Fork): unknown {
  if (spec.key === 'POST /api/v1/sync') {
    const id = w.own[role] ?? w.learner.id;
    return {
      deviceId: DEVICE_ID,
      // With the classes of sync-classes.ts among them, so mutations reach those fields too: a far-past clock and a join of a code no guide has synced.
      events: [completion(id), started(id), consentGiven(id), profileUpdated(id, { displayName: 'Nguyễn Thị Hoà', unit: 'UBND phường' }), completion(id, { occurredAt: '1970-01-01T00:00:00Z' }), joined(id, 'WCX7HNA' + sessionCodeCheck('WCX7HNA'))],
    };
  }
  if (spec.key === 'POST /api/v1/guide/sync') {
    const g = asGuide(w.guide);
    const a = assistedRegistered(g, { groupId: 'tdp-1' });
    const s = sessionCreated(g, { sessionId: uuidv7(), code: 'KMNP7946', groupId: 'tdp-1' });
    return { deviceId: GUIDE_DEVICE, events: [a, s, ...((spec.body?.(w, role, f) as { events: unknown[] }).events ?? [])] };
  }
  return spec.body?.(w, role, f);
}

interface Built {
  path: string;
  init: RequestInit & { duplex?: 'half' };
}

const SAFE_PATH = (s: string) => s.replace(/[/?#]/g, (c) => encodeURIComponent(c)).replace(/[\ud800-\udfff]/g, (c) => wtf8(c));
/** A lone surrogate as the bytes a careless encoder sends (%ED%A0%80): not UTF-8. */
const wtf8 = (c: string) => {
  const u = c.charCodeAt(0);
  return [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 63), 0x80 | (u & 63)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
};
/** encodeURIComponent, except lone surrogates, which it refuses, go out as wtf8. */
const encodeAny = (s: string) => s.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (c) => (/^[\ud800-\udfff]$/.test(c) ? wtf8(c) : encodeURIComponent(c)));

async function build(spec: RouteSpec, recipe: Recipe, w: World, role: Role, f: Fork): Promise<Built> {
  const params = Object.fromEntries(Object.entries(spec.params?.(w) ?? {}).map(([k, v]) => [k, encodeURIComponent(v)]));
  if (recipe.kind === 'path') {
    const name = Object.keys(params)[recipe.param % Object.keys(params).length];
    params[name] = recipe.raw ? SAFE_PATH(recipe.value) : encodeAny(recipe.value);
  }
  let path = fillPath(spec.pattern, params);
  if (recipe.kind === 'query') {
    const qs = recipe.pairs.map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`).join('&');
    path += `?${[qs, recipe.raw].filter(Boolean).join('&')}`;
  }
  let method = spec.method;
  if (recipe.kind === 'method') {
    const served = new Set(ROUTES.filter((r) => r.pattern === spec.pattern).map((r) => r.method));
    method = served.has(recipe.method) ? 'PATCH' : recipe.method;
  }
  const headers: Record<string, string> = {};
  const init: Built['init'] = { method, headers };
  if (method === 'GET') return { path, init };
  headers['content-type'] = 'application/json';
  if (recipe.kind === 'oversized') {
    const text = `{"deviceId":"${'x'.repeat(recipe.size)}"}`;
    if (recipe.withLength) {
      headers['content-length'] = String(text.length);
      init.body = text;
    } else {
      const bytes = new TextEncoder().encode(text);
      let at = 0;
      init.body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (at >= bytes.length) return c.close();
          c.enqueue(bytes.subarray(at, (at += 65_536)));
        },
      });
      init.duplex = 'half';
    }
    return { path, init };
  }
  const valid = await fuzzTemplate(spec, w, role, f);
  if (valid === undefined) return { path, init };
  let text = JSON.stringify(valid);
  if (recipe.kind === 'mutate') text = mutatedBody(valid, [recipe]);
  else if (recipe.kind === 'mutate-many') text = mutatedBody(valid, recipe.picks);
  else if (recipe.kind === 'top-level') text = JSON.stringify(recipe.v) ?? 'null';
  else if (recipe.kind === 'malformed') {
    const at = recipe.at % (text.length + 1);
    text = recipe.how === 'truncate' ? text.slice(0, at) : recipe.how === 'insert' ? text.slice(0, at) + recipe.junk + text.slice(at) : recipe.junk;
  } else if (recipe.kind === 'content-type') {
    if (recipe.value === null) delete headers['content-type'];
    else headers['content-type'] = recipe.value;
  } else if (recipe.kind === 'bad-utf8') {
    const bytes = Buffer.from(text);
    const quotes = [...bytes.keys()].filter((i) => bytes[i] === 0x22);
    const at = quotes.length ? quotes[recipe.at % quotes.length] + 1 : 0;
    init.body = Buffer.concat([bytes.subarray(0, at), Buffer.from(recipe.bytes), bytes.subarray(at)]);
    return { path, init };
  }
  init.body = text;
  return { path, init };
}

const TIMEOUT = Symbol('timeout');
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMEOUT>((resolve) => (timer = setTimeout(() => resolve(TIMEOUT), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Checks one answer; returns a problem, or null when the answer is right. */
export async function answerProblem(spec: RouteSpec, res: Response, written: number, viaOtherRoute: boolean, codes: Record<string, number> = {}): Promise<string | null> {
  if (res.status >= 500) return `${res.status}: ${(await res.text()).slice(0, 200)}`;
  if (res.status >= 400) {
    if (written !== 0) return `refused with ${res.status} but wrote ${written} row(s)`;
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('application/json')) return `a ${res.status} that is not JSON (${type})`;
    const parsed = errorSchema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) return `a ${res.status} without {error:{code,message}}`;
    codes[parsed.data.error.code] = (codes[parsed.data.error.code] ?? 0) + 1;
    return null;
  }
  if (res.status < 200 || res.status >= 300) return `unexpected status ${res.status}`;
  // A success on a path Hono matched to a neighbouring route (e.g. "/sessions/..") is checked for JSON only.
  if (viaOtherRoute) return null;
  return successProblem(spec, res);
}

/** Routes that hash a password on most inputs (scrypt, ~0.1 s each) get a
 * smaller share of the inputs, so a run's time is spread over all routes. */
const SHARE: Record<string, number> = {
  'POST /api/v1/auth/login': 0.15,
  'POST /api/v1/auth/password': 0.1,
  'POST /api/v1/staff': 0.15,
  'POST /api/v1/staff/:username/password': 0.1,
};

/** Inputs per route so that the total is at least `total`. */
export function planInputs(total: number, routes: RouteSpec[] = ROUTES): Map<string, number> {
  const weights = routes.map((r) => SHARE[r.key] ?? 1);
  const base = total / weights.reduce((a, b) => a + b, 0);
  return new Map(routes.map((r, i) => [r.key, Math.max(3, Math.ceil(base * weights[i]))]));
}

/** Every third time the valid credentials of a role the route refuses; otherwise broken ones. */
function wrongCredentials(spec: RouteSpec, variant: number, w: World): Record<string, string> {
  const refused = ROLES.filter((r) => spec.rights[r] !== 'ok' && r !== 'anonymous');
  if (variant % 3 === 0 && refused.length) return w.auth[refused[Math.floor(variant / 3) % refused.length]];
  return badAuth(variant, w.auth[allowedRole(spec)]);
}

export interface FuzzOptions {
  file: string;
  world: World;
  /** Inputs generated in all, shared out over the routes (see planInputs). */
  inputs: number;
  seed: number;
  timeoutMs?: number;
  routes?: RouteSpec[];
}

export async function fuzzRoutes(opts: FuzzOptions): Promise<FuzzStats> {
  const stats = emptyStats();
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? 15_000;
  let counter = 0;
  const routes = opts.routes ?? ROUTES;
  const plan = planInputs(opts.inputs, routes);
  for (const [index, spec] of routes.entries()) {
    const routeStarted = performance.now();
    const f = forkWorld(opts.file, { liftLimits: true });
    const role = allowedRole(spec);
    const recipes = fc.sample(recipeArb({ hasBody: spec.body !== undefined, paramCount: Object.keys(spec.params?.(opts.world) ?? {}).length }), {
      numRuns: plan.get(spec.key)!,
      seed: opts.seed + index,
    });
    try {
      for (const recipe of recipes) {
        stats.inputs++;
        for (const credentials of ['role', 'none'] as const) {
          const built = await build(spec, recipe, opts.world, role, f);
          const valid = opts.world.auth[role];
          const auth = credentials === 'none' ? {} : recipe.kind === 'auth' ? wrongCredentials(spec, recipe.variant, opts.world) : valid;
          // Mostly a new address per request, so the per-address limits
          // (login, recovery, session codes) do not hide the validation.
          const ip = counter++ % 4 === 0 ? '203.0.113.7' : `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
          const headers = { ...(built.init.headers as Record<string, string>), ...auth, 'x-forwarded-for': ip };
          const before = await f.changes();
          const failedLoginsBefore = await f.failedLogins();
          const outcome = await withTimeout(
            (async () => {
              const res = await f.request(built.path, { ...built.init, headers });
              const copy = res.clone();
              await res.arrayBuffer(); // the whole answer must arrive, not just its head
              return copy;
            })(),
            timeoutMs,
          );
          stats.requests++;
          const fail = (status: number | 'hang', problem: string) =>
            stats.failures.push({ route: spec.key, recipe: describeRecipe(recipe), credentials, status, problem });
          if (outcome === TIMEOUT) {
            stats.hangs++;
            fail('hang', `no answer in ${timeoutMs} ms`);
            continue;
          }
          const s = outcome.status;
          if (s >= 500) stats.status5xx++;
          else if (s >= 400) stats.status4xx++;
          else if (s >= 200 && s < 300) stats.status2xx++;
          else stats.otherStatus++;
          // A wrong password is refused and audited (issue #19); any other write on refusal is a fault.
          const audited = s === 401 && spec.key === 'POST /api/v1/auth/login' ? (await f.failedLogins()) - failedLoginsBefore : 0;
          const written = (await f.changes()) - before - audited;
          if (s >= 400 && written !== 0) stats.writesOnRefusal++;
          const viaOtherRoute = recipe.kind === 'path' || recipe.kind === 'method';
          const problem = await answerProblem(spec, outcome, written, viaOtherRoute, stats.errorCodes);
          if (problem) fail(s, problem);
        }
      }
      const health = await f.request('/api/v1/health');
      if (health.status !== 200) stats.failures.push({ route: spec.key, recipe: 'after the run', credentials: 'none', status: health.status, problem: 'health check failed' });
    } finally {
      await f.close();
    }
    stats.secondsByRoute[spec.key] = (performance.now() - routeStarted) / 1000;
  }
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

export function mergeStats(a: FuzzStats, b: FuzzStats): FuzzStats {
  return {
    inputs: a.inputs + b.inputs,
    requests: a.requests + b.requests,
    status2xx: a.status2xx + b.status2xx,
    status4xx: a.status4xx + b.status4xx,
    status5xx: a.status5xx + b.status5xx,
    otherStatus: a.otherStatus + b.otherStatus,
    hangs: a.hangs + b.hangs,
    writesOnRefusal: a.writesOnRefusal + b.writesOnRefusal,
    failures: [...a.failures, ...b.failures],
    seconds: a.seconds + b.seconds,
    secondsByRoute: { ...a.secondsByRoute, ...b.secondsByRoute },
    errorCodes: Object.fromEntries([...new Set([...Object.keys(a.errorCodes), ...Object.keys(b.errorCodes)])].map((k) => [k, (a.errorCodes[k] ?? 0) + (b.errorCodes[k] ?? 0)])),
  };
}

export function formatFailures(failures: FuzzFailure[], max = 15): string {
  return failures
    .slice(0, max)
    .map((x) => `${x.route} [${x.credentials}] → ${x.status}: ${x.problem}\n    input: ${x.recipe}`)
    .join('\n');
}
