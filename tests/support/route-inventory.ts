// Every API route, as the fuzz and rights tests know it: who may use it (the
// rights table, here), a valid request and what a success looks like
// (route-requests.ts). The list of routes itself comes from the app
// (createApp().routes), so a route added to the server without a row here
// makes both tests fail, naming it.
import { ROLES, type Role } from './fuzz-world.ts';
import { REQUESTS, type RouteSpec } from './route-requests.ts';

export { SAMPLE_PLAN, successProblem, type RouteSpec, type Success } from './route-requests.ts';

/** What a role gets: 'ok' (a 2xx success), or the refusal status. */
export type Expect = 'ok' | 401 | 403;

// The rights table. Columns, in order:
//   anonymous · learner · other learner · guide of the group (tdp-1) ·
//   guide of another group (tdp-2) · reviewer · admin · unit officer
//   (of TTSNC) · officer of another unit (KT-HT-ĐT)
// "ok" for a learner means: their own data only (checked by rights.test.ts).
const RIGHTS: Record<string, string> = {
  'GET /api/v1/health':                                   'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'GET /api/openapi.json':                                'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'POST /api/v1/learners':                                'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'POST /api/v1/sync':                                    '401 ok  ok  401 401 401 401 401 401',
  'GET /api/v1/me/progress':                              '401 ok  ok  401 401 401 401 401 401',
  'GET /api/v1/me':                                       '401 ok  ok  401 401 401 401 401 401',
  'DELETE /api/v1/me':                                    '401 ok  ok  401 401 401 401 401 401',
  'GET /api/v1/certificates':                             '401 ok  ok  401 401 401 401 401 401',
  'POST /api/v1/certificates':                            '401 ok  ok  401 401 401 401 401 401',
  'POST /api/v1/recovery-codes':                          '401 ok  ok  401 401 401 401 401 401',
  'POST /api/v1/recovery':                                'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'POST /api/v1/auth/login':                              'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'POST /api/v1/auth/logout':                             'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'GET /api/v1/auth/me':                                  '401 401 401 ok  ok  ok  ok  ok  ok',
  'POST /api/v1/auth/password':                           '401 401 401 ok  ok  ok  ok  ok  ok',
  'GET /api/v1/stats/summary':                            '401 401 401 ok  ok  ok  ok  403 403',
  'GET /api/v1/stats/dashboard':                          '401 401 401 ok  ok  ok  ok  403 403',
  'GET /api/v1/stats/headline':                           '401 401 401 ok  ok  ok  ok  403 403',
  'GET /api/v1/stats/coverage':                           '401 401 401 ok  ok  ok  ok  403 403',
  'GET /api/v1/stats/ranking':                            '401 401 401 ok  ok  ok  ok  403 403',
  'GET /api/v1/stats/courses':                            '401 401 401 ok  ok  ok  ok  403 403',
  'GET /api/v1/stats/demographics':                       '401 401 401 ok  ok  ok  ok  403 403',
  'GET /api/v1/stats/trend':                              '401 401 401 ok  ok  ok  ok  403 403',
  'GET /api/v1/stats/freshness':                          '401 401 401 ok  ok  ok  ok  403 403',
  'GET /api/v1/stats/self-check':                         '401 401 401 ok  ok  ok  ok  403 403',
  'GET /api/v1/stats/report':                             '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/stats/report/narrative':                   '401 401 401 403 403 ok  ok  403 403',
  'PUT /api/v1/stats/report/narrative':                   '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/stats/report.docx':                        '401 401 401 403 403 ok  ok  403 403',
  'PUT /api/v1/stats/official-kinds':                     '401 401 401 403 403 403 ok  403 403',
  'GET /api/v1/stats/export.csv':                         '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/stats/export.xlsx':                        '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/integrity/anomalies':                      '401 401 401 403 403 ok  ok  403 403',
  'POST /api/v1/integrity/learners/:learnerId/review':    '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/integrity/spot-checks/latest':             '401 401 401 403 403 ok  ok  403 403',
  'POST /api/v1/integrity/spot-checks':                   '401 401 401 403 403 ok  ok  403 403',
  'PUT /api/v1/integrity/spot-checks/:id/items/:itemNo':  '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/ward':                                     'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'GET /api/v1/ward/admin':                               '401 401 401 403 403 403 ok  403 403',
  'GET /api/v1/ward/admin/poster':                        '401 401 401 403 403 403 ok  403 403',
  'PUT /api/v1/ward':                                     '401 401 401 403 403 403 ok  403 403',
  'POST /api/v1/ward/import':                             '401 401 401 403 403 403 ok  403 403',
  'PUT /api/v1/ward/groups/:id':                          '401 401 401 403 403 403 ok  403 403',
  'DELETE /api/v1/ward/groups/:id':                       '401 401 401 403 403 403 ok  403 403',
  'GET /api/v1/guide/me':                                 '401 401 401 ok  ok  403 403 403 403',
  'POST /api/v1/guide/sync':                              '401 401 401 ok  ok  403 403 403 403',
  'GET /api/v1/guide/sessions':                           '401 401 401 ok  ok  403 403 403 403',
  'GET /api/v1/guide/sessions/:id':                       '401 401 401 ok  403 403 403 403 403',
  'GET /api/v1/guide/groups/:groupId/follow-up':          '401 401 401 ok  403 403 403 403 403',
  'GET /api/v1/guide/groups/:groupId/households':         '401 401 401 ok  403 403 403 403 403',
  'GET /api/v1/guide/report':                             '401 401 401 ok  ok  ok  ok  403 403',
  'GET /api/v1/guide/report.csv':                         '401 401 401 ok  ok  ok  ok  403 403',
  'GET /api/v1/sessions/:code':                           'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'GET /api/v1/staff':                                    '401 401 401 403 403 403 ok  403 403',
  'POST /api/v1/staff':                                   '401 401 401 403 403 403 ok  403 403',
  'PUT /api/v1/staff/:username/groups':                   '401 401 401 403 403 403 ok  403 403',
  'GET /api/v1/staff/audit':                              '401 401 401 403 403 403 ok  403 403',
  'POST /api/v1/staff/:username/password':                '401 401 401 403 403 403 ok  403 403',
  'PUT /api/v1/staff/:username/disabled':                 '401 401 401 403 403 403 ok  403 403',
  'GET /api/v1/plans':                                    '401 401 401 403 403 ok  ok  ok  ok',
  'POST /api/v1/plans':                                   '401 401 401 403 403 403 ok  403 403',
  'POST /api/v1/plans/import':                            '401 401 401 403 403 403 ok  403 403',
  'GET /api/v1/plans/:id':                                '401 401 401 403 403 ok  ok  ok  ok',
  'PUT /api/v1/plans/:id':                                '401 401 401 403 403 403 ok  403 403',
  'GET /api/v1/plans/:id/tracker':                        '401 401 401 403 403 ok  ok  ok  ok',
  'GET /api/v1/displays':                                 '401 401 401 403 403 ok  ok  ok  ok',
  'PUT /api/v1/displays/:id':                             '401 401 401 403 403 ok  ok  403 403',
  'DELETE /api/v1/displays/:id':                          '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/displays/:id/feed':                        'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'GET /api/v1/displays/:id/hours':                       '401 401 401 403 403 ok  ok  ok  ok',
  'GET /api/v1/displays/hours':                            '401 401 401 403 403 ok  ok  ok  ok',
  'GET /api/v1/plans/:id/report':                         '401 401 401 403 403 ok  ok  403 403',
  'PUT /api/v1/plans/:id/report/text':                    '401 401 401 403 403 ok  ok  403 403',
  'POST /api/v1/plans/:id/report/issue':                  '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/plans/:id/report.docx':                    '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/plans/:id/report/annex.xlsx':              '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/plans/:id/indicators':                      '401 401 401 403 403 ok  ok  403 403',
  'PUT /api/v1/plans/:id/indicators/targets':              '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/units':                                    '401 401 401 403 403 ok  ok  ok  ok',
  'POST /api/v1/units':                                   '401 401 401 403 403 403 ok  403 403',
  'GET /api/v1/units/me':                                 '401 401 401 403 403 403 403 ok  ok',
  'POST /api/v1/units/sync':                              '401 401 401 403 403 403 403 ok  ok',
  'PUT /api/v1/units/:id':                                '401 401 401 403 403 403 ok  403 403',
  'GET /api/v1/units/:id/activities':                     '401 401 401 403 403 ok  ok  ok  403',
  'GET /api/v1/stories':                                  '401 401 401 403 403 ok  ok  ok  ok',
  'POST /api/v1/stories':                                 '401 401 401 403 403 ok  ok  ok  ok',
  'GET /api/v1/stories/:id':                              '401 401 401 403 403 ok  ok  ok  403',
  'PUT /api/v1/stories/:id':                              '401 401 401 403 403 ok  ok  ok  403',
  'POST /api/v1/stories/:id/submit':                      '401 401 401 403 403 ok  ok  ok  403',
  'POST /api/v1/stories/:id/approve':                     '401 401 401 403 403 ok  ok  403 403',
  'POST /api/v1/stories/:id/publish':                     '401 401 401 403 403 ok  ok  403 403',
  'POST /api/v1/stories/:id/unpublish':                   '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/news':                                     'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'GET /api/v1/news/:id':                                 'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'GET /api/v1/news/photos/:sha256':                      'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'PUT /api/v1/story-photos/:sha256':                     '401 401 401 403 403 ok  ok  ok  ok',
  'GET /api/v1/story-photos/:sha256':                     '401 401 401 403 403 ok  ok  ok  403',
  'PUT /api/v1/unit-files/:sha256':                       '401 401 401 403 403 403 403 ok  ok',
  'GET /api/v1/unit-files/:sha256':                       '401 401 401 403 403 ok  ok  ok  403',
  'GET /api/v1/bulletins':                                '401 401 401 403 403 ok  ok  ok  ok',
  'POST /api/v1/bulletins':                               '401 401 401 403 403 ok  ok  ok  ok',
  'PUT /api/v1/bulletins/:id':                            '401 401 401 403 403 ok  ok  ok  403',
  // Only the airing unit's officer: the outreach log is the unit's.
  'POST /api/v1/bulletins/:id/aired':                     '401 401 401 403 403 403 403 ok  403',
  'POST /api/v1/outreach-log':                            '401 401 401 403 403 403 403 ok  ok',
  'PUT /api/v1/lesson-audio/files/:sha256':               '401 401 401 ok  ok  403 403 403 403',
  'GET /api/v1/lesson-audio/files/:sha256':               'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'GET /api/v1/lesson-audio/courses/:courseId':           'ok  ok  ok  ok  ok  ok  ok  ok  ok',
  'GET /api/v1/lesson-audio/recordings':                  '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/lesson-audio/recordings/:id/audio':        '401 401 401 403 403 ok  ok  403 403',
  'POST /api/v1/lesson-audio/recordings/:id/approve':     '401 401 401 403 403 ok  ok  403 403',
  'POST /api/v1/lesson-audio/recordings/:id/reject':      '401 401 401 403 403 ok  ok  403 403',
  // The registers: the world's entries are TTSNC's, so KT-HT-ĐT's officer is refused them.
  'GET /api/v1/registers/difficulties':                   '401 401 401 403 403 ok  ok  ok  ok',
  'POST /api/v1/registers/difficulties':                  '401 401 401 403 403 403 403 ok  ok',
  'GET /api/v1/registers/difficulties/:id':               '401 401 401 403 403 ok  ok  ok  403',
  'PUT /api/v1/registers/difficulties/:id':               '401 401 401 403 403 403 403 ok  403',
  'PUT /api/v1/registers/difficulties/:id/handling':      '401 401 401 403 403 ok  ok  403 403',
  'GET /api/v1/registers/misinformation':                 '401 401 401 403 403 ok  ok  ok  ok',
  'POST /api/v1/registers/misinformation':                '401 401 401 403 403 ok  ok  ok  ok',
  'GET /api/v1/registers/misinformation/:id':             '401 401 401 403 403 ok  ok  ok  403',
  'PUT /api/v1/registers/misinformation/:id':             '401 401 401 403 403 ok  ok  ok  403',
  'PUT /api/v1/registers/screenshots/:sha256':            '401 401 401 403 403 ok  ok  ok  ok',
  'GET /api/v1/registers/screenshots/:sha256':            '401 401 401 403 403 ok  ok  ok  403',
  'GET /api/v1/registers/budget':                         '401 401 401 403 403 ok  ok  ok  ok',
  'POST /api/v1/registers/budget':                        '401 401 401 403 403 403 403 ok  ok',
  'GET /api/v1/registers/budget/:id':                     '401 401 401 403 403 ok  ok  ok  403',
  'PUT /api/v1/registers/budget/:id/decision':            '401 401 401 403 403 ok  ok  403 403',
};

