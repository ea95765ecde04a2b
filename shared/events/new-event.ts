// Builds a record on the phone: the envelope (a new time-ordered id, the
// phone's device id, the recorder, the time) around a typed body. Free of zod
// on purpose (type-only imports), so it costs a resident's phone a few bytes.
import type { GuideEvent, LearningEvent } from '../events.ts';
import type { LearnerEnvelopeKey, StaffEnvelopeKey } from './envelope.ts';
import { uuidv7 } from '../ids.ts';

type BodyOf<E, K extends PropertyKey> = E extends unknown ? Omit<E, K> : never;
/** A learner record without its envelope. */
export type LearnerEventBody = BodyOf<LearningEvent, LearnerEnvelopeKey>;
/** A guide record without its envelope. */
export type GuideEventBody = BodyOf<GuideEvent, StaffEnvelopeKey>;

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

export function newEvent<T extends LearningEvent['type']>(
  me: LearnerRecorder,
  body: Extract<LearnerEventBody, { type: T }>,
  at?: number,
): Extract<LearningEvent, { type: T }>;
export function newEvent<T extends GuideEvent['type']>(me: GuideRecorder, body: Extract<GuideEventBody, { type: T }>, at?: number): Extract<GuideEvent, { type: T }>;
export function newEvent(me: LearnerRecorder | GuideRecorder, body: LearnerEventBody | GuideEventBody, at: number = Date.now()): LearningEvent | GuideEvent {
  const head = { id: uuidv7(at), deviceId: me.deviceId, occurredAt: new Date(at).toISOString() };
  // The body's type field pairs it with its family; the overloads keep callers honest.
  return ('guideId' in me ? { ...head, recordedBy: me.guideId, ...body } : { ...head, learnerId: me.learnerId, ...body }) as LearningEvent | GuideEvent;
}
