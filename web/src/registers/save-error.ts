// What a failed save (or list) says: "not saved, no connection" when offline (the
// registers have no outbox, so nothing pretends to be kept), the server's
// reason otherwise.
import { errorText, type ErrorKeys } from '../net/error-message.ts';

export const REGISTER_ERRORS: ErrorKeys = {
  offline: 'registers.notSavedOffline',
  failed: 'registers.failed',
  byCode: { forbidden: 'registers.otherUnit', not_in_plan: 'registers.notInPlan', unknown_plan: 'registers.unknownPlan', invalid_request: 'registers.invalid', already_handled: 'registers.alreadyHandled' },
  byStatus: { 401: 'registers.needLogin' },
};

export const saveErrorText = (err: unknown) => errorText(err, REGISTER_ERRORS);

/** A list that could not be read: offline is the page's own offline words, not "not saved". */
export const loadErrorText = (err: unknown) => errorText(err, { ...REGISTER_ERRORS, offline: 'registers.offline', failed: 'registers.loadFailed' });
