import { RECORD_FAMILIES } from '../shared/events.ts';
import { makePhones } from '../tests/bench/sync-ingest.ts';
const batches = makePhones(2000).flat().flatMap((p) => p.batches);
const events = batches.flat();
const schema = RECORD_FAMILIES.learner.schema;
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  let ok = 0;
  for (const e of events) if (schema.safeParse(e).success) ok++;
  const zodMs = performance.now() - t;
  t = performance.now();
  for (const e of events) JSON.stringify(e);
  const strMs = performance.now() - t;
  t = performance.now();
  for (const b of batches) JSON.parse(JSON.stringify({ deviceId: 'x', events: b }));
  const parseMs = performance.now() - t;
  console.log(events.length, 'events; zod µs/event', (1000 * zodMs / events.length).toFixed(2), 'stringify µs/event', (1000 * strMs / events.length).toFixed(2), 'parse+stringify batch µs/event', (1000 * parseMs / events.length).toFixed(2), ok);
}