function parseRights(key: string, row: string): Record<Role, Expect> {
  const cells = row.trim().split(/\s+/);
  if (cells.length !== ROLES.length) throw new Error(`rights row of ${key} has ${cells.length} cells, not ${ROLES.length}`);
  return Object.fromEntries(ROLES.map((role, i) => [role, cells[i] === 'ok' ? 'ok' : (Number(cells[i]) as 401 | 403)])) as Record<Role, Expect>;
}

/** The routes the app really serves: "METHOD pattern", handlers only (no middleware-only entries). */
export function appRouteKeys(app: { routes: ReadonlyArray<{ method: string; path: string }> }): string[] {
  const keys = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)];
}

/** Routes of the app with no row in the rights table or no spec, and rows for routes that no longer exist. */
export function inventoryGaps(app: Parameters<typeof appRouteKeys>[0]) {
  const served = appRouteKeys(app);
  return {
    missing: served.filter((k) => !(k in RIGHTS) || !(k in REQUESTS)),
    stale: [...new Set([...Object.keys(RIGHTS), ...Object.keys(REQUESTS)])].filter((k) => !served.includes(k)),
  };
}

export const ROUTES: RouteSpec[] = Object.keys(RIGHTS).map((key) => {
  const [method, pattern] = key.split(' ');
  return { key, method, pattern, rights: parseRights(key, RIGHTS[key]), ...REQUESTS[key] };
});

/** The first role the table lets use a route: the fuzz sends its inputs with that role's credentials. */
export const allowedRole = (spec: RouteSpec): Role => ROLES.find((r) => spec.rights[r] === 'ok') ?? 'anonymous';

export function fillPath(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for :${name} in ${pattern}`);
    return params[name];
  });
}
