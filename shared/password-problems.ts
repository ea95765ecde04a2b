// Why a new staff password was refused: the 400 error codes of the password
// policy, so a form can say it in the user's language. No zod here: the
// password page imports this.
export const PASSWORD_PROBLEMS = ['password_too_short', 'password_too_long', 'password_too_common', 'password_is_username'] as const;
export type PasswordProblemCode = (typeof PASSWORD_PROBLEMS)[number];
