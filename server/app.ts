// The HTTP application: API routes under /api/v1, the OpenAPI document and,
// when a build is present, the PWA itself. createApp() is shared by
// server/main.ts and the integration tests, which call it in-process.
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { API_PREFIX, MAX_BODY_BYTES } from '../shared/api.ts';
import { csrfGuard } from './auth/csrf.ts';
import { createPasswordHasher, PRODUCTION_HASHER, type PasswordHasher } from './auth/passwords.ts';
import { createLoginGuard, DEFAULT_LOGIN_LIMITS } from './auth/login-guard.ts';
import { windowsFor } from './limits/windows.ts';
import { createHashQueue } from './auth/hash-queue.ts';
import type { AppConfig, AppContext, AppEnv } from './context.ts';
import type { Db, Sqlite } from './db/open.ts';
import { engineOfSqlite } from './db/engine/sqlite.ts';
import type { Engine } from './db/engine/engine.ts';
import { sqliteProperties } from './db/sqlite-only.ts';
import { createClientIp } from './http/client-ip.ts';
import { createRequestLimits } from './http/request-limits.ts';
import { createAuditLog } from './audit/log.ts';
import { createGuideAuditProjection } from './audit/guide-actions.ts';
import { auditRoutes } from './routes/audit.ts';
import { secureHeadersFor } from './http/secure-headers.ts';
import { ApiError, CODE_BY_STATUS, jsonError } from './http/errors.ts';
import { silentLogger, type Logger } from './logger.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { learnerRoutes } from './routes/learners.ts';
import { meRoutes } from './routes/me.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { statsRoutes } from './routes/stats.ts';
import { createStatsRollup } from './stats/rollup.ts';
import { syncRoutes } from './routes/sync.ts';
import { wardRoutes } from './routes/ward.ts';
import { guideRoutes } from './routes/guide.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { staffRoutes } from './routes/staff.ts';
import { planRoutes } from './routes/plans.ts';
import { displayRoutes } from './routes/displays.ts';
import { unitRoutes } from './routes/units.ts';
import { storyRoutes } from './routes/stories.ts';
import { storyPhotoRoutes } from './routes/story-photos.ts';
import { newsRoutes } from './routes/news.ts';
import { feedRoutes } from './routes/feeds.ts';
import { createStoryStore } from './news/store.ts';
import { createStoryPhotos } from './news/photos.ts';
import { unitFileRoutes } from './routes/unit-files.ts';
import { createFileStore } from './files/file-store.ts';
import { createUnitEvidence } from './units/evidence.ts';
import { lessonAudioRoutes } from './routes/lesson-audio.ts';
import { createLessonAudio } from './lesson-audio/store.ts';
import { createLessonAudioProjection } from './lesson-audio/projection.ts';
import { registerRoutes } from './routes/registers.ts';
import { createRegisterScreenshots } from './registers/screenshots.ts';
import { bulletinRoutes } from './routes/bulletins.ts';
import { outreachLogRoutes } from './routes/outreach-log.ts';
import { planReportRoutes } from './routes/plan-reports.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { createIndicatorReport, wardIndicators } from './indicators/report.ts';
import { createIndicatorTargets } from './indicators/targets.ts';
import { registerDifficulties } from './registers/report-difficulties.ts';
import { createReportStore } from './plans/report-store.ts';
import { createDashboard } from './stats/dashboard.ts';
import { createPlanStore } from './plans/store.ts';
import { createUnits } from './plans/units.ts';
import { createUnitProjection } from './units/projection.ts';
import { groupInUse } from './guide/group-use.ts';
import { createCheckinProjection } from './guide/checkins.ts';
import { createGuideProjection } from './guide/projections.ts';
import { createSelfCheckProjection } from './self-check/projection.ts';
import { createRecordPipeline } from './records/pipeline.ts';
import { createCatalogCheck } from './integrity/catalog-check.ts';
import { createIntegrity } from './integrity/holds.ts';
import { createHoldTable, rollupForHolds } from './integrity/hold-table.ts';
import { createAnomalies } from './integrity/anomalies.ts';
import { createSpotChecks } from './integrity/spot-checks.ts';
import { drawKeyOf } from './integrity/draw-key.ts';
import { integrityRoutes } from './routes/integrity.ts';
import { DEFAULT_PLAUSIBILITY } from '../shared/integrity/plausibility.ts';
import { certificateRoutes } from './routes/certificates.ts';
import { cityRoutes, type CityDeps } from './routes/city.ts';
import { recoveryRoutes } from './routes/recovery.ts';
import { residentMeRoutes } from './routes/resident-me.ts';
import { verifyPageRoutes } from './routes/verify-page.ts';
import { loadCatalog, type Catalog } from './resident/catalog.ts';
import { createResident } from './resident/index.ts';
import { registerStatic } from './static.ts';
import { APP_VERSION } from './version.ts';

