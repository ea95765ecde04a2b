import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouteKeys, ROUTES } from '../support/route-inventory.ts';
import { setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(() => {
  t = setupTestApp();
});
afterAll(() => t.close());

describe('GET /api/openapi.json', () => {
  it('describes every route with schemas generated from the shared zod schemas', async () => {
    const res = await t.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe('0.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/openapi.json',
        '/api/v1/health',
        '/api/v1/learners',
        '/api/v1/sync',
        '/api/v1/me/progress',
        '/api/v1/auth/login',
        '/api/v1/auth/logout',
        '/api/v1/auth/me',
        '/api/v1/stats/summary',
        '/api/v1/certificates',
        '/api/v1/recovery-codes',
        '/api/v1/recovery',
        '/api/v1/me',
        '/api/v1/guide/me',
        '/api/v1/guide/sync',
        '/api/v1/guide/sessions',
        '/api/v1/guide/sessions/{id}',
        '/api/v1/guide/groups/{groupId}/follow-up',
        '/api/v1/guide/groups/{groupId}/households',
        '/api/v1/guide/report',
        '/api/v1/guide/report.csv',
        '/api/v1/sessions/{code}',
        '/api/v1/staff',
        '/api/v1/staff/{username}/groups',
        '/api/v1/staff/audit',
        '/api/v1/staff/{username}/password',
        '/api/v1/staff/{username}/disabled',
        '/api/v1/auth/password',
        ...['dashboard', 'headline', 'coverage', 'ranking', 'courses', 'demographics', 'trend', 'freshness', 'report', 'report/narrative', 'report.docx', 'export.csv', 'export.xlsx'].map((s) => `/api/v1/stats/${s}`),
        '/api/v1/ward',
        '/api/v1/ward/admin',
        '/api/v1/ward/admin/poster',
        '/api/v1/ward/groups/{id}',
        '/api/v1/ward/import',
        '/api/v1/plans',
        '/api/v1/plans/import',
        '/api/v1/plans/{id}',
        '/api/v1/plans/{id}/indicators',
        '/api/v1/plans/{id}/indicators/targets',
        '/api/v1/plans/{id}/report',
        '/api/v1/plans/{id}/report.docx',
        '/api/v1/plans/{id}/report/annex.xlsx',
        '/api/v1/plans/{id}/report/issue',
        '/api/v1/plans/{id}/report/text',
        '/api/v1/plans/{id}/tracker',
        '/api/v1/units',
        '/api/v1/units/me',
        '/api/v1/units/sync',
        '/api/v1/units/{id}',
        '/api/v1/units/{id}/activities',
        '/api/v1/displays',
        '/api/v1/displays/{id}',
        '/api/v1/displays/hours',
        '/api/v1/displays/{id}/feed',
        '/api/v1/displays/{id}/hours',
        '/api/v1/stories',
        '/api/v1/bulletins',
        '/api/v1/bulletins/{id}',
        '/api/v1/bulletins/{id}/aired',
        '/api/v1/outreach-log',
        '/api/v1/story-photos/{sha256}',
        '/api/v1/news/photos/{sha256}',
        '/api/v1/stories/{id}',
        '/api/v1/stories/{id}/submit',
        '/api/v1/stories/{id}/approve',
        '/api/v1/stories/{id}/publish',
        '/api/v1/stories/{id}/unpublish',
        '/api/v1/news',
        '/api/v1/news/{id}',
        '/api/v1/unit-files/{sha256}',
        ...['files/{sha256}', 'courses/{courseId}', 'recordings', 'recordings/{id}/audio', 'recordings/{id}/approve', 'recordings/{id}/reject'].map((s) => `/api/v1/lesson-audio/${s}`),
        ...['screenshots/{sha256}', 'difficulties', 'difficulties/{id}', 'difficulties/{id}/handling', 'misinformation', 'misinformation/{id}', 'budget', 'budget/{id}', 'budget/{id}/decision'].map((s) => `/api/v1/registers/${s}`),
        '/api/v1/integrity/anomalies',
        '/api/v1/stats/official-kinds',
        '/api/v1/stats/self-check',
        '/api/v1/integrity/spot-checks',
        '/api/v1/integrity/spot-checks/latest',
        '/api/v1/integrity/spot-checks/{id}/items/{itemNo}',
        '/api/v1/integrity/learners/{learnerId}/review',
      ].sort(),
    );
    const schemas = doc.components.schemas;
    // Taken from the zod schemas, not written by hand:
    expect(schemas.RegisterLearner.required).toEqual(['id', 'secret']);
    expect(schemas.RegisterLearner.additionalProperties).toBe(false);
    expect(schemas.SyncRequest.properties.events.maxItems).toBe(500);
    expect(schemas.SyncResponse.properties.results.items.properties.status.enum).toEqual(['accepted', 'duplicate', 'rejected', 'conflict']);
    expect(JSON.stringify(schemas.Event)).toContain('lesson.completed');
    expect(schemas.Error.properties.error.required).toEqual(['code', 'message']);
    const statsParams = doc.paths['/api/v1/stats/summary'].get.parameters.map((p: { name: string; schema: { format?: string } }) => [p.name, p.schema.format]);
    expect(statsParams).toEqual([
      ['from', 'date'],
      ['to', 'date'],
    ]);
    // Guide mode: the event union and the household list come from the shared schemas.
    expect(JSON.stringify(schemas.GuideEvent)).toContain('household.linked');
    expect(schemas.GuideSyncRequest.properties.events.maxItems).toBe(500);
    expect(schemas.HouseholdList.properties.households.items.required).toEqual(['id', 'label', 'members', 'covered']);
    expect(doc.paths['/api/v1/guide/groups/{groupId}/households'].get.security).toEqual([{ staffSession: [] }]);
    // Public, and saying so: no credential is asked for.
    expect(doc.paths['/api/v1/sessions/{code}'].get.security).toEqual([]);
    // Every $ref resolves.
    for (const [, name] of JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g)) expect(schemas).toHaveProperty(name);
  });

  it('has an operation for every route the app serves, each named once, with the security of its rights row', async () => {
    const doc = await (await t.request('/api/openapi.json')).json();
    const ids = new Set<string>();
    for (const key of appRouteKeys(t.app)) {
      const [method, pattern] = key.split(' ');
      const op = doc.paths[pattern.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(op, key).toBeDefined();
      expect(op.operationId, key).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
      expect(ids.has(op.operationId), `${key}: ${op.operationId} used twice`).toBe(false);
      ids.add(op.operationId);
      // Who may call it, as the rights table (tests/support/route-inventory.ts) has it.
      const rights = ROUTES.find((r) => r.key === key)!.rights;
      const expected = rights.anonymous === 'ok' ? 'anyone' : rights.learner === 'ok' ? 'learner' : 'staffSession';
      const security: Array<Record<string, unknown>> = op.security;
      const actual = security.length === 0 || security.some((s) => Object.keys(s).length === 0) ? 'anyone' : Object.keys(security[0])[0];
      expect(actual, key).toBe(expected);
    }
    // And nothing is described that the app does not serve.
    expect(Object.values(doc.paths).flatMap((item) => Object.keys(item as object)).length).toBe(ids.size);
  });
});
