// A process serving a city (DEPLOYMENT=city): the home app is the city's own,
// over the city's store, with the city's routes (its staff are the city's);
// each locality the city admin adds is served at /l/<slug>/ by an app of its
// own (app.ts createApp, exactly a single ward's) over its own store, with its
// own files folder, spot-check key, cookies and log field, so nothing of one
// locality is written or read beside another's. server/main.ts calls this;
// tests call it in-process.
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { createApp, type AppDeps } from '../app.ts';
import type { AppConfig } from '../context.ts';
import { DB_FILE_NAME } from '../db/open.ts';
import type { Engine } from '../db/engine/engine.ts';
import { privateDir } from '../db/private-files.ts';
import { drawKeyOf } from '../integrity/draw-key.ts';
import { createCityApp } from '../localities/city-app.ts';
import { createLocalityRegistry } from '../localities/registry.ts';
import { localityDataDir, localityStores, type LocalityStoresOn } from '../localities/stores.ts';
import type { Logger } from '../logger.ts';
import { loadCatalog } from '../resident/catalog.ts';
import { createCityFigureStamps } from '../stats/figure-changes.ts';
import { createCityOverview } from './overview.ts';

export interface CityDeploymentDeps extends Pick<AppDeps, 'db' | 'sqlite' | 'engine' | 'drawKey' | 'now' | 'catalog' | 'passwords'> {
  /** The city's own store: the home app's, and the list of localities. */
  engine: Engine;
  /** Where the localities' stores are: SQLite files under DATA_DIR, or schemas on the city's PostgreSQL pool. */
  on: LocalityStoresOn;
  /** DATA_DIR: each locality's own folder (its SQLite file, spot-check key and, without FILES_DIR, its files). */
  dataDir: string;
  /** FILES_DIR when set: each locality's files go in localities/<slug> under it. */
  filesRoot?: string;
  /** SPOT_CHECK_KEY when set: each locality's key is derived from it, so every process draws alike. */
  spotCheckKey?: Buffer;
  logger: Logger;
  /** The home app's configuration (its filesDir is the city's own); the localities' apps share the rest. */
  config: Partial<AppConfig>;
}

/** A locality's files: under FILES_DIR/localities/<slug>, else beside its SQLite file (DATA_DIR/localities/<slug>/files). */
export const localityFilesDir = (deps: Pick<CityDeploymentDeps, 'dataDir' | 'filesRoot'>, slug: string) =>
  deps.filesRoot ? join(deps.filesRoot, 'localities', slug) : join(localityDataDir(deps.dataDir, slug), 'files');

/** A locality's spot-check key: from SPOT_CHECK_KEY (each locality's its own), else a key file in its folder. */
function localityDrawKey(deps: CityDeploymentDeps, slug: string): () => Buffer {
  if (deps.spotCheckKey) {
    const key = createHmac('sha256', deps.spotCheckKey).update(`hvs-locality-draw-key\n${slug}`).digest();
    return () => key;
  }
  const dir = localityDataDir(deps.dataDir, slug);
  const fromFile = drawKeyOf(join(dir, DB_FILE_NAME));
  return () => {
    privateDir(dir); // on PostgreSQL the folder holds only the key
    return fromFile();
  };
}

/** Every line a locality's app logs names the locality. */
const loggerFor = (logger: Logger, slug: string): Logger => ({
  debug: (msg, fields) => logger.debug(msg, { locality: slug, ...fields }),
  info: (msg, fields) => logger.info(msg, { locality: slug, ...fields }),
  warn: (msg, fields) => logger.warn(msg, { locality: slug, ...fields }),
  error: (msg, fields) => logger.error(msg, { locality: slug, ...fields }),
});

export function createCityDeployment(deps: CityDeploymentDeps) {
  const now = deps.now ?? Date.now;
  const registry = createLocalityRegistry(deps.engine);
  const stores = localityStores(deps.on);
  // Read once: every app of the process checks records against the same courses.
  const catalog = deps.catalog ?? loadCatalog(deps.config.distDir);
  const { filesDir: _homeFiles, ...shared } = deps.config;
  const common = { catalog, now, passwords: deps.passwords };

  let served!: ReturnType<typeof createCityApp>;
  const overview = createCityOverview(registry, stores, createCityFigureStamps(deps.on, stores), now, async (slug) => (await served.localityApp(slug)).settleFigures?.());
  const home = createApp({
    ...(deps.db ? { db: deps.db, sqlite: deps.sqlite } : { engine: deps.engine }),
    ...common,
    drawKey: deps.drawKey,
    logger: deps.logger,
    config: deps.config,
    city: { registry, overview, openStore: (slug) => stores.engineOf(slug) },
  });
  served = createCityApp({
    home,
    registry,
    stores,
    appFor: (slug, engine) =>
      createApp({
        engine,
        ...common,
        drawKey: localityDrawKey(deps, slug),
        logger: loggerFor(deps.logger, slug),
        config: { ...shared, filesDir: localityFilesDir(deps, slug), locality: slug },
      }),
  });

  return {
    /** Answers every request: /l/<slug>/… to the locality's app, the rest to the home app. */
    app: served,
    home,
    registry,
    stores,
    /** The city's view over its localities, as GET /api/v1/city/overview reads it (before the targets). */
    overview,
    /** Runs a chore (file pruning, sweeping counts) over every locality's store and files folder, one at a time. */
    async eachLocality(chore: (slug: string, engine: Engine, filesDir: string) => Promise<void>): Promise<void> {
      for (const { slug } of await registry.list()) await chore(slug, await stores.engineOf(slug), localityFilesDir(deps, slug));
    },
    /** Closes the localities' stores (the city's own store is the caller's). */
    close: () => stores.close(),
  };
}

export type CityDeployment = ReturnType<typeof createCityDeployment>;