export interface AppDeps {
  /** SQLite: the ward's file, through the synchronous builder (code not yet on the engine) and the engine over its connection. */
  db?: Db;
  /** The connection under db; taken from db when omitted. */
  sqlite?: Sqlite;
  /** PostgreSQL (DATABASE_URL): the engine alone; without db, ctx.db and ctx.sqlite refuse (db/sqlite-only.ts). */
  engine?: Engine;
  /** The spot-check drawing key; on SQLite a key file beside the database when omitted (integrity/draw-key.ts). */
  drawKey?: () => Buffer;
  config?: Partial<AppConfig>;
  now?: () => number;
  logger?: Logger;
  /** Courses certificates are checked against; read from distDir's content index when omitted. */
  catalog?: Catalog;
  /** Staff password hashing; built from config.passwordCost when omitted (tests count the checks). */
  passwords?: PasswordHasher;
  /** A deployment serving localities: this is the city's own app, with the city's routes (routes/city.ts). */
  city?: CityDeps;
}

/** Login password checks at once (each holds 128 MiB), and how many may wait
 * (about five seconds of checks at production cost). */
const LOGIN_CHECKS_PARALLEL = 2;
const LOGIN_CHECKS_WAITING = 32;

const UNIT_FILES_PATH = `${API_PREFIX}/unit-files`;
const STORY_PHOTOS_PATH = `${API_PREFIX}/story-photos`;
const LESSON_AUDIO_FILES_PATH = `${API_PREFIX}/lesson-audio/files`;
const REGISTER_SCREENSHOTS_PATH = `${API_PREFIX}/registers/screenshots`;
/** A file upload: its own larger limit, checked by its route. */
const isUpload = (method: string, path: string) =>
  method === 'PUT' && [UNIT_FILES_PATH, STORY_PHOTOS_PATH, LESSON_AUDIO_FILES_PATH, REGISTER_SCREENSHOTS_PATH].some((prefix) => path.startsWith(prefix));

