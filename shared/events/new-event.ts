// Builds a record on the phone: the envelope (a new time-ordered id, the
// phone's device id, the recorder, the time) around a typed body. Free of zod
// on purpose (type-only imports), so it costs a resident's phone a few bytes.
import type { GuideEvent, LearningEvent, UnitEvent } from '../events.ts';
import type { LearnerEnvelopeKey, StaffEnvelopeKey } from './envelope.ts';
import { uuidv7 } from '../ids.ts';

type BodyOf<E, K extends PropertyKey> = E extends unknown ? Omit<E, K> : never;
/** A learner record without its envelope. */
export type LearnerEventBody = BodyOf<LearningEvent, LearnerEnvelopeKey>;
/** A guide record without its envelope. */
export type GuideEventBody = BodyOf<GuideEvent, StaffEnvelopeKey>;
/** A unit officer's record without its envelope. */
export type UnitEventBody = BodyOf<UnitEvent, StaffEnvelopeKey>;

/** A resident's phone recording for one learner profile. */
export interface LearnerRecorder {
  learnerId: string;
  deviceId: string;
}
/** A guide's phone recording under the guide's login. */
export interface GuideRecorder {
  guideId: string;
  deviceId: string;
}

/** A unit officer's phone or PC recording under the officer's login. */
export interface UnitRecorder {
  officerId: string;
  deviceId: string;
}

export function newEvent<T extends LearningEvent['type']>(
  me: LearnerRecorder,
  body: Extract<LearnerEventBody, { type: T }>,
  at?: number,
): Extract<LearningEvent, { type: T }>;
export function newEvent<T extends GuideEvent['type']>(me: GuideRecorder, body: Extract<GuideEventBody, { type: T }>, at?: number): Extract<GuideEvent, { type: T }>;
export function newEvent<T extends UnitEvent['type']>(me: UnitRecorder, body: Extract<UnitEventBody, { type: T }>, at?: number): Extract<UnitEvent, { type: T }>;
export function newEvent(
  me: LearnerRecorder | GuideRecorder | UnitRecorder,
  body: LearnerEventBody | GuideEventBody | UnitEventBody,
  at: number = Date.now(),
): LearningEvent | GuideEvent | UnitEvent {
  const head = { id: uuidv7(at), deviceId: me.deviceId, occurredAt: new Date(at).toISOString() };
  // The body's type field pairs it with its family; the overloads keep callers honest.
  if ('guideId' in me) return { ...head, recordedBy: me.guideId, ...body } as GuideEvent;
  if ('officerId' in me) return { ...head, recordedBy: me.officerId, ...body } as UnitEvent;
  return { ...head, learnerId: me.learnerId, ...body } as LearningEvent;
}
