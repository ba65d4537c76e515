import { z } from "zod";

const MAX_EMAIL_LENGTH = 254;

export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(MAX_EMAIL_LENGTH, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, such as name@example.com." }));

export const loginSchema = z.object({
  email: emailField,
  // Length rules belong to setting a password; here anything non-empty is simply checked.
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
});

export type LoginInput = z.infer<typeof loginSchema>;

export const nameSchema = z.object({
  name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
});

/** Field errors as forms show them: the first message for each field. */
export function firstFieldErrors<T>(error: z.ZodError<T>): Partial<Record<keyof T & string, string>> {
  const result: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    result[field] ??= issue.message;
  }
  return result as Partial<Record<keyof T & string, string>>;
}

/**
 * FormData values are strings or files; anything else is treated as missing. A server action can be
 * called with any serializable argument, not only a form's FormData, so that is checked too.
 */
export const formText = (formData: FormData, name: string) => {
  const value = formData instanceof FormData ? formData.get(name) : undefined;
  return typeof value === "string" ? value : undefined;
};

export const forgotPasswordSchema = z.object({ email: emailField });

const newPasswordFields = {
  password: z.string({ error: "Enter a new password." }).min(1, "Enter a new password.").max(1024, "That password is too long."),
  confirmPassword: z.string({ error: "Enter the new password again." }).min(1, "Enter the new password again."),
};

const confirmMatches = (value: { password: string; confirmPassword: string }, ctx: z.RefinementCtx) => {
  if (value.confirmPassword && value.password !== value.confirmPassword) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match. Enter the same new password twice." });
  }
};

export const resetPasswordSchema = z
  .object({ token: z.string({ error: "Missing link." }).max(256), ...newPasswordFields })
  .superRefine(confirmMatches);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024),
    ...newPasswordFields,
  })
  .superRefine(confirmMatches);

export const activateClientSchema = z.object({
  name: nameSchema.shape.name,
  email: emailField,
});

export const searchSchema = z.string().max(100).catch("");
