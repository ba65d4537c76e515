import { Field } from "@/components/field";
import { PASSWORD_MIN_CHARACTERS } from "@/lib/password-rules";

/** New Password and Confirm New Password, with the rule said before anyone gets it wrong. */
export function NewPasswordFields({ errors, autoFocus = false }: { errors?: Record<string, string | undefined>; autoFocus?: boolean }) {
  return (
    <>
      <Field
        label="New Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_CHARACTERS} characters. A phrase of unrelated words is easy to remember and hard to guess.`}
        error={errors?.password}
        autoFocus={autoFocus}
        required
      />
      <Field label="Confirm New Password" name="confirmPassword" type="password" autoComplete="new-password" error={errors?.confirmPassword} required />
    </>
  );
}
