// Guide mode API, for a guide's cookie session only (a learner's bearer
// credential never reaches these handlers: requireStaff ignores it). A guide
// reads only sessions and lists of residential groups they are assigned to;
// anything else is 403 and nothing is written.
import { asc, desc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { SyncResponse } from '../../shared/api.ts';
import { groupIdSchema } from '../../shared/events/guide.ts';
import { guideSyncRequestSchema, reportQuerySchema, type GuideMe } from '../../shared/guide/api.ts';
import { uuidSchema } from '../../shared/events.ts';
import { readSessionToken } from '../auth/sessions.ts';
import { sha256Hex } from '../auth/digest.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { authSessions, guideGroups, guideSessions, residentialGroups } from '../db/schema/index.ts';
import { createGuideAccess } from '../guide/authorize.ts';
import { createGroupLists, type CatalogLike } from '../guide/group-lists.ts';
import { createTeamReport, reportToCsv } from '../guide/report.ts';
import { createRoster } from '../guide/roster.ts';
import { apiError } from '../http/errors.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import type { RecordPipeline } from '../records/pipeline.ts';

export function guideRoutes(ctx: AppContext, catalog: CatalogLike, records: RecordPipeline['guide']) {
  const guide = requireStaff(ctx, ['guide']);
  const anyStaff = requireStaff(ctx, ['guide', 'reviewer', 'admin']);
  const access = createGuideAccess(ctx.engine);
  const roster = createRoster(ctx.engine, ctx.now);
  const report = createTeamReport(ctx.engine);
  const lists = createGroupLists(ctx.engine, catalog, ctx.now);
  const groupNames = ctx.engine.db
    .select({ id: residentialGroups.id, name: residentialGroups.name })
    .from(guideGroups)
    .innerJoin(residentialGroups, eq(residentialGroups.id, guideGroups.groupId))
    .where(eq(guideGroups.userId, sql.placeholder('guideId')))
    .orderBy(asc(residentialGroups.sortOrder), asc(residentialGroups.id))
    .prepare();
  const expiresAt = ctx.engine.db.select({ expiresAt: authSessions.expiresAt }).from(authSessions).where(eq(authSessions.tokenHash, sql.placeholder('tokenHash'))).prepare();
  const mySessions = ctx.engine.db
    .select()
    .from(guideSessions)
    .where(eq(guideSessions.guideId, sql.placeholder('guideId')))
    .orderBy(desc(guideSessions.startsAt))
    .limit(200)
    .prepare();

  const assignedGroup = async (guideId: string, raw: string) => {
    const groupId = parseWith(groupIdSchema, raw);
    if (!(await access.inGroup(guideId, groupId))) throw apiError(403, 'forbidden', `You are not assigned to residential group "${groupId}"`);
    return groupId;
  };
  const rangeOf = (query: Record<string, string>) => {
    const { from, to } = parseWith(reportQuerySchema, query);
    if (from && to && from > to) throw apiError(400, 'invalid_request', 'from must not be after to');
    return [from, to] as const;
  };

  return new Hono<AppEnv>()
    .get('/me', guide, async (c) => {
      const user = c.get('staff');
      const token = readSessionToken(c, ctx.config) ?? '';
      const body: GuideMe = {
        user,
        groups: await groupNames.all({ guideId: user.id }),
        sessionExpiresAt: new Date((await expiresAt.get({ tokenHash: sha256Hex(token) }))?.expiresAt ?? ctx.now()).toISOString(),
      };
      return c.json(body);
    })
    .post('/sync', guide, async (c) => {
      const { deviceId, events } = await readBody(c, guideSyncRequestSchema);
      const receivedAt = ctx.now();
      const results = await records.ingest({ by: { id: c.get('staff').id, deviceId }, records: events, receivedAt });
      const body: SyncResponse = { results, serverTime: new Date(receivedAt).toISOString() };
      return c.json(body);
    })
    .get('/sessions', guide, async (c) => {
      const me = c.get('staff').id;
      const mine = await access.groupsOf(me);
      const sessions = (await mySessions.all({ guideId: me })).filter((s) => mine.has(s.groupId));
      const summaries = [];
      for (const s of sessions) summaries.push(await roster(s, (g) => mine.has(g)));
      return c.json({ sessions: summaries });
    })
    .get('/sessions/:id', guide, async (c) => {
      const me = c.get('staff').id;
      const id = parseWith(uuidSchema, c.req.param('id'));
      const session = await access.sessionById(id);
      if (!session) throw apiError(404, 'not_found', 'No such session (it may not be synced yet)');
      const mine = await access.groupsOf(me);
      if (!mine.has(session.groupId)) throw apiError(403, 'forbidden', 'This session is in a residential group you are not assigned to');
      return c.json(await roster(session, (g) => mine.has(g)));
    })
    .get('/groups/:groupId/follow-up', guide, async (c) => c.json(await lists.followUp(await assignedGroup(c.get('staff').id, c.req.param('groupId')))))
    .get('/groups/:groupId/households', guide, async (c) => c.json(await lists.households(await assignedGroup(c.get('staff').id, c.req.param('groupId')))))
    .get('/report', anyStaff, async (c) => c.json(await report(...rangeOf(c.req.query()))))
    .get('/report.csv', anyStaff, async (c) => {
      const [from, to] = rangeOf(c.req.query());
      const name = `team-report${from ? `-${from}` : ''}${to ? `-${to}` : ''}.csv`;
      // BOM: spreadsheet programs then read the Vietnamese names as UTF-8.
      return c.body(`\uFEFF${reportToCsv(await report(from, to))}`, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
      });
    });
}
