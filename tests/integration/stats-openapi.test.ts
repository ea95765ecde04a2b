// The OpenAPI document's dashboard schemas describe what the server really
// sends: real answers (with "<5" and "*" cells) parse with the same zod schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardSchema, sectionSchemas } from '../../shared/stats/schemas.ts';
import { createStaff, login, setupTestApp, type TestApp } from './helpers.ts';
import { NOW, seedFixture } from './dashboard-support.ts';
import { CATALOG } from './resident-support.ts';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = setupTestApp({ now: NOW, catalog: CATALOG });
  await seedFixture(t);
  await createStaff(t, 'office', 'reviewer');
  cookie = await login(t, 'office', 'correct horse battery');
}, 60_000);
afterAll(() => t.close());

describe('stats in the OpenAPI document', () => {
  it('real answers match the documented schemas exactly', async () => {
    const get = async (path: string) => (await t.request(`/api/v1/stats/${path}`, { headers: { cookie } })).json();
    const body = await get('dashboard?from=2025-06-01&to=2025-06-20');
    expect(JSON.stringify(body)).toContain('"*"');
    expect(dashboardSchema.strict().parse(body)).toEqual(body);
    for (const [name, schema] of Object.entries(sectionSchemas)) {
      const section = await get(name === 'freshness' ? name : `${name}?from=2025-06-01&to=2025-06-20`);
      expect(schema.strict().parse(section), name).toEqual(section);
    }
  });

  it('documents every dashboard endpoint with its query, roles and errors', async () => {
    const doc = await (await t.request('/api/openapi.json')).json();
    const dash = doc.paths['/api/v1/stats/dashboard'].get;
    expect(dash.parameters.map((p: { name: string }) => p.name)).toEqual(['from', 'to', 'group']);
    expect(Object.keys(dash.responses).sort()).toEqual(['200', '400', '401', '403']);
    expect(doc.components.schemas.Dashboard.required).toContain('coverage');
    expect(JSON.stringify(doc.components.schemas.StatsCoverage)).toContain('"<5"');
    expect(doc.paths['/api/v1/stats/export.xlsx'].get.parameters.map((p: { name: string }) => p.name)).toContain('lang');
    expect(doc.paths['/api/v1/ward/import'].post.responses['422'].content['application/json'].schema.$ref).toBe('#/components/schemas/WardImportRows');
  });
});
