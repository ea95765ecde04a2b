// Staff account maintenance shapes: an admin's password reset and disabling,
// and a staff member changing their own password. Shared by the server and
// the admin screens.
import { z } from 'zod';

export { PASSWORD_PROBLEMS } from './password-problems.ts';

export const setDisabledSchema = z.strictObject({ disabled: z.boolean() });

export const resetPasswordResponseSchema = z.object({
  /** Generated; shown to the admin once, stored only as a hash. */
  password: z.string(),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  // Length is judged by the password policy, which answers with a precise code.
  newPassword: z.string().max(4096),
});
