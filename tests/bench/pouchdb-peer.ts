// The PouchDB peer for the sync bench: what an off-the-shelf offline-first
// sync server does with the same events. express-pouchdb over pouchdb-node
// (LevelDB) on loopback, in a temporary directory; each batch is one
// `_bulk_docs` POST with the event id as _id, from the same 8 concurrent
// streams of phones as our own measurement.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drive, type BenchPhone } from './sync-ingest.ts';

const require = createRequire(import.meta.url);

interface PouchStatic {
  defaults(opts: { prefix: string }): PouchStatic;
}

export async function benchPouchPeer(clients: BenchPhone[][]): Promise<{ seconds: number; stored: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-bench-pouch-'));
  const PouchDB = require('pouchdb-node') as PouchStatic;
  const expressPouchDB = require('express-pouchdb') as (db: PouchStatic, opts: object) => { listen(port: number, host: string): Server };
  const server = expressPouchDB(PouchDB.defaults({ prefix: `${dir}/` }), {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: join(dir, 'log.txt'),
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  try {
    const created = await fetch(url, { method: 'PUT' });
    if (created.status !== 201) throw new Error(`PouchDB peer: create database: ${created.status}`);
    const seconds = await drive(clients, async (_phone, events) => {
      const docs = events.map(({ id, ...rest }) => ({ _id: id, ...rest }));
      const res = await fetch(`${url}/_bulk_docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs }) });
      const body = (await res.json()) as Array<{ ok?: boolean }>;
      if (res.status !== 201 || !body.every((r) => r.ok)) throw new Error(`PouchDB peer: _bulk_docs: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    });
    const info = (await (await fetch(url)).json()) as { doc_count: number };
    return { seconds, stored: info.doc_count };
  } finally {
    await new Promise((r) => server.close(r));
    server.closeAllConnections?.();
    rmSync(dir, { recursive: true, force: true });
  }
}
