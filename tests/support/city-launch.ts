// A city deployment for browser tests, until `npm start` serves one: the
// city's own app at "/" and each locality's app at /l/<slug>/ (createCityApp),
// every store a SQLite file under DATA_DIR (the city's, and
// localities/<slug>/ for each), serving the built PWA from DIST_DIR. Run as a
// process of its own (city-process.ts), as an operator's server would be.
// Environment: PORT, DATA_DIR, DIST_DIR, LOCALITIES ("slug:Name,slug:Name").
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import { createCityOverview } from '../../server/city/overview.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { openDb } from '../../server/db/open.ts';
import { createCityApp } from '../../server/localities/city-app.ts';
import { createLocalityRegistry } from '../../server/localities/registry.ts';
import { localityDataDir, localityStores } from '../../server/localities/stores.ts';
import { loadCatalog } from '../../server/resident/catalog.ts';

const dataDir = process.env.DATA_DIR!;
const distDir = process.env.DIST_DIR!;
const port = Number(process.env.PORT);
const drawKey = () => Buffer.alloc(32, 7);
const catalog = loadCatalog(distDir);
// Records a test clicks through in seconds are held for review like any other; many learners on one test phone are not suspicious here.
const appOver = (engine: Engine, filesDir: string, city?: Parameters<typeof createApp>[0]['city']) =>
  createApp({ engine, catalog, drawKey, config: { distDir, filesDir, plausibility: { maxLearnersPerDevice: 1_000 } }, ...(city ? { city } : {}) });

const cityEngine = engineOfSqlite(openDb(dataDir).sqlite);
const registry = createLocalityRegistry(cityEngine);
for (const [i, entry] of (process.env.LOCALITIES ?? '').split(',').filter(Boolean).entries()) {
  const [slug, name] = entry.split(':');
  if (!(await registry.find(slug))) await registry.add({ slug, name, kind: 'ward' }, Date.now() + i);
}
const stores = localityStores({ kind: 'sqlite', dataDir });
let served!: ReturnType<typeof createCityApp>;
const overview = createCityOverview(registry, stores, catalog, Date.now, async (slug) => (await served.localityApp(slug)).settleFigures?.());
served = createCityApp({
  home: appOver(cityEngine, join(dataDir, 'files'), { registry, overview, openStore: (slug) => stores.engineOf(slug) }),
  registry,
  stores,
  appFor: (slug, engine) => appOver(engine, join(localityDataDir(dataDir, slug), 'files')),
});

const server = serve({ fetch: served.fetch, hostname: '127.0.0.1', port }, () => console.log(`city ready on ${port}`));
process.on('SIGTERM', () => {
  server.close(() => void stores.close().then(() => cityEngine.close()).then(() => process.exit(0)));
  setTimeout(() => process.exit(1), 5_000).unref();
});
