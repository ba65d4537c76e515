/** Shared by the server policy and the forms' hints; the policy itself (zxcvbn) stays on the server. */
export const PASSWORD_MIN_CHARACTERS = 12;
