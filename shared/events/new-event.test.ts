// The phone's typed record builder: what it builds passes the server's
// schema for its family, and what the type checker refuses (the @ts-expect-error
// lines below fail `npm run typecheck` if they ever compile).
import { describe, expect, it } from 'vitest';
import { RECORD_FAMILIES, foreignTypeRefusal } from '../events.ts';
import { newEvent } from './new-event.ts';

const learner = { learnerId: '01890a5d-ac96-774b-bcce-b302099a8057', deviceId: 'device-0001' };
const guide = { guideId: 'guide-1', deviceId: 'guide-device-01' };
const AT = Date.parse('2026-12-04T08:00:00.000Z');

describe('newEvent', () => {
  it('wraps a learner body in the learner envelope, valid for the learner family', () => {
    const e = newEvent(learner, { type: 'session.joined', code: 'ACDE3467', method: 'qr' }, AT);
    expect(e).toMatchObject({ learnerId: learner.learnerId, deviceId: learner.deviceId, occurredAt: '2026-12-04T08:00:00.000Z', code: 'ACDE3467' });
    expect(e.id.slice(0, 8)).toBe(AT.toString(16).padStart(12, '0').slice(0, 8)); // UUID v7 carries the time
    expect(RECORD_FAMILIES.learner.schema.safeParse(e).success).toBe(true);
    expect(RECORD_FAMILIES.guide.schema.safeParse(e).success).toBe(false);
  });

  it('wraps a guide body in the staff envelope, valid for the guide family', () => {
    const e = newEvent(guide, { type: 'session.closed', sessionId: '01890a5d-ac96-774b-bcce-b302099a8058' }, AT);
    expect(e).toMatchObject({ recordedBy: 'guide-1', deviceId: guide.deviceId });
    expect('learnerId' in e).toBe(false);
    expect(RECORD_FAMILIES.guide.schema.safeParse(e).success).toBe(true);
  });

  it('gives every record a new id', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newEvent(learner, { type: 'learner.deletion-requested' }, AT).id));
    expect(ids.size).toBe(50);
  });

  it('is refused by the type checker for a body the server would reject', () => {
    const wrong = [
      // @ts-expect-error a field the schema does not know
      newEvent(learner, { type: 'session.joined', code: 'ACDE3467', method: 'qr', extra: 1 }),
      // @ts-expect-error a missing field
      newEvent(learner, { type: 'session.joined', code: 'ACDE3467' }),
      // @ts-expect-error a guide's type under a learner's identity
      newEvent(learner, { type: 'session.closed', sessionId: '01890a5d-ac96-774b-bcce-b302099a8058' }),
    ];
    for (const e of wrong) expect(RECORD_FAMILIES.learner.schema.safeParse(e).success).toBe(false);
    // @ts-expect-error a learner's type under a guide's identity
    const fromGuide = newEvent(guide, { type: 'lesson.started', courseId: 'a', lessonId: 'b' });
    expect(RECORD_FAMILIES.guide.schema.safeParse(fromGuide).success).toBe(false);
  });
});

describe('record registry', () => {
  it('names each type once per family, and refuses staff types from learners', () => {
    for (const f of Object.values(RECORD_FAMILIES)) expect(new Set(f.types).size).toBe(f.types.length);
    expect(foreignTypeRefusal('learner', 'assisted.registered')).toBe('Only a guide can record "assisted.registered"');
    // lesson.completed is in both families: each sends its own shape.
    expect(foreignTypeRefusal('learner', 'lesson.completed')).toBeUndefined();
    expect(foreignTypeRefusal('guide', 'lesson.started')).toBeUndefined();
  });
});