export function createApp(deps: AppDeps) {
  const config: AppConfig = { version: APP_VERSION, trustProxy: false, ...deps.config };
  const now = deps.now ?? Date.now;
  const sqlite = deps.sqlite ?? deps.db?.$client;
  const engine = deps.engine ?? (sqlite ? engineOfSqlite(sqlite) : undefined);
  if (!engine) throw new Error('createApp needs a database: db (SQLite) or engine');
  const shared: Omit<AppContext, 'db' | 'sqlite'> = {
    engine,
    config,
    now,
    logger: deps.logger ?? silentLogger,
    clientIp: createClientIp(config.trustProxy),
    login: {
      guard: createLoginGuard(now, { ...DEFAULT_LOGIN_LIMITS, ...config.loginLimits }, { failures: windowsFor(engine, now)('login-failures'), pending: windowsFor(engine, now)('login-pending') }),
      queue: createHashQueue({ parallel: LOGIN_CHECKS_PARALLEL, capacity: LOGIN_CHECKS_WAITING }),
    },
    audit: createAuditLog(engine, now),
    passwords: deps.passwords ?? (config.passwordCost ? createPasswordHasher(config.passwordCost) : PRODUCTION_HASHER),
  };
  const ctx = Object.defineProperties(shared, sqliteProperties(deps.db, sqlite)) as AppContext;

  const app = new Hono<AppEnv>();
  // First, so error and not-found answers carry the headers too.
  app.use('*', secureHeadersFor(config));

  app.use('/api/*', async (c, next) => {
    const started = performance.now();
    await next();
    // API answers are personal or live: never let a cache (or the service
    // worker's runtime cache) keep them.
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    ctx.logger.debug('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
  });
  // Checked while streaming too, so a chunked body without Content-Length
  // cannot grow past the limit either. The rest of the body is never read,
  // so the connection cannot carry another request: say so (Connection:
  // close), or a client reusing it fails its next request.
  const jsonBodyLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => jsonError(c, 413, 'payload_too_large', `Request body is larger than ${MAX_BODY_BYTES} bytes`, { Connection: 'close' }) });
  // A file upload has its own, larger limit, checked the same way (routes/unit-files.ts, story-photos.ts, lesson-audio.ts, registers.ts).
  app.use('/api/*', (c, next) => (isUpload(c.req.method, c.req.path) ? next() : jsonBodyLimit(c, next)));
  app.use(`${API_PREFIX}/*`, csrfGuard(ctx, `${API_PREFIX}/auth/login`));

  const limits = createRequestLimits(ctx, config.requestLimits);
  app.use(`${API_PREFIX}/sync`, limits.sync);
  app.use(`${API_PREFIX}/guide/sync`, limits.guideSync);
  app.use(`${API_PREFIX}/units/sync`, limits.guideSync);
  app.use(`${API_PREFIX}/learners`, limits.register);
  app.use(`${UNIT_FILES_PATH}/*`, limits.uploads);
  app.use(`${STORY_PHOTOS_PATH}/*`, limits.uploads);
  app.use(`${REGISTER_SCREENSHOTS_PATH}/*`, limits.uploads);
  app.use(`${LESSON_AUDIO_FILES_PATH}/*`, limits.uploads);
  app.use(`${API_PREFIX}/recovery`, limits.recovery);
  app.use(`${API_PREFIX}/recovery-codes`, limits.recoveryCodes);

  app.route(`${API_PREFIX}/health`, healthRoutes(ctx));
  // Only the courses taught here: a local course of another locality is refused like an unknown one.
  const catalog = (deps.catalog ?? loadCatalog(config.distDir)).forLocality(config.locality);
  const holds = createHoldTable(ctx.engine);
  const statsRollup = createStatsRollup(ctx.engine, catalog, now, holds.counted);
  // Rebuilt or caught up before any API request is answered (syncs too: a guide's records roll up in theirs).
  const statsReady = statsRollup.ensureFresh();
  statsReady.catch((error: Error) => ctx.logger.error('stats rollups could not be brought up to date', { error: error.message }));
  // Learner records roll up after their sync answered (stats/catch-up.ts):
  // every other API request, and an erasure, sees them in the figures first.
  const syncPaths = new Set([`${API_PREFIX}/sync`, `${API_PREFIX}/guide/sync`, `${API_PREFIX}/units/sync`]);
  app.use('/api/*', async (c, next) => {
    await statsReady;
    if (!syncPaths.has(c.req.path)) await statsRollup.catchUp();
    await next();
  });
  const resident = createResident(ctx, catalog, {
    beforeErase: async () => {
      await statsReady;
      await statsRollup.catchUp();
    },
  });
  // Erasures a previous run stored but did not carry out are done before any request is answered.
  app.use('*', async (_c, next) => {
    await resident.ready;
    await next();
  });
  const integrity = createIntegrity(ctx.engine, { rollup: rollupForHolds(ctx.engine, statsRollup), catalog: resident.catalog, limits: { ...DEFAULT_PLAUSIBILITY, ...config.plausibility }, now });
  app.route(`${API_PREFIX}/learners`, learnerRoutes(ctx, integrity.registered));
  // Every offline record (learner and guide families) goes through one
  // pipeline; each feature keeps its tables in step through its projection,
  // run in this order inside the sync transaction (server/records/hooks.ts).
  const units = createUnits(ctx.engine);
  const plans = createPlanStore(ctx.engine, now);
  // Photos and scans, once each by content hash: FILES_DIR, else next to the database (DATA_DIR/files).
  const files = createFileStore(ctx.engine, filesDirOf(config, sqlite), now);
  const evidence = createUnitEvidence(ctx.engine, files, now);
  const lessonAudio = createLessonAudio(ctx.engine, files, now);
  const planReports = createReportStore(ctx.engine);
  const records = createRecordPipeline(ctx.engine, [
    createCatalogCheck(resident.catalog.courses), // lessons and courses the catalogue lacks are refused outright
    resident.projection, // consent and profile; erasure after the commit
    integrity.projection, // plausibility holds: before the stats rollup, which counts only what is not held
    createCheckinProjection(ctx.engine), // session check-ins, households joined by QR
    createGuideProjection(ctx.engine), // a guide's rights, then sessions, assisted learners, households
    statsRollup.projection, // dashboard rollups
    createSelfCheckProjection(ctx.engine), // the skills self-check: first and latest attempt per learner and skill group
    createGuideAuditProjection(ctx.engine, ctx.audit), // guide actions in the audit log
    createUnitProjection(ctx.engine, units, evidence, planReports, ctx.audit), // a unit officer's rights, issued periods' locks, then the unit's activities and their files
    createLessonAudioProjection(lessonAudio, resident.catalog.courses), // guides' recordings of lesson screens: the file first, then the record
  ]);
  app.route(`${API_PREFIX}/sync`, syncRoutes(ctx, records.learner, limits.syncPerLearner));
  app.route(`${API_PREFIX}/me`, meRoutes(ctx));
  app.route(`${API_PREFIX}/me`, residentMeRoutes(ctx, resident));
  app.route(`${API_PREFIX}/certificates`, certificateRoutes(ctx, resident));
  app.route(API_PREFIX, recoveryRoutes(ctx, resident, limits.recoveryCodesPerLearner));
  app.route(`${API_PREFIX}/auth`, authRoutes(ctx));
  app.route(`${API_PREFIX}/stats`, statsRoutes(ctx, resident.catalog));
  if (deps.city) app.route(`${API_PREFIX}/city`, cityRoutes(ctx, deps.city));
  app.route(`${API_PREFIX}/ward`, wardRoutes(ctx, groupInUse(ctx.engine)));
  app.route(`${API_PREFIX}/guide`, guideRoutes(ctx, resident.catalog, records.guide));
  app.route(`${API_PREFIX}/sessions`, sessionRoutes(ctx));
  app.route(`${API_PREFIX}/staff/audit`, auditRoutes(ctx, resident.catalog));
  app.route(`${API_PREFIX}/staff`, staffRoutes(ctx));
  app.route(`${API_PREFIX}/plans`, planRoutes(ctx, plans, units));
  app.route(UNIT_FILES_PATH, unitFileRoutes(ctx, units, evidence));
  app.route(`${API_PREFIX}/lesson-audio`, lessonAudioRoutes(ctx, lessonAudio));
  app.route(`${API_PREFIX}/units`, unitRoutes(ctx, units, plans, records.unit));
  const stories = createStoryStore(ctx.engine, now);
  app.route(`${API_PREFIX}/displays`, displayRoutes(ctx, resident.catalog, stories));
  const storyPhotos = createStoryPhotos(ctx.engine, files, now);
  app.route(`${API_PREFIX}/stories`, storyRoutes(ctx, stories, units, storyPhotos));
  app.route(STORY_PHOTOS_PATH, storyPhotoRoutes(ctx, stories, units, storyPhotos));
  app.route(`${API_PREFIX}/news`, newsRoutes(ctx, stories, files));
  app.route(`${API_PREFIX}/registers`, registerRoutes(ctx, units, plans, createRegisterScreenshots(ctx.engine, files, now)));
  app.route(`${API_PREFIX}/bulletins`, bulletinRoutes(ctx, units, plans, records.unit));
  app.route(`${API_PREFIX}/outreach-log`, outreachLogRoutes(ctx, units, plans, records.unit));
  const movement = createDashboard(ctx.engine, resident.catalog, now);
  const indicatorTargets = createIndicatorTargets(ctx.engine);
  const indicators = createIndicatorReport(ctx.engine);
  app.route(`${API_PREFIX}/plans`, indicatorRoutes(ctx, plans, indicatorTargets, indicators));
  app.route(
    `${API_PREFIX}/plans`,
    planReportRoutes(ctx, {
      plans,
      units,
      reports: planReports,
      movement: async (span) => (await movement.headline(span)).headline,
      // Part III: the difficulties register (server/registers).
      difficulties: registerDifficulties(ctx.engine, units),
      indicators: wardIndicators(indicators, indicatorTargets, now),
    }),
  );
  app.route(`${API_PREFIX}/integrity`, integrityRoutes(ctx, integrity, createAnomalies(ctx.engine, integrity.limits), createSpotChecks(ctx.engine, now, deps.drawKey ?? drawKeyOf(sqlite?.name ?? ':memory:'))));
  app.route('/api', openApiRoutes(ctx));
  app.all('/api/*', (c) => jsonError(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}`));

  // Before the static files: /verify/<code> is answered by the server, never by the app shell.
  app.use('/verify/*', limits.verify);
  app.route('/verify', verifyPageRoutes(ctx, resident));
  app.route('/feeds', feedRoutes(ctx, stories));
  // A locality's address reaches this app only where no city serves it: a 404, never the app
  // shell, which the phone would take for a locality and send its records to.
  app.all('/l/*', (c) => jsonError(c, 404, 'unknown_locality', 'This server serves one ward, not localities; check the link or QR code'));
  if (config.distDir) registerStatic(app, config.distDir, config.locality);

  app.notFound((c) => (c.req.path.startsWith('/api/') ? jsonError(c, 404, 'not_found', 'Not found') : c.text('Not found', 404)));

  app.onError((error, c) => {
    if (error instanceof ApiError) return jsonError(c, error.status, error.code, error.message, error.headers, error.more);
    if (error instanceof HTTPException && error.status < 500) {
      return jsonError(c, error.status, CODE_BY_STATUS[error.status] ?? 'bad_request', error.message || 'Bad request');
    }
    // A client that hung up mid-request (a phone losing signal, or anyone
    // on purpose) is not the server's failure: one debug line, no stack, so
    // hanging up cannot flood the operator's error log. Nobody reads the answer.
    if (clientHungUp(c.req.raw, error)) {
      ctx.logger.debug('client closed the connection mid-request', { method: c.req.method, path: c.req.path });
      return jsonError(c, 400, 'request_aborted', 'The request ended before its body arrived');
    }
    // Logged for the operator; the client gets no stack and no SQL.
    ctx.logger.error('unhandled error', { method: c.req.method, path: c.req.path, error, stack: error.stack });
    return jsonError(c, 500, 'internal', 'Something went wrong on the server');
  });

  return Object.assign(app, {
    /** Brings the dashboard's figures up to date with every stored record, as any API request does first (the city's view reads them). */
    async settleFigures(): Promise<void> {
      await statsReady;
      await statsRollup.catchUp();
    },
  });
}

export type App = ReturnType<typeof createApp>;

/** The file store's folder: the configured one, else `files` beside the SQLite file; PostgreSQL has no file to be beside. */
function filesDirOf(config: AppConfig, sqlite: Sqlite | undefined): string {
  if (config.filesDir) return config.filesDir;
  if (sqlite) return join(dirname(sqlite.name), 'files');
  throw new Error('config.filesDir is required on PostgreSQL (FILES_DIR)');
}

/** The request's connection closed before its body arrived (Node's codes for it, or the request's own abort signal). */
function clientHungUp(request: Request, error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? ((error.cause as NodeJS.ErrnoException | undefined)?.code);
  return request.signal?.aborted === true || code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || error.message === 'aborted';
}
