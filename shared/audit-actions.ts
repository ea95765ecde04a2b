// The audit log's action names, "<area>.<verb>", in a file without zod so the
// admin screen can list them without downloading the validation library.
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.login_locked',
  'auth.logout',
  'auth.password_changed',
  'staff.created',
  'staff.groups_changed',
  'staff.password_set',
  'staff.password_reset',
  'staff.disabled',
  'staff.enabled',
  'ward.updated',
  'ward.group_saved',
  'ward.group_deleted',
  'ward.imported',
  'guide.session_created',
  'guide.session_closed',
  'guide.learner_registered',
  'guide.lesson_recorded',
  'guide.outcome_confirmed',
  'guide.household_created',
  'guide.household_linked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
