// The record registry: every kind of offline record, grouped in families by
// who records it. A family is one outbox on the phone, one sync route and one
// table on the server, all driven by the same pipeline (web/src/sync,
// server/records). To add a type: write its schema in shared/events/<area>.ts
// and list it in its family here. To add a family: add it here, then give it
// a store on the server (server/records/families.ts) and a route.
//
// Extend with new types; never rename a type or a field (phones in the field
// keep old code for a while).
import { z } from 'zod';
import { guideEventSchemas, learnerGuideEventSchemas } from './events/guide.ts';
import { learningEventSchemas } from './events/learning.ts';
import { residentEventSchemas } from './events/resident.ts';
import { unitEventSchemas } from './events/unit.ts';
import { selfCheckEventSchemas } from './events/self-check.ts';
import type { StaffRole } from './api.ts';

export { deviceIdSchema, groupIdSchema, secretSchema, slugSchema, uuidSchema } from './events/primitives.ts';
export { lessonCompletedSchema, lessonStartedSchema } from './events/learning.ts';

/** Who may record a family's events: a learner's own credentials, or a logged-in staff role. */
export type Recorder = { kind: 'learner' } | { kind: 'staff'; roles: readonly StaffRole[] };

type Member = z.core.$ZodTypeDiscriminable;
const family = <const S extends readonly [Member, ...Member[]]>(recorder: Recorder, schemas: S) => {
  const schema = z.discriminatedUnion('type', schemas);
  const types: readonly string[] = [...(schema._zod.propValues.type ?? [])].map(String);
  return { recorder, schema, types };
};

export const RECORD_FAMILIES = {
  /** A resident's own phone: learning, check-ins, consent and profile, the skills self-check. */
  learner: family({ kind: 'learner' }, [...learningEventSchemas, ...learnerGuideEventSchemas, ...residentEventSchemas, ...selfCheckEventSchemas]),
  /** A guide's phone: sessions, assisted learners, completions and outcomes recorded in person, households. */
  guide: family({ kind: 'staff', roles: ['guide'] }, guideEventSchemas),
  /** A unit officer's phone or PC: the unit's outreach activities under the ward's plans. */
  unit: family({ kind: 'staff', roles: ['unit'] }, unitEventSchemas),
};
export type RecordFamilyName = keyof typeof RECORD_FAMILIES;
export type RecordFamily = (typeof RECORD_FAMILIES)[RecordFamilyName];

export type LearningEvent = z.infer<typeof RECORD_FAMILIES.learner.schema>;
export type GuideEvent = z.infer<typeof RECORD_FAMILIES.guide.schema>;
export type UnitEvent = z.infer<typeof RECORD_FAMILIES.unit.schema>;
/** The event of each family, by family name. */
export interface RecordOf {
  learner: LearningEvent;
  guide: GuideEvent;
  unit: UnitEvent;
}
export type LearningEventOf<T extends LearningEvent['type']> = Extract<LearningEvent, { type: T }>;
export type GuideEventOf<T extends GuideEvent['type']> = Extract<GuideEvent, { type: T }>;
export type UnitEventOf<T extends UnitEvent['type']> = Extract<UnitEvent, { type: T }>;
export type LessonCompletedEvent = LearningEventOf<'lesson.completed'>;
export type LessonStartedEvent = LearningEventOf<'lesson.started'>;

export const eventSchema = RECORD_FAMILIES.learner.schema;
export const guideEventSchema = RECORD_FAMILIES.guide.schema;
export const EVENT_TYPES = RECORD_FAMILIES.learner.types;
export const GUIDE_EVENT_TYPES = RECORD_FAMILIES.guide.types;
export const unitEventSchema = RECORD_FAMILIES.unit.schema;

/**
 * Why `type` may not be sent in `family`, when another family owns it and
 * only staff record that one (a learner's credentials must never record a
 * guide's work); undefined when the type is simply unknown to the family.
 */
export function foreignTypeRefusal(familyName: RecordFamilyName, type: string): string | undefined {
  if (RECORD_FAMILIES[familyName].types.includes(type)) return undefined;
  for (const other of Object.values(RECORD_FAMILIES)) {
    if (other.recorder.kind === 'staff' && other.types.includes(type)) return `Only a ${other.recorder.roles.join(' or ')} can record "${type}"`;
  }
  return undefined;
}
